import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal } from '../domain/principal';
import type { Role } from '../domain/role';

export const ROLES_METADATA = 'imdi:roles';
export const PUBLIC_METADATA = 'imdi:public';

/** The roles that may call a route. A route without @Roles or @Public is refused to everyone. */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_METADATA, roles);

/** Reachable without a token (health, the public scheme catalogue). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_METADATA, true);

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return request.principal;
});
