import { Body, Controller, Get, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OrganisationNumber } from '@imdi/kernel';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { DevelopmentLogin, type LoginOptions } from '../application/development-login.service';
import { ROLES, type Role } from '../domain/role';
import { Public } from './access.decorators';

export class DevelopmentLoginDto {
  @IsIn(ROLES)
  role: Role;

  /** Becomes the token's subject: the id the audit trail and four-eyes checks compare. */
  @Matches(/^[a-z0-9][a-z0-9._-]{1,62}$/, { message: '$property must be 2-63 lower-case letters, digits, ".", "_" or "-"' })
  userName: string;

  @IsOptional()
  @IsString()
  @Length(0, 200)
  displayName?: string;

  /** The organisation an applicant acts for; checked as a MOD11 organisation number. */
  @ValidateIf((login: DevelopmentLoginDto) => login.role === 'applicant')
  @JSONSchema({ description: 'Required when role is applicant' })
  @IsString()
  organisationNumber?: string;
}

@ApiTags('auth')
@Controller('auth')
export class DevelopmentLoginController {
  constructor(private readonly login: DevelopmentLogin) {}

  /** Tells the login page which way to log in; no secrets, so no token needed. */
  @Public()
  @Get('login-options')
  options(): LoginOptions {
    return this.login.options();
  }

  /** Development only: a token from the local issuer for a chosen role. 404 once an OIDC provider is configured. */
  @Public()
  @HttpCode(200)
  @Post('dev-login')
  async devLogin(@Body() body: DevelopmentLoginDto): Promise<{ token: string; expiresInSeconds: number }> {
    const organisationNumber = body.role === 'applicant' && body.organisationNumber ? OrganisationNumber.of(body.organisationNumber).value : undefined;
    const result = await this.login.login({ role: body.role, userName: body.userName, displayName: body.displayName, organisationNumber });
    // The same answer as a route that does not exist: production should not even admit to it.
    if (!result.ok) throw new NotFoundException('Cannot POST /auth/dev-login');
    return { token: result.token, expiresInSeconds: result.expiresInSeconds };
  }
}
