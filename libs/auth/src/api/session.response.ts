import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { ROLES, type Role } from '../domain/role';
import { SESSION_KINDS, type SessionKind } from '../domain/web-session';

export class SessionProvidersResponse {
  @ApiProperty({ description: 'Om innlogging for IMDis ansatte er satt opp.' })
  staff: boolean;

  @ApiProperty({ description: 'Om innlogging for søkere (ID-porten) er satt opp.' })
  applicant: boolean;
}

export class SessionPrincipalResponse {
  @ApiProperty({ description: 'Brukerens id hos innloggingstjenesten.' })
  userId: string;

  @ApiProperty({ description: 'Navnet på den som er logget inn.' })
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true, description: 'Rollene den innloggede har.' })
  roles: Role[];

  @ApiProperty({ type: String, isArray: true, description: 'Organisasjonsnumrene en søker handler for; tom for IMDis ansatte.' })
  organisationNumbers: string[];

  @ApiPropertyOptional({ example: '964338531', description: 'Organisasjonen personen har valgt å handle for.' })
  actingFor?: string;
}

export class SessionRepresentationResponse {
  @ApiProperty({ example: '964338531' })
  organisationNumber: string;

  @ApiProperty({ description: 'Organisasjonens navn.' })
  name: string;
}

/** GET /auth/session when no one is signed in: which sign-ins this installation offers. */
export class AnonymousSessionResponse {
  @ApiProperty({ type: Boolean, enum: [false], description: 'Ingen er logget inn.' })
  authenticated: false;

  @ApiProperty({ type: SessionProvidersResponse, description: 'Innloggingene som er satt opp.' })
  providers: SessionProvidersResponse;
}

/** GET /auth/session for a signed-in browser: who, the CSRF token for changes, and whom a person may act for. */
export class SignedInSessionResponse {
  @ApiProperty({ type: Boolean, enum: [true], description: 'Noen er logget inn.' })
  authenticated: true;

  @ApiProperty({ enum: SESSION_KINDS, description: 'Ansatt hos IMDi eller søker.' })
  kind: SessionKind;

  @ApiProperty({ type: SessionPrincipalResponse })
  principal: SessionPrincipalResponse;

  @ApiProperty({ description: 'Sendes i x-csrf-token-headeren ved hver endring.' })
  csrfToken: string;

  @ApiProperty({ type: SessionRepresentationResponse, isArray: true, description: 'Organisasjonene personen kan representere.' })
  representations: SessionRepresentationResponse[];

  @ApiProperty({ type: String, nullable: true, example: '964338531', description: 'Organisasjonen personen handler for nå.' })
  actingFor: string | null;
}

/** The session's answer: one of the two shapes, told apart by `authenticated`. */
export const ApiSessionResponse = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(AnonymousSessionResponse, SignedInSessionResponse),
    ApiOkResponse({
      description: 'Hvem nettleserens økt tilhører, eller hvilke innlogginger som finnes.',
      schema: { oneOf: [{ $ref: getSchemaPath(AnonymousSessionResponse) }, { $ref: getSchemaPath(SignedInSessionResponse) }] },
    }),
  );
