import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DevelopmentLogin } from './application/development-login.service';
import { AuthGuard } from './api/auth.guard';
import { DevelopmentLoginController } from './api/development-login.controller';
import { MeController } from './api/me.controller';
import { RequestAuthenticator } from './api/request-authenticator';
import { TokenVerifier } from './infrastructure/token-verifier';

@Global()
@Module({
  controllers: [MeController, DevelopmentLoginController],
  providers: [TokenVerifier, RequestAuthenticator, DevelopmentLogin, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier, RequestAuthenticator],
})
export class AuthModule {}
