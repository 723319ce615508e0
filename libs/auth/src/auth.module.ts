import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { domainErrorStatuses, PersonalDataCipher } from '@imdi/platform';
import { AccessController } from './api/access.controller';
import { AuthGuard } from './api/auth.guard';
import { MeController } from './api/me.controller';
import { RequestAuthenticator } from './api/request-authenticator';
import { SignInController } from './api/sign-in.controller';
import { WebSignIn } from './application/web-sign-in.service';
import { SIGN_IN_ERROR_STATUSES, SignInError } from './domain/sign-in.errors';
import { StaffDirectory } from './application/staff-directory.port';
import { GraphStaffDirectory } from './infrastructure/graph-staff-directory';
import { IdentityProviders } from './infrastructure/identity-providers';
import { MachineTokenVerifier } from './infrastructure/machine-token.verifier';
import { RepresentationClient } from './infrastructure/representation.client';
import { TokenVerifier } from './infrastructure/token-verifier';
import { WebSessionRepository } from './infrastructure/web-session.repository';

@Global()
@Module({
  controllers: [MeController, SignInController, AccessController],
  providers: [
    domainErrorStatuses(SignInError, SIGN_IN_ERROR_STATUSES),
    TokenVerifier,
    MachineTokenVerifier,
    RequestAuthenticator,
    WebSignIn,
    IdentityProviders,
    RepresentationClient,
    { provide: StaffDirectory, useClass: GraphStaffDirectory },
    WebSessionRepository,
    PersonalDataCipher,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier, RequestAuthenticator],
})
export class AuthModule {}
