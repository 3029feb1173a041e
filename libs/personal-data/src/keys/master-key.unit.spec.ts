import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidMasterKeyError } from '../errors';
import { loadOrCreateMasterKey, parseMasterKey } from './master-key';

describe('parseMasterKey', () => {
  it('decodes 32 bytes of base64, around surrounding whitespace', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(` ${key.toString('base64')}\n`)).toEqual(key);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64'), 'got 16 bytes'],
    ['too long', randomBytes(33).toString('base64'), 'got 33 bytes'],
    ['empty', '', 'got 0 bytes'],
    ['not base64', 'not base64 at all!', 'not base64'],
  ])('refuses a key %s, naming PERSONAL_DATA_MASTER_KEY', (_, text, detail) => {
    const error = (() => {
      try {
        return parseMasterKey(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidMasterKeyError);
    expect((error as Error).message).toContain('PERSONAL_DATA_MASTER_KEY must be 32 bytes');
    expect((error as Error).message).toContain(detail);
  });
});

describe('loadOrCreateMasterKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cdp-master-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given no file, creates one readable by its owner only, and reads the same key back after', () => {
    const file = join(dir, 'secrets', 'master.key');
    const key = loadOrCreateMasterKey(file);
    expect(key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(key.toString('base64'));
    expect(loadOrCreateMasterKey(file)).toEqual(key);
  });

  it('given a file with a wrong key, refuses it and names the file', () => {
    const file = join(dir, 'master.key');
    writeFileSync(file, randomBytes(24).toString('base64'));
    expect(() => loadOrCreateMasterKey(file)).toThrow(`PERSONAL_DATA_MASTER_KEY file ${file} must be 32 bytes`);
  });
});
