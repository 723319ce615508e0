import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@imdi/platform';
import { StaffDirectory, type DirectoryListing, type DirectoryUser } from '../application/staff-directory.port';
import { IdentityProviders } from './identity-providers';

interface GraphUser {
  readonly id?: unknown;
  readonly displayName?: unknown;
  readonly userPrincipalName?: unknown;
  readonly memberOf?: unknown;
}

interface GraphPage {
  readonly value?: unknown;
  readonly '@odata.nextLink'?: unknown;
}

/** Graph pages a directory of 100 000 staff at most; more means a loop, not an agency. */
const MAX_PAGES = 1000;

/**
 * The staff directory as Microsoft Graph serves it: GET /users with each user's groups expanded,
 * following `@odata.nextLink`, with a client-credentials token of the api's own staff client.
 */
@Injectable()
export class GraphStaffDirectory extends StaffDirectory {
  private readonly logger = new Logger(GraphStaffDirectory.name);

  constructor(
    private readonly config: AppConfig,
    private readonly providers: IdentityProviders,
  ) {
    super();
  }

  async list(): Promise<DirectoryListing> {
    const url = this.config.AUTH_STAFF_DIRECTORY_URL;
    if (!url || !this.providers.settings('staff')) return { state: 'not-configured' };
    try {
      const token = await this.providers.clientCredentialsToken('staff', this.config.AUTH_STAFF_DIRECTORY_SCOPE);
      const first = new URL(url);
      first.searchParams.set('$select', 'id,displayName,userPrincipalName');
      first.searchParams.set('$expand', 'memberOf($select=id,displayName)');
      const users: DirectoryUser[] = [];
      let next: string | undefined = first.href;
      for (let page = 0; next && page < MAX_PAGES; page++) {
        const response = await fetch(next, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
        if (!response.ok) return this.unavailable(`the directory answered ${response.status}`);
        const body = (await response.json()) as GraphPage;
        if (!Array.isArray(body.value)) return this.unavailable('the directory answered without a list of users');
        users.push(...(body.value as GraphUser[]).flatMap(toUser));
        next = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
      }
      return { state: 'listed', users: users.sort((a, b) => a.name.localeCompare(b.name, 'nb')) };
    } catch (error) {
      return this.unavailable(error instanceof Error ? error.message : String(error));
    }
  }

  private unavailable(reason: string): DirectoryListing {
    this.logger.warn(`staff directory unavailable: ${reason}`);
    return { state: 'unavailable', reason };
  }
}

function toUser(user: GraphUser): DirectoryUser[] {
  if (typeof user.id !== 'string') return [];
  const userName = typeof user.userPrincipalName === 'string' ? user.userPrincipalName : user.id;
  const groups = (Array.isArray(user.memberOf) ? (user.memberOf as Array<Record<string, unknown>>) : [])
    // memberOf also lists directory roles and administrative units; only groups carry sign-in groups.
    .filter((entry) => entry['@odata.type'] === undefined || entry['@odata.type'] === '#microsoft.graph.group')
    .filter((entry) => typeof entry.id === 'string')
    .map((entry) => ({ id: entry.id as string, name: typeof entry.displayName === 'string' ? entry.displayName : (entry.id as string) }));
  return [{ id: user.id, name: typeof user.displayName === 'string' ? user.displayName : userName, userName, groups }];
}
