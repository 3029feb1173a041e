import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { RequestWithRoles } from './roles.guard';

/** What the caller may see, from the roles the guard resolved. */
export interface Caller {
  seesPersonalData: boolean;
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const roles = context.switchToHttp().getRequest<RequestWithRoles>().roles ?? [];
  return { seesPersonalData: roles.includes('personal-data') };
});
