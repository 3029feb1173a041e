import { createCipheriv, createDecipheriv, KeyObject, randomBytes } from 'node:crypto';
import { DataKeyUnwrapError } from '../errors';
import { dataKeyLength } from './data-key';

const ivLength = 12;
const tagLength = 16;
export const wrappedKeyLength = ivLength + dataKeyLength + tagLength;

// The AAD binds a wrapped key to its subject and generation: a key row copied to another
// subject, or renumbered, no longer opens.
const aad = (subjectId: string, generation: number) => Buffer.from(`${subjectId}|${generation}`, 'utf8');

/** `iv(12) | ciphertext(32) | tag(16)`, AES-256-GCM under the master key. */
export function wrapDataKey(masterKey: KeyObject, subjectId: string, generation: number, key: Buffer): Buffer {
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv, { authTagLength: tagLength });
  cipher.setAAD(aad(subjectId, generation));
  return Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
}

export function unwrapDataKey(masterKey: KeyObject, subjectId: string, generation: number, wrapped: Uint8Array): Buffer {
  const bytes = Buffer.from(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength);
  if (bytes.length !== wrappedKeyLength) throw new DataKeyUnwrapError(subjectId, generation);
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, bytes.subarray(0, ivLength), { authTagLength: tagLength });
    decipher.setAAD(aad(subjectId, generation));
    decipher.setAuthTag(bytes.subarray(ivLength + dataKeyLength));
    return Buffer.concat([decipher.update(bytes.subarray(ivLength, ivLength + dataKeyLength)), decipher.final()]);
  } catch {
    throw new DataKeyUnwrapError(subjectId, generation);
  }
}

export function newDataKey(): Buffer {
  return randomBytes(dataKeyLength);
}
