export { ROLES, isRole, type Role } from './domain/role';
export { actsFor, hasRole, mayReachOrganisation, organisationScope, type Principal } from './domain/principal';
export { CurrentPrincipal, Public, Roles } from './api/access.decorators';
export { AuthGuard } from './api/auth.guard';
export {
  bearerToken,
  RequestAuthenticator,
  requireRole,
  type AccessDecision,
  type Authentication,
  type AuthenticationOptions,
} from './api/request-authenticator';
export { CSRF_HEADER, SESSION_COOKIE } from './api/session-cookies';
export { TokenVerifier, type VerificationResult } from './infrastructure/token-verifier';
export { LocalIssuer, type TokenRequest } from './infrastructure/local-issuer';
export { SIGN_IN_AUDIT, type SignInAudit, type SignInAuditEntry } from './application/sign-in-audit';
export { AuthModule } from './auth.module';
export { StaffDirectory, type DirectoryListing, type DirectoryUser } from './application/staff-directory.port';
