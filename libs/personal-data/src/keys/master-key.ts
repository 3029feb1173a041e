import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidMasterKeyError } from '../errors';

export const masterKeyVariable = 'PERSONAL_DATA_MASTER_KEY';
const masterKeyLength = 32;
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** The master key from its base64 form (as in PERSONAL_DATA_MASTER_KEY); anything but 32 bytes stops start-up. */
export function parseMasterKey(base64: string, origin = masterKeyVariable): Buffer {
  const text = base64.trim();
  const key = base64Pattern.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (!key || key.length !== masterKeyLength) {
    const got = key ? `${key.length} bytes` : 'text that is not base64';
    throw new InvalidMasterKeyError(
      `${origin} must be 32 bytes in base64 (44 characters), got ${got}: generate one with \`openssl rand -base64 32\``,
    );
  }
  return key;
}

/**
 * The master key kept in a file (base64), created with mode 0600 when absent: fit for one machine
 * and for development. In production pass PERSONAL_DATA_MASTER_KEY from a secret store instead.
 */
export function loadOrCreateMasterKey(filePath: string): Buffer {
  const origin = `${masterKeyVariable} file ${filePath}`;
  const existing = readIfPresent(filePath);
  if (existing !== undefined) return parseMasterKey(existing, origin);

  mkdirSync(dirname(filePath), { recursive: true });
  const key = randomBytes(masterKeyLength);
  // Written aside, then linked into place: the link is atomic and fails if the file appeared meanwhile,
  // so of two processes starting at once both end with the same, complete key.
  const aside = `${filePath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(aside, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(aside, filePath);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseMasterKey(readFileSync(filePath, 'utf8'), origin);
  } finally {
    rmSync(aside, { force: true });
  }
}

function readIfPresent(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
