export { ROLES, isRole, type Role } from './domain/role';
export { actsFor, hasRole, mayReachOrganisation, organisationScope, type Principal } from './domain/principal';
export { CurrentPrincipal, Public, Roles } from './api/access.decorators';
export { AuthGuard } from './api/auth.guard';
export { bearerToken, RequestAuthenticator, requireRole, type AccessDecision, type RequestWithHeaders } from './api/request-authenticator';
export { TokenVerifier, type VerificationResult } from './infrastructure/token-verifier';
export { LocalIssuer, type TokenRequest } from './infrastructure/local-issuer';
export { AuthModule } from './auth.module';
export { DevelopmentLogin, type LoginOptions } from './application/development-login.service';
