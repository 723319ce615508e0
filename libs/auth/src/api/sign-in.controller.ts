import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WebSignIn } from '../application/web-sign-in.service';
import type { Principal } from '../domain/principal';
import { SignInError } from '../domain/sign-in.errors';
import { SESSION_KINDS, type Representation, type SessionKind } from '../domain/web-session';
import { Public } from './access.decorators';
import { RequestAuthenticator } from './request-authenticator';
import { clearCookie, LOGIN_COOKIE, readCookie, requestOrigin, SESSION_COOKIE, setCookie } from './session-cookies';
import { ApiSessionResponse } from './session.response';
import { SIGN_IN_PAGE_HEADERS, signInPage } from './sign-in.pages';

export class ProviderParam {
  @IsIn(SESSION_KINDS)
  kind: SessionKind;
}

export class LoginQuery {
  /** The page to come back to after login (a path on this site). */
  @IsOptional()
  @IsString()
  neste?: string;
}

export class ChooseOrganisationDto {
  @Matches(/^\d{9}$/, { message: 'organisationNumber må være 9 siffer' })
  organisationNumber: string;
}

export type SessionView =
  | { readonly authenticated: false; readonly providers: Readonly<Record<SessionKind, boolean>> }
  | {
      readonly authenticated: true;
      readonly kind: SessionKind;
      readonly principal: Principal;
      readonly csrfToken: string;
      readonly representations: readonly Representation[];
      readonly actingFor: string | null;
    };

/** A login attempt lasts as long as a person may take at the provider's page. */
const LOGIN_COOKIE_SECONDS = 15 * 60;

@ApiTags('auth')
@Controller('auth')
export class SignInController {
  constructor(
    private readonly signIn: WebSignIn,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  /** Sends the browser to the provider (staff: the agency's; applicant: ID-porten), with PKCE, state and nonce kept here. */
  @Public()
  @Get('login/:kind')
  async login(@Param() params: ProviderParam, @Query() query: LoginQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const started = await this.signIn.start(params.kind, requestOrigin(request), query.neste);
    if (!started.ok) {
      void reply
        .status(503)
        .headers(SIGN_IN_PAGE_HEADERS)
        .send(
          signInPage(
            'Innlogging er ikke satt opp',
            [
              params.kind === 'staff'
                ? 'Innlogging for ansatte er ikke satt opp i dette miljøet.'
                : 'Innlogging med ID-porten er ikke satt opp i dette miljøet.',
            ],
            [['/', 'Gå til forsiden']],
          ),
        );
      return;
    }
    setCookie(reply, LOGIN_COOKIE, started.attemptId, LOGIN_COOKIE_SECONDS);
    void reply.header('cache-control', 'no-store').redirect(started.redirectTo, 302);
  }

  /** The provider's answer. A new session id every time (no fixation); the attempt is used up (no replay). */
  @Public()
  @Get('callback/:kind')
  async callback(@Param() params: ProviderParam, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const previous = readCookie(request, SESSION_COOKIE);
    clearCookie(reply, LOGIN_COOKIE);
    const finished = await this.signIn.finish(params.kind, readCookie(request, LOGIN_COOKIE), requestOrigin(request), query);
    if (!finished.ok) {
      const page = FAILURE_PAGES[finished.reason](finished.name);
      void reply
        .status(page.status)
        .headers(SIGN_IN_PAGE_HEADERS)
        .send(signInPage(page.title, page.text, [['/logg-inn', 'Til innloggingen']]));
      return;
    }
    // Whatever session the browser had before (perhaps one an attacker planted) ends here.
    if (previous) await this.signIn.logout(previous, requestOrigin(request));
    setCookie(reply, SESSION_COOKIE, finished.sessionId);
    void reply.header('cache-control', 'no-store').redirect(finished.redirectTo, 302);
  }

  /** Who the browser's session is, the CSRF token for its changes, and the organisations a person may act for. */
  @Public()
  @Get('session')
  @ApiSessionResponse()
  async session(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionView> {
    void reply.header('cache-control', 'no-store');
    const session = await this.signIn.session(readCookie(request, SESSION_COOKIE));
    if (!session) return { authenticated: false, providers: { staff: this.signIn.configured('staff'), applicant: this.signIn.configured('applicant') } };
    return {
      authenticated: true,
      kind: session.kind,
      principal: session.principal,
      csrfToken: session.csrfToken,
      representations: session.representations,
      actingFor: session.actingFor,
    };
  }

  /** The organisation a person acts for from now on; only one the register says they may represent. */
  @Public()
  @HttpCode(200)
  @Post('organisation')
  @ApiSessionResponse()
  async chooseOrganisation(@Body() body: ChooseOrganisationDto, @Req() request: FastifyRequest): Promise<SessionView> {
    const authentication = await this.authenticator.authenticate(request);
    if (!authentication.ok) throw authentication.error;
    const sessionId = readCookie(request, SESSION_COOKIE);
    const session = authentication.via === 'session' ? await this.signIn.session(sessionId) : undefined;
    if (!session || !sessionId) throw new SignInError('NOT_AN_APPLICANT', 'Bare en person som er logget inn i nettleseren, kan velge organisasjon.');
    const chosen = await this.signIn.chooseOrganisation(sessionId, session, body.organisationNumber);
    if (!chosen.ok) {
      throw chosen.reason === 'not-an-applicant'
        ? new SignInError('NOT_AN_APPLICANT', 'Bare søkere velger organisasjon.')
        : new SignInError(
            'ORGANISATION_NOT_REPRESENTED',
            `Du har ikke rettighet til å representere organisasjon ${body.organisationNumber} i denne tjenesten.`,
            'organisationNumber',
          );
    }
    const now = (await this.signIn.session(sessionId))!;
    return {
      authenticated: true,
      kind: now.kind,
      principal: now.principal,
      csrfToken: now.csrfToken,
      representations: now.representations,
      actingFor: now.actingFor,
    };
  }

  /** Ends the session here; the answer names the provider's logout, where the browser goes next. */
  @Public()
  @HttpCode(200)
  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ redirectTo: string }> {
    const sessionId = readCookie(request, SESSION_COOKIE);
    if (sessionId && (await this.signIn.session(sessionId))) {
      const authentication = await this.authenticator.authenticate(request);
      if (!authentication.ok) throw authentication.error;
    }
    clearCookie(reply, SESSION_COOKIE);
    return { redirectTo: await this.signIn.logout(sessionId, requestOrigin(request)) };
  }
}

const FAILURE_PAGES: Record<
  'no-attempt' | 'refused' | 'no-role' | 'assurance-level' | 'no-identity',
  (name?: string) => { status: number; title: string; text: string[] }
> = {
  'no-attempt': () => ({
    status: 400,
    title: 'Innloggingen kunne ikke fullføres',
    text: [
      'Svaret fra innloggingstjenesten hører ikke til en innlogging som ble startet i denne nettleseren, eller det er brukt før. Start innloggingen på nytt.',
    ],
  }),
  refused: () => ({
    status: 400,
    title: 'Innloggingen kunne ikke fullføres',
    text: ['Innloggingstjenesten ga et svar som ikke kunne godtas. Start innloggingen på nytt.'],
  }),
  'no-role': (name) => ({
    status: 403,
    title: 'Du har ikke tilgang til tilskuddsforvaltningen',
    text: [
      `Du er logget inn${name ? ` som ${name}` : ''}, men brukeren din er ikke med i noen gruppe som gir en rolle her (saksbehandler, godkjenner, økonomi, systemeier eller departement).`,
      'Be lederen din eller IT-brukerstøtten om å bli lagt til i riktig gruppe, og logg inn på nytt.',
    ],
  }),
  'assurance-level': () => ({
    status: 403,
    title: 'Innloggingen er ikke sikker nok',
    text: ['Tjenesten krever innlogging på høyt sikkerhetsnivå (for eksempel BankID eller MinID med app). Logg inn på nytt med en slik metode.'],
  }),
  'no-identity': () => ({
    status: 400,
    title: 'Innloggingen kunne ikke fullføres',
    text: ['Innloggingstjenesten sa ikke hvem du er. Start innloggingen på nytt.'],
  }),
};
