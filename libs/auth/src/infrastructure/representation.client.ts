import { Injectable } from '@nestjs/common';
import { AppConfig } from '@imdi/platform';
import type { Representation } from '../domain/web-session';

interface AuthorizedParty {
  readonly name?: unknown;
  readonly organizationNumber?: unknown;
  readonly authorizedResources?: unknown;
}

/**
 * Asks the register of representation (Altinn's authorised parties) which organisations a person may
 * act for, and keeps those where the person holds this service's resource.
 */
@Injectable()
export class RepresentationClient {
  constructor(private readonly config: AppConfig) {}

  async organisationsOf(nationalIdNumber: string): Promise<Representation[]> {
    const url = this.config.AUTH_REPRESENTATION_URL;
    if (!url) return [];
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ type: 'urn:altinn:person:identifier-no', value: nationalIdNumber }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`the register of representation answered ${response.status}`);
    const parties = (await response.json()) as unknown;
    if (!Array.isArray(parties)) throw new Error('the register of representation answered with something other than a list');
    const resource = this.config.AUTH_REPRESENTATION_RESOURCE;
    return (parties as AuthorizedParty[])
      .filter((party) => typeof party.organizationNumber === 'string' && /^\d{9}$/.test(party.organizationNumber))
      .filter((party) => Array.isArray(party.authorizedResources) && party.authorizedResources.includes(resource))
      .map((party) => ({
        organisationNumber: party.organizationNumber as string,
        name: typeof party.name === 'string' ? party.name : (party.organizationNumber as string),
      }));
  }
}
