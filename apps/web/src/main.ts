import { api, ApiProblem } from './api.js';
import { byId, h } from './dom.js';
import { ROLE_LABELS } from './format.js';
import { navigate, type Route, startRouter } from './router.js';
import { actingForName, currentPrincipal, homeOf, rememberSession, type Role, sessionState, type SessionState } from './session.js';
import { applicationView } from './views/application.js';
import { myApplicationsView, openSchemesView, organisationView, schemeView } from './views/applicant.js';
import { caseworkCaseView, queueView, rankingView } from './views/casework.js';
import { batchView, financeView, reportsView, runView } from './views/finance.js';
import { chooseOrganisationView } from './views/choose-organisation.js';
import { loggedOutView, loginView } from './views/login.js';
import { ministryInboxView } from './views/ministry.js';
import { myReportsView, reportWorklistView } from './views/recipient-reports.js';
import { reportRunView } from './views/reports.js';

const STAFF: readonly Role[] = ['caseworker', 'approver'];
const UUID = '([0-9a-f-]{36})';

const ROUTES: readonly Route[] = [
  { path: /^\/logg-inn$/, view: loginView },
  { path: /^\/logget-ut$/, view: loggedOutView },
  { path: /^\/velg-organisasjon$/, roles: ['applicant'], view: chooseOrganisationView },
  { path: /^\/ordninger$/, roles: ['applicant'], view: openSchemesView },
  { path: /^\/ordninger\/([a-z0-9-]+)$/, roles: ['applicant'], view: schemeView },
  { path: /^\/organisasjon$/, roles: ['applicant'], view: organisationView },
  { path: /^\/soknader$/, roles: ['applicant'], view: myApplicationsView },
  { path: new RegExp(`^/soknader/${UUID}$`), roles: ['applicant'], view: applicationView },
  { path: /^\/rapportering$/, roles: ['applicant'], view: myReportsView },
  { path: /^\/saksbehandling$/, roles: STAFF, view: queueView },
  { path: /^\/saksbehandling\/rapporter$/, roles: [...STAFF, 'admin'], view: reportWorklistView },
  { path: new RegExp(`^/saksbehandling/saker/${UUID}$`), roles: [...STAFF, 'admin'], view: caseworkCaseView },
  { path: /^\/saksbehandling\/runder\/([a-z0-9-]+)\/(\d{4})$/, roles: STAFF, view: rankingView },
  { path: /^\/okonomi$/, roles: ['finance'], view: financeView },
  { path: new RegExp(`^/okonomi/kjoringer/${UUID}$`), roles: ['finance'], view: runView },
  { path: new RegExp(`^/okonomi/bunter/${UUID}$`), roles: ['finance'], view: batchView },
  { path: /^\/departementet$/, roles: ['ministry', 'admin'], view: ministryInboxView },
  { path: /^\/rapporter$/, roles: ['finance', 'ministry', 'admin'], view: reportsView },
  { path: new RegExp(`^/rapporter/${UUID}$`), roles: ['finance', 'ministry', 'admin'], view: reportRunView },
];

const MENUS: Readonly<Record<Role, ReadonlyArray<readonly [string, string]>>> = {
  applicant: [['/ordninger', 'Åpne ordninger'], ['/soknader', 'Mine søknader'], ['/rapportering', 'Rapportering'], ['/organisasjon', 'Organisasjon']],
  caseworker: [['/saksbehandling', 'Arbeidskø'], ['/saksbehandling/rapporter', 'Mottakernes rapporter']],
  approver: [['/saksbehandling', 'Arbeidskø'], ['/saksbehandling/rapporter', 'Mottakernes rapporter']],
  finance: [['/okonomi', 'Utbetalinger'], ['/rapporter', 'Rapporter']],
  ministry: [['/departementet', 'Forhåndsorienteringer'], ['/rapporter', 'Rapporter']],
  admin: [['/rapporter', 'Rapporter'], ['/departementet', 'Forhåndsorienteringer']],
  // The journal has no page of its own in the web yet: the archivist works through /journal in the api.
  archivist: [],
};

/** The header follows whoever is logged in: their menu, their name, a way out. */
function drawHeader(): void {
  const principal = currentPrincipal();
  const user = byId('bruker');
  const menu = byId('meny');
  const links = byId('meny-lenker');
  if (!principal) {
    user.replaceChildren(location.pathname === '/logg-inn' ? '' : h('a', { href: '/logg-inn' }, 'Logg inn'));
    links.replaceChildren();
    menu.hidden = true;
    return;
  }
  const acting = actingForName();
  const state = sessionState();
  user.replaceChildren(
    h('span', {}, `${principal.name} (${principal.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')})`),
    acting ? h('span', {}, ` for ${acting}`) : '',
    state.authenticated && state.kind === 'applicant' && state.representations.length > 1 ? h('a', { href: '/velg-organisasjon' }, 'Bytt organisasjon') : '',
    h('button', { type: 'button', class: 'knapp', onclick: () => void logOut() }, 'Logg ut'),
  );
  const entries = new Map<string, string>();
  for (const role of principal.roles) for (const [path, label] of MENUS[role]) entries.set(path, label);
  // One link is the current page: the longest that the address starts with (/saksbehandling/rapporter, not /saksbehandling).
  const current = [...entries.keys()].filter((path) => location.pathname === path || location.pathname.startsWith(`${path}/`)).sort((a, b) => b.length - a.length)[0];
  links.replaceChildren(...[...entries].map(([path, label]) => h('li', {}, h('a', { href: path, 'aria-current': path === current ? 'page' : undefined }, label))));
  menu.hidden = entries.size === 0;
}

/** Some browsers scroll to the fragment without moving focus; the skip link must move it. */
function wireSkipLink(): void {
  document.querySelector<HTMLAnchorElement>('a.hopp')?.addEventListener('click', (event) => {
    event.preventDefault();
    const main = byId('hovedinnhold');
    main.focus();
    main.scrollIntoView();
  });
}

/** Ends the session here, then at the provider (RP-initiated logout), which sends the browser back to /logget-ut. */
async function logOut(): Promise<void> {
  try {
    const { redirectTo } = await api<{ redirectTo: string }>('/auth/logout', { method: 'POST' });
    location.assign(redirectTo);
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    location.assign('/logg-inn');
  }
}

async function start(): Promise<void> {
  wireSkipLink();
  rememberSession(await api<SessionState>('/auth/session'));
  const principal = currentPrincipal();
  if (location.pathname === '/') history.replaceState(null, '', principal ? homeOf(principal) : '/logg-inn');
  startRouter(ROUTES, drawHeader);
}

void start();
