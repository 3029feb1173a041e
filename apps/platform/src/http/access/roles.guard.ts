import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiRole, PlatformConfig } from '@cdp/config';
import type { Request } from 'express';
import { PLATFORM_CONFIG } from '../../platform-config.token';
import { callerRoles, MissingRoleError } from './caller-roles';

const requiredRoleKey = 'cdp:required-role';

/** The role a route needs; routes without it are open to every caller. */
export const RequiresRole = (role: ApiRole) => SetMetadata(requiredRoleKey, role);

export type RequestWithRoles = Request & { roles?: readonly ApiRole[] };

/** Resolves the caller's roles once per request (kept on it for handlers) and checks the route's role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<RequestWithRoles>();
    const role = this.reflector.getAllAndOverride<ApiRole | undefined>(requiredRoleKey, [context.getHandler(), context.getClass()]);
    if (role === undefined) return true;
    req.roles = callerRoles(req, this.config.apiAccess);
    if (!req.roles.includes(role)) throw new MissingRoleError(role);
    return true;
  }
}
