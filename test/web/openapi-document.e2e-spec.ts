import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@imdi/platform';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';

/*
 * The web's API client and types are generated (openapi-typescript, at build time) from the api's
 * OpenAPI document, committed as apps/web/src/api/openapi.json so a build needs no running server.
 * This test keeps that file the app's own document: after changing a route or DTO, run it with
 * WRITE_OPENAPI=1 to write the file anew.
 */
const COMMITTED = join(projectRoot(), 'apps', 'web', 'src', 'api', 'openapi.json');

describe("The web's committed OpenAPI document", () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  it('is the document the api serves at /docs-json', async () => {
    const token = await tokenFor({ sub: 'openapi', roles: ['admin'] });
    const served = await call(api.baseUrl, '/docs-json', { token });
    expect(served.status).toBe(200);
    const document = `${JSON.stringify(served.body, null, 2)}\n`;
    if (process.env.WRITE_OPENAPI === '1') writeFileSync(COMMITTED, document);
    expect(readFileSync(COMMITTED, 'utf8')).toBe(document);
  });
});
