import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '../domain/principal';
import type { Role } from '../domain/role';
import { TokenVerifier } from '../infrastructure/token-verifier';
import { PUBLIC_METADATA, ROLES_METADATA } from './access.decorators';

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets);

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedException({ detail: 'Du er ikke logget inn. Logg inn og prøv igjen.' });
    const result = await this.verifier.verify(token);
    if (!result.ok) {
      throw new UnauthorizedException({ detail: result.reason === 'expired' ? 'Innloggingen er utløpt. Logg inn på nytt.' : 'Innloggingen er ikke gyldig. Logg inn på nytt.' });
    }
    if (!roles || roles.length === 0) throw new ForbiddenException({ detail: 'Denne tjenesten er stengt for alle roller (den oppgir ingen roller som har tilgang).' });
    if (!roles.some((role) => result.principal.roles.includes(role))) {
      throw new ForbiddenException({ detail: `Du har ikke tilgang. Dette krever en av rollene: ${roles.join(', ')}.` });
    }
    request.principal = result.principal;
    return true;
  }
}
