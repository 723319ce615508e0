import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../domain/principal';
import type { Role } from '../domain/role';
import { PUBLIC_METADATA, ROLES_METADATA } from './access.decorators';
import { RequestAuthenticator, requireRole } from './request-authenticator';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets);

    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const authenticated = await this.authenticator.principalOf(request);
    if (!authenticated.ok) throw authenticated.error ?? new ForbiddenException({ detail: authenticated.detail });
    if (!roles || roles.length === 0)
      throw new ForbiddenException({ detail: 'Denne tjenesten er stengt for alle roller (den oppgir ingen roller som har tilgang).' });
    const decision = requireRole(authenticated.principal, roles);
    if (!decision.ok) throw new ForbiddenException({ detail: decision.detail });
    request.principal = decision.principal;
    return true;
  }
}
