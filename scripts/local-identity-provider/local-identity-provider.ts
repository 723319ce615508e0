import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account, type ClientMetadata, type Configuration } from 'oidc-provider';
import {
  IMDI_RESOURCE,
  LOCAL_ASSURANCE_LEVEL,
  LOCAL_CLIENTS,
  LOCAL_MACHINE_AUDIENCE,
  type TestIdentities,
  type TestPerson,
  type TestStaffMember,
} from './test-identities';

export interface LocalIdentityProviderOptions {
  readonly host?: string;
  /** 0 for a free port (tests). */
  readonly port: number;
  readonly identities: TestIdentities;
}

export interface RunningIdentityProvider {
  readonly url: string;
  readonly staffIssuer: string;
  readonly applicantIssuer: string;
  readonly machineIssuer: string;
  /** Altinn-style: which organisations a person may represent, and with which rights. */
  readonly representationUrl: string;
  /** Microsoft Graph-style list of the staff provider's users and their groups, for a client-credentials token of the staff provider. */
  readonly staffDirectoryUrl: string;
  close(): Promise<void>;
}

type Kind = 'ansatt' | 'idporten' | 'maskinporten';

/**
 * A development and test stand-in for the agency's staff login (Entra ID-style), ID-porten,
 * Maskinporten and Altinn's register of representation, built on oidc-provider (a certified
 * OpenID provider), so the api logs in through the same OpenID Connect flow as in production.
 * Each provider has its own issuer path; the login page lists the test users to choose from.
 */
export async function startLocalIdentityProvider(options: LocalIdentityProviderOptions): Promise<RunningIdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((done) => server.listen(options.port, host, done));
  const base = `http://${host}:${(server.address() as AddressInfo).port}`;
  const identities = options.identities;
  const keys = { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] };
  const cookieKeys = [randomBytes(32).toString('base64url')];

  const providers: Record<Kind, Provider> = {
    ansatt: new Provider(`${base}/ansatt`, {
      ...common(keys, cookieKeys, 'ansatt'),
      // The api also reads the directory (Graph-style) as itself, with a client-credentials token from this provider.
      clients: [
        { ...webClient(LOCAL_CLIENTS.staff.clientId, LOCAL_CLIENTS.staff.clientSecret, 'ansatt'), grant_types: ['authorization_code', 'client_credentials'] },
      ],
      features: { ...common(keys, cookieKeys, 'ansatt').features, clientCredentials: { enabled: true } },
      claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'] },
      findAccount: async (_context, sub) => staffAccount(identities.staff.find((member) => member.userName === sub)),
    }),
    idporten: new Provider(`${base}/idporten`, {
      ...common(keys, cookieKeys, 'idporten'),
      clients: [webClient(LOCAL_CLIENTS.applicants.clientId, LOCAL_CLIENTS.applicants.clientSecret, 'idporten')],
      claims: { openid: ['sub', 'pid', 'name'], profile: ['name'] },
      acrValues: ['idporten-loa-substantial', LOCAL_ASSURANCE_LEVEL],
      findAccount: async (_context, sub) => personAccount(identities.persons.find((person) => personSub(person) === sub)),
    }),
    maskinporten: new Provider(`${base}/maskinporten`, {
      ...common(keys, cookieKeys, 'maskinporten'),
      clients: identities.machineClients.map((client) => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: client.scopes.join(' '),
        consumer_org: client.organisationNumber,
      })),
      scopes: [...new Set(identities.machineClients.flatMap((client) => client.scopes))],
      extraClientMetadata: { properties: ['consumer_org'] },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => LOCAL_MACHINE_AUDIENCE,
          useGrantedResource: async () => true,
          getResourceServerInfo: async (_context: unknown, _resource: string, client: { scope?: string }) => ({
            scope: client.scope ?? '',
            audience: LOCAL_MACHINE_AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 120,
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
      // Maskinporten names the organisation the client acts for in `consumer` (ISO 6523, 0192 = Norwegian organisation number).
      extraTokenClaims: async (context) => {
        const organisation = context.oidc.client?.consumer_org;
        return typeof organisation === 'string' ? { consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${organisation}` } } : undefined;
      },
    }),
  };

  const callbacks = Object.fromEntries(Object.entries(providers).map(([kind, provider]) => [kind, provider.callback()])) as Record<
    Kind,
    ReturnType<Provider['callback']>
  >;

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void route(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Feil i den lokale innloggingstjenesten: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', base);
    if (url.pathname === '/altinn/authorizedparties' && request.method === 'POST') return authorizedParties(request, response, identities);
    if (url.pathname === STAFF_DIRECTORY_PATH && request.method === 'GET') return staffDirectory(providers.ansatt, request, response, url, identities);
    if (url.pathname === '/') return html(response, 200, 'Lokal innloggingstjeneste', overviewPage(identities));
    const match = /^\/(ansatt|idporten|maskinporten)(\/.*)?$/.exec(url.pathname);
    if (!match) return html(response, 404, 'Fant ikke siden', '<p>Adressen finnes ikke.</p>');
    const kind = match[1] as Kind;
    const rest = match[2] ?? '/';
    const interaction = /^\/interaksjon\/([\w-]+)(\/logg-inn)?$/.exec(rest);
    if (interaction && kind !== 'maskinporten') {
      return interaction[2] && request.method === 'POST'
        ? finishLogin(providers[kind], kind, request, response)
        : showLogin(providers[kind], kind, request, response);
    }
    // oidc-provider answers from its own paths under the issuer; the prefix is put back afterwards.
    (request as IncomingMessage & { originalUrl?: string }).originalUrl = request.url;
    request.url = `${rest}${url.search}`;
    callbacks[kind](request, response);
  }

  async function showLogin(provider: Provider, kind: Kind, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === 'consent' && details.session?.accountId) {
      // Already logged in here (single sign-on): the first-party grant is given without asking.
      const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id ?? '' });
      grant.addOIDCScope(details.params.scope ?? 'openid');
      await provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
      return;
    }
    const action = `/${kind}/interaksjon/${details.uid}/logg-inn`;
    const choices =
      kind === 'ansatt'
        ? identities.staff.map((member) => choice(member.userName, `${member.name} (${member.userName})`, `grupper: ${member.groups.join(', ')}`))
        : identities.persons.map((person) =>
            choice(
              person.nationalIdNumber,
              `${person.name} (${person.nationalIdNumber})`,
              person.representations.length
                ? `kan representere: ${person.representations.map((party) => `${party.organisationName} ${party.organisationNumber}${party.resources.includes(IMDI_RESOURCE) ? '' : ' (uten rettighet for IMDi)'}`).join('; ')}`
                : 'representerer ingen organisasjon',
            ),
          );
    const title = kind === 'ansatt' ? 'Logg inn som ansatt (lokal testtjeneste)' : 'Logg inn med ID-porten (lokal testtjeneste)';
    html(
      response,
      200,
      title,
      `<p>Dette er en lokal innloggingstjeneste for utvikling og test. Velg hvem du vil logge inn som.</p>
      <form method="post" action="${escape(action)}"><fieldset><legend>Testbrukere</legend>${choices.join('')}</fieldset>
      <p><button type="submit">Logg inn</button></p></form>`,
    );
  }

  async function finishLogin(provider: Provider, kind: Kind, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    const chosen = new URLSearchParams(await readBody(request)).get('bruker') ?? '';
    const accountId =
      kind === 'ansatt'
        ? identities.staff.find((member) => member.userName === chosen)?.userName
        : mapDefined(
            identities.persons.find((person) => person.nationalIdNumber === chosen),
            personSub,
          );
    if (!accountId) return html(response, 400, 'Velg en testbruker', '<p>Du må velge hvem du vil logge inn som. Gå tilbake og velg en testbruker.</p>');
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id ?? '' });
    grant.addOIDCScope(details.params.scope ?? 'openid');
    const grantId = await grant.save();
    // First-party clients: the consent is given here, as the agency's own login and ID-porten do.
    const login = kind === 'idporten' ? { accountId, acr: LOCAL_ASSURANCE_LEVEL, amr: ['TestID'] } : { accountId, amr: ['pwd', 'mfa'] };
    await provider.interactionFinished(request, response, { login, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  return {
    url: base,
    staffIssuer: `${base}/ansatt`,
    applicantIssuer: `${base}/idporten`,
    machineIssuer: `${base}/maskinporten`,
    representationUrl: `${base}/altinn/authorizedparties`,
    staffDirectoryUrl: `${base}${STAFF_DIRECTORY_PATH}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

const STAFF_DIRECTORY_PATH = '/graph/v1.0/users';
const DIRECTORY_PAGE_SIZE = 100;

/**
 * As Microsoft Graph's GET /users with `$expand=memberOf`: `{ value: [...], '@odata.nextLink'? }`, pages of
 * `$top` users, for a valid client-credentials access token of the staff provider only.
 */
async function staffDirectory(provider: Provider, request: IncomingMessage, response: ServerResponse, url: URL, identities: TestIdentities): Promise<void> {
  const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const granted = token ? await provider.ClientCredentials.find(token) : undefined;
  if (!granted || granted.clientId !== LOCAL_CLIENTS.staff.clientId) {
    response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
    response.end(JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is missing, invalid or expired.' } }));
    return;
  }
  const top = Math.min(Math.max(Number(url.searchParams.get('$top') ?? DIRECTORY_PAGE_SIZE) || DIRECTORY_PAGE_SIZE, 1), 999);
  const skip = Math.max(Number(url.searchParams.get('$skiptoken') ?? 0) || 0, 0);
  const page = identities.staff.slice(skip, skip + top);
  const next = new URL(url.href);
  next.searchParams.set('$skiptoken', String(skip + top));
  const users = page.map((member) => ({
    id: member.userName,
    displayName: member.name,
    userPrincipalName: `${member.userName}@imdi.no`,
    memberOf: member.groups.map((group) => ({ '@odata.type': '#microsoft.graph.group', id: group, displayName: group })),
  }));
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ value: users, ...(skip + top < identities.staff.length ? { '@odata.nextLink': next.href } : {}) }));
}

function common(keys: { keys: object[] }, cookieKeys: string[], kind: Kind): Configuration {
  return {
    jwks: keys,
    cookies: { keys: cookieKeys, names: { session: `_${kind}_sesjon`, interaction: `_${kind}_interaksjon`, resume: `_${kind}_fortsett` } },
    // The api reads the person and groups from the ID token, as it does from ID-porten and Entra ID.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    interactions: { url: (_context, interaction) => `/${kind}/interaksjon/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    ttl: { Session: 8 * 60 * 60, Interaction: 15 * 60, IdToken: 60 * 60, AccessToken: 5 * 60, Grant: 8 * 60 * 60 },
  };
}

/**
 * A confidential web client; `native` lets the api's redirect address carry any loopback port
 * (RFC 8252), since tests start the api on a free port.
 */
function webClient(clientId: string, clientSecret: string, kind: Kind): ClientMetadata {
  return {
    client_id: clientId,
    client_secret: clientSecret,
    application_type: 'native',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [`http://127.0.0.1/auth/callback/${kind === 'ansatt' ? 'staff' : 'applicant'}`],
    post_logout_redirect_uris: ['http://127.0.0.1/logget-ut'],
    token_endpoint_auth_method: 'client_secret_basic',
  };
}

function staffAccount(member: TestStaffMember | undefined): Account | undefined {
  if (!member) return undefined;
  return {
    accountId: member.userName,
    claims: () => ({ sub: member.userName, name: member.name, preferred_username: `${member.userName}@imdi.no`, groups: [...member.groups] }),
  };
}

/** ID-porten gives each person a subject of its own (not the national identity number, which is in `pid`). */
function personSub(person: TestPerson): string {
  return createHash('sha256').update(`idporten-lokal:${person.nationalIdNumber}`).digest('base64url').slice(0, 32);
}

function personAccount(person: TestPerson | undefined): Account | undefined {
  if (!person) return undefined;
  return { accountId: personSub(person), claims: () => ({ sub: personSub(person), pid: person.nationalIdNumber, name: person.name }) };
}

async function authorizedParties(request: IncomingMessage, response: ServerResponse, identities: TestIdentities): Promise<void> {
  let body: { type?: unknown; value?: unknown };
  try {
    body = JSON.parse(await readBody(request)) as { type?: unknown; value?: unknown };
  } catch {
    body = {};
  }
  if (body.type !== 'urn:altinn:person:identifier-no' || typeof body.value !== 'string') {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ title: 'type must be urn:altinn:person:identifier-no and value a national identity number' }));
    return;
  }
  const person = identities.persons.find((candidate) => candidate.nationalIdNumber === body.value);
  const parties = (person?.representations ?? []).map((party) => ({
    name: party.organisationName,
    organizationNumber: party.organisationNumber,
    type: 'Organization',
    authorizedResources: [...party.resources],
  }));
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(parties));
}

async function logoutSource(context: { body?: string }, form: string): Promise<void> {
  // ID-porten ends the session without asking when the service sends its ID token; so does this stand-in (a button without script).
  context.body = page(
    'Logger ut',
    `${form}<input type="hidden" name="logout" value="yes" form="op.logoutForm">
    <p>Du logges ut av den lokale innloggingstjenesten.</p><p><button type="submit" form="op.logoutForm">Logg ut</button></p>
    <script>document.getElementById('op.logoutForm').submit()</script>`,
  );
}

async function postLogoutSuccessSource(context: { body?: string }): Promise<void> {
  context.body = page('Du er logget ut', '<p>Du er logget ut av den lokale innloggingstjenesten.</p>');
}

function overviewPage(identities: TestIdentities): string {
  const staff = identities.staff.map((member) => `<li>${escape(member.name)} (${escape(member.userName)}): ${escape(member.groups.join(', '))}</li>`).join('');
  const persons = identities.persons
    .map(
      (person) =>
        `<li>${escape(person.name)} (${escape(person.nationalIdNumber)}): ${escape(person.representations.map((party) => party.organisationName).join(', ') || 'ingen')}</li>`,
    )
    .join('');
  return `<h2>Ansatte</h2><ul>${staff}</ul><h2>Personer</h2><ul>${persons}</ul>`;
}

function choice(value: string, label: string, hint: string): string {
  const id = `bruker-${value.replace(/[^\w-]/g, '')}`;
  return `<div class="valg"><input type="radio" name="bruker" id="${escape(id)}" value="${escape(value)}" aria-describedby="${escape(id)}-hjelp"><label for="${escape(id)}">${escape(label)}</label> <span id="${escape(id)}-hjelp">${escape(hint)}</span></div>`;
}

function html(response: ServerResponse, status: number, title: string, body: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(page(title, body));
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function mapDefined<T, R>(value: T | undefined, map: (value: T) => R): R | undefined {
  return value === undefined ? undefined : map(value);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}
