import { ApiAccessConfig, ApiRole } from '@cdp/config';
import type { IncomingMessage } from 'node:http';

export class UnknownApiTokenError extends Error {
  readonly code = 'unknown-api-token';
  constructor() {
    super('The bearer token is not one this platform knows: check the Authorization header against API_TOKENS.');
  }
}

export class MissingRoleError extends Error {
  readonly code = 'missing-role';
  constructor(readonly role: ApiRole) {
    super(`This needs the ${role} role: send a bearer token that has it (API_TOKENS).`);
  }
}

/** The roles of the caller: those of its bearer token, or the anonymous ones without a token. */
export function callerRoles(req: IncomingMessage, access: ApiAccessConfig): readonly ApiRole[] {
  const header = req.headers.authorization;
  if (header === undefined) return access.anonymousRoles;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const roles = match ? access.tokens.get(match[1]) : undefined;
  if (!roles) throw new UnknownApiTokenError();
  return roles;
}
