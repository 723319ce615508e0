import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * `__Host-`: the browser accepts the cookie only if Secure, for path / and without Domain, so no
 * other host (or http page on a sibling domain) can plant or read it. SameSite=Lax lets the
 * top-level redirect back from the provider carry it, and keeps it off cross-site POSTs.
 */
export const SESSION_COOKIE = '__Host-imdi-sesjon';
export const LOGIN_COOKIE = '__Host-imdi-innlogging';
export const CSRF_HEADER = 'x-csrf-token';

const FLAGS = { httpOnly: true, secure: true, sameSite: 'lax', path: '/' } as const;

/** The api registers the cookie plugin without its parsing hook (create-api-app.ts): a cookie is read where it is asked for. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  return fastifyCookie.parse(request.headers.cookie ?? '')[name] || undefined;
}

export function setCookie(reply: FastifyReply, name: string, value: string, maxAgeSeconds?: number): void {
  void reply.setCookie(name, value, maxAgeSeconds === undefined ? FLAGS : { ...FLAGS, maxAge: maxAgeSeconds });
}

export function clearCookie(reply: FastifyReply, name: string): void {
  void reply.clearCookie(name, FLAGS);
}

/** The request's own origin (development, where no public address is configured). */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
