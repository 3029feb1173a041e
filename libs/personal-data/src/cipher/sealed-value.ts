import { createCipheriv, createDecipheriv, KeyObject, randomFillSync } from 'node:crypto';
import { Json } from '@cdp/event-model';

/** Stored form of a personal field: `pii:v1:<generation>:<base64url(iv | ciphertext | tag)>`. */
export const sealedPrefix = 'pii:v1:';
const ivLength = 12;
const tagLength = 16;

export const generationPrefix = (generation: number): string => `${sealedPrefix}${generation}:`;

// One random fill serves 4096 IVs: a getrandom call per field would cost more than encrypting it.
// Each IV is handed out once; 96-bit random IVs stay far from collisions at any realistic count per key.
const ivPool = Buffer.allocUnsafe(ivLength * 4096);
let ivOffset = ivPool.length;

function writeIv(target: Buffer): void {
  if (ivOffset === ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  ivPool.copy(target, 0, ivOffset, ivOffset + ivLength);
  ivOffset += ivLength;
}

/** Encrypts the JSON form of `value` (AES-256-GCM) under `key`, bound to `aad`; `prefix` names the generation. */
export function seal(key: KeyObject, prefix: string, aad: string, value: Json): string {
  const plaintext = Buffer.from(JSON.stringify(value), 'utf8');
  const sealed = Buffer.allocUnsafe(ivLength + plaintext.length + tagLength);
  writeIv(sealed);
  const cipher = createCipheriv('aes-256-gcm', key, sealed.subarray(0, ivLength), { authTagLength: tagLength });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  cipher.update(plaintext).copy(sealed, ivLength);
  cipher.final();
  cipher.getAuthTag().copy(sealed, ivLength + plaintext.length);
  return prefix + sealed.toString('base64url');
}

export type ParsedSealed = { generation: number; payload: string } | 'malformed';

/** The generation and payload of a stored field, `malformed` for a broken `pii:v1:` string, undefined for any other value. */
export function parseSealed(value: Json): ParsedSealed | undefined {
  if (typeof value !== 'string' || !value.startsWith(sealedPrefix)) return undefined;
  const colon = value.indexOf(':', sealedPrefix.length);
  const generation = Number(value.slice(sealedPrefix.length, colon));
  if (colon < 0 || !Number.isSafeInteger(generation) || generation < 1) return 'malformed';
  return { generation, payload: value.slice(colon + 1) };
}

/** The value sealed in `payload`, or undefined when it does not authenticate under `key` and `aad`. */
export function open(key: KeyObject, aad: string, payload: string): Json | undefined {
  const sealed = Buffer.from(payload, 'base64url');
  if (sealed.length < ivLength + tagLength) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, ivLength), { authTagLength: tagLength });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - tagLength));
    const head = decipher.update(sealed.subarray(ivLength, sealed.length - tagLength));
    const tail = decipher.final();
    return JSON.parse((tail.length ? Buffer.concat([head, tail]) : head).toString('utf8')) as Json;
  } catch {
    return undefined;
  }
}
