import { ApiProblem } from './api.js';
import { byId, type Child, h } from './dom.js';
import { currentPrincipal, mustChooseOrganisation, type Role } from './session.js';
import { errorText, notice } from './ui.js';

export interface ViewContext {
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  /** Aborted when the person leaves the page: polling stops with it. */
  readonly signal: AbortSignal;
}

export interface View {
  readonly title: string;
  readonly body: readonly Child[];
}

export interface Route {
  readonly path: RegExp;
  /** Who may see the page; anyone when absent. */
  readonly roles?: readonly Role[];
  readonly view: (context: ViewContext) => Promise<View>;
}

let routes: readonly Route[] = [];
let current: AbortController | undefined;
let flash: { kind: 'suksess' | 'info'; text: string } | undefined;
let onRendered: () => void = () => undefined;

export function startRouter(table: readonly Route[], afterRender: () => void): void {
  routes = table;
  onRendered = afterRender;
  // Links inside the site change the view without a page load; everything else behaves as a link does.
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !isOwnPath(url.pathname) || (url.pathname === location.pathname && url.hash)) return;
    event.preventDefault();
    void navigate(`${url.pathname}${url.search}`);
  });
  window.addEventListener('popstate', () => void render(true));
  void render(false);
}

/** The API's paths are served by the same host; only the front end's own are routed here. */
function isOwnPath(pathname: string): boolean {
  return pathname === '/' || routes.some((route) => route.path.test(pathname));
}

export async function navigate(path: string, message?: string): Promise<void> {
  if (message) flash = { kind: 'suksess', text: message };
  history.pushState(null, '', path);
  await render(true);
}

/** Draws the current page again, e.g. after an action changed what it shows. */
export async function reload(message?: string): Promise<void> {
  if (message) flash = { kind: 'suksess', text: message };
  await render(true);
}

async function render(moveFocus: boolean): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const main = byId('hovedinnhold');
  main.setAttribute('aria-busy', 'true');
  const url = new URL(location.href);
  const match = routes.map((route) => ({ route, found: route.path.exec(url.pathname) })).find((candidate) => candidate.found);
  let view: View;
  if (!match) {
    view = { title: 'Fant ikke siden', body: [h('p', {}, 'Adressen finnes ikke. '), h('p', {}, h('a', { href: '/' }, 'Gå til forsiden'))] };
  } else if (match.route.roles && !currentPrincipal()) {
    history.replaceState(null, '', `/logg-inn?neste=${encodeURIComponent(url.pathname + url.search)}`);
    return render(moveFocus);
  } else if (match.route.roles?.includes('applicant') && mustChooseOrganisation() && url.pathname !== '/velg-organisasjon') {
    // Every applicant page is about one organisation: the person chooses it first.
    history.replaceState(null, '', `/velg-organisasjon?neste=${encodeURIComponent(url.pathname + url.search)}`);
    return render(moveFocus);
  } else if (match.route.roles && !match.route.roles.some((role) => currentPrincipal()!.roles.includes(role))) {
    view = { title: 'Du har ikke tilgang', body: [h('p', {}, 'Siden er for andre roller enn din. '), h('p', {}, h('a', { href: '/' }, 'Gå til forsiden'))] };
  } else {
    try {
      view = await match.route.view({ params: match.found!.slice(1), query: url.searchParams, signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof ApiProblem && error.status === 401) {
        history.replaceState(null, '', `/logg-inn?neste=${encodeURIComponent(url.pathname + url.search)}`);
        return render(moveFocus);
      }
      view = { title: 'Siden kunne ikke vises', body: [notice('feil', errorText(error))] };
    }
  }
  if (controller.signal.aborted) return;
  const heading = h('h1', { tabindex: '-1' }, view.title);
  const message = flash ? h('div', { class: `melding melding--${flash.kind}`, role: 'status', tabindex: '-1' }, h('p', {}, flash.text)) : null;
  flash = undefined;
  main.replaceChildren(heading, message ?? '', ...flattenChildren(view.body));
  main.removeAttribute('aria-busy');
  document.title = `${view.title} – IMDi tilskuddsforvaltning`;
  onRendered();
  // After a navigation the reader starts at the new page's heading (or at the message about what just happened).
  if (moveFocus) (message ?? heading).focus();
}

function flattenChildren(children: readonly Child[]): Array<Node | string> {
  const nodes: Array<Node | string> = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) nodes.push(...flattenChildren(child));
    else nodes.push(child instanceof Node ? child : String(child));
  }
  return nodes;
}
