import type { TestPerson, TestStaffMember } from '../../scripts/local-identity-provider/test-identities';

export interface Exchange {
  readonly status: number;
  readonly headers: Headers;
  readonly location: string | undefined;
  readonly text: string;
}

/**
 * A browser without the browser, for tests over HTTP: keeps cookies per host (as browsers do,
 * whatever the port) and follows nothing by itself, so each redirect of the sign-in can be looked at.
 */
export class HttpBrowser {
  private readonly cookies = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).hostname)?.get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    const host = new URL(url).hostname;
    if (!this.cookies.has(host)) this.cookies.set(host, new Map());
    this.cookies.get(host)!.set(name, value);
  }

  async request(
    url: string,
    options: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Exchange> {
    const host = new URL(url).hostname;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    const headers: Record<string, string> = { ...options.headers };
    if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(url, { method: options.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.trim().split('=');
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (!this.cookies.has(host)) this.cookies.set(host, new Map());
      if (expired || value.join('=') === '') this.cookies.get(host)!.delete(name);
      else this.cookies.get(host)!.set(name, value.join('='));
    }
    const location = response.headers.get('location') ?? undefined;
    return { status: response.status, headers: response.headers, location: location ? new URL(location, url).href : undefined, text: await response.text() };
  }

  /** Follows redirects from `url` until one leaves for `stopAt` (an origin) or a page answers; returns the last exchange and its URL. */
  async follow(url: string, stopAt?: string): Promise<{ url: string; exchange: Exchange }> {
    let current = url;
    for (let hop = 0; hop < 15; hop++) {
      const exchange = await this.request(current);
      if (!exchange.location || (stopAt && exchange.location.startsWith(stopAt))) return { url: current, exchange };
      current = exchange.location;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

export type Someone = { readonly staff: TestStaffMember } | { readonly person: TestPerson };

/**
 * Logs in through the api and the local provider's login page, as a person would, up to the
 * provider's redirect back to the api's callback (returned, not yet followed) so tests may tamper with it.
 */
export async function loginUntilCallback(browser: HttpBrowser, apiUrl: string, kind: 'staff' | 'applicant', someone: Someone, returnTo = '/'): Promise<string> {
  const start = await browser.request(`${apiUrl}/auth/login/${kind}?neste=${encodeURIComponent(returnTo)}`);
  if (start.status !== 302 || !start.location) throw new Error(`login did not redirect: ${start.status} ${start.text}`);
  const loginPage = await browser.follow(start.location, apiUrl);
  if (loginPage.exchange.status !== 200) throw new Error(`the provider's login page answered ${loginPage.exchange.status}: ${loginPage.exchange.text}`);
  const action = /<form method="post" action="([^"]+)"/.exec(loginPage.exchange.text)?.[1];
  if (!action) throw new Error(`no login form at ${loginPage.url}`);
  const chosen = 'staff' in someone ? someone.staff.userName : someone.person.nationalIdNumber;
  const submitted = await browser.request(new URL(action.replace(/&#47;/g, '/'), loginPage.url).href, { method: 'POST', form: { bruker: chosen } });
  if (!submitted.location) throw new Error(`the login form answered ${submitted.status}: ${submitted.text}`);
  const toCallback = await browser.follow(submitted.location, apiUrl);
  const callback = toCallback.exchange.location;
  if (!callback?.startsWith(`${apiUrl}/auth/callback/`))
    throw new Error(`the provider did not send us back: ${toCallback.exchange.status} ${toCallback.exchange.text}`);
  return callback;
}

/** Logs in all the way: the session cookie is in the browser afterwards; returns where the api sent it. */
export async function logInOverHttp(browser: HttpBrowser, apiUrl: string, kind: 'staff' | 'applicant', someone: Someone, returnTo = '/'): Promise<Exchange> {
  const callback = await loginUntilCallback(browser, apiUrl, kind, someone, returnTo);
  return browser.request(callback);
}
