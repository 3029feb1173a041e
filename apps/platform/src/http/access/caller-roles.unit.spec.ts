import { loadPlatformConfig } from '@cdp/config';
import type { IncomingMessage } from 'node:http';
import { callerRoles, UnknownApiTokenError } from './caller-roles';

const request = (authorization?: string) => ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;

describe('callerRoles', () => {
  const { apiAccess } = loadPlatformConfig({ API_TOKENS: 'reader-token-0000000001:analyst+personal-data,ops-token-00000000001:operator' });

  it('gives a token its roles, and an anonymous caller the anonymous ones', () => {
    expect(callerRoles(request('Bearer reader-token-0000000001'), apiAccess)).toEqual(['analyst', 'personal-data']);
    expect(callerRoles(request('bearer ops-token-00000000001'), apiAccess)).toEqual(['operator']);
    expect(callerRoles(request(), apiAccess)).toEqual(['analyst']);
  });

  it('refuses a token it does not know, and a header that is no bearer token', () => {
    expect(() => callerRoles(request('Bearer guessed-token-000000001'), apiAccess)).toThrow(UnknownApiTokenError);
    expect(() => callerRoles(request('Basic dXNlcjpwYXNz'), apiAccess)).toThrow(UnknownApiTokenError);
  });

  it('can give anonymous callers no role at all', () => {
    expect(callerRoles(request(), loadPlatformConfig({ API_ANONYMOUS_ROLES: 'none' }).apiAccess)).toEqual([]);
  });
});
