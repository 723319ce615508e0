import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { answer, api, rememberCsrfToken } from './api/client';
import type { Role, SessionState } from './api/views';

interface SessionContext {
  readonly session: SessionState;
  readonly replace: (next: SessionState) => void;
}

const Context = createContext<SessionContext | undefined>(undefined);

/** Who is signed in, as GET /auth/session says; the browser holds no token, only the httpOnly cookie. */
export function SessionProvider({ children, fallback }: { readonly children: ReactNode; readonly fallback: ReactNode }) {
  const [session, setSession] = useState<SessionState | undefined>(undefined);
  const [failed, setFailed] = useState<unknown>(undefined);
  const replace = useCallback((next: SessionState) => {
    rememberCsrfToken(next.authenticated ? next.csrfToken : undefined);
    setSession(next);
  }, []);
  useEffect(() => {
    answer<SessionState>(api.GET('/auth/session')).then(replace, setFailed);
  }, [replace]);
  if (failed) throw failed;
  if (!session) return fallback;
  return <Context.Provider value={{ session, replace }}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useSession utenfor SessionProvider');
  return context;
}

export function hasRole(session: SessionState, ...roles: readonly Role[]): boolean {
  return session.authenticated && roles.some((role) => session.principal.roles.includes(role));
}

export function actingForName(session: SessionState): string | undefined {
  if (!session.authenticated || !session.actingFor) return undefined;
  const acting = session.actingFor;
  return session.representations.find((party) => party.organisationNumber === acting)?.name ?? acting;
}

/** A path on this site to come back to; anything else is dropped (the api checks it again). */
export function safeNext(next: string | null): string | undefined {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}
