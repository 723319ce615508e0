import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@imdi/platform';
import { ImportSchemeYear, type SchemeYearDocument } from '@imdi/schemes';
import { call, tokenFor, type RunningApi } from './api-harness';
import { newNationalIdNumber } from './identifiers';
import { eventually } from './worker-harness';

/** A budget year of its own for the per-capita settlements (past, so settlement dates are real). */
export const SETTLEMENT_YEAR = 2020;

/** The enslige-mindreaarige rates this fixture sets and confirms, in kroner. */
export const ENSLIGE_MINDREAARIGE_RATES = { 'age-0-16': '200000', 'age-17-20': '150000' } as const;

/**
 * Prepares the settlement year (allocation letter, schemes, confirmed enslige-mindreaarige rates) as
 * finance and an admin would over the api. Needs a running worker to pay later.
 */
export async function prepareSettlementYear(api: RunningApi): Promise<void> {
  const admin = await tokenFor({ sub: 'fixture-ada', roles: ['admin'] });
  const post = (path: string, json: object) => call(api.baseUrl, path, { method: 'POST', token: admin, json });
  const letter = JSON.parse(readFileSync(join(projectRoot(), 'data', 'allocation-letters', '2017.json'), 'utf8'));
  const imported = await post('/admin/budget/allocation-letters', { ...letter, budgetYear: SETTLEMENT_YEAR, source: `test ${SETTLEMENT_YEAR}` });
  if (imported.status !== 201) throw new Error(`allocation letter: ${imported.status} ${JSON.stringify(imported.body)}`);
  const schemes = JSON.parse(readFileSync(join(projectRoot(), 'data', 'schemes', '2017.json'), 'utf8')) as SchemeYearDocument;
  await api.app
    .get(ImportSchemeYear)
    .execute({ ...schemes, budgetYear: SETTLEMENT_YEAR, source: `test ${SETTLEMENT_YEAR}` }, { userId: 'fixture-ada', roles: ['admin'] });
  for (const [code, amountNok] of Object.entries(ENSLIGE_MINDREAARIGE_RATES)) {
    const path = `/admin/schemes/enslige-mindreaarige/versions/${SETTLEMENT_YEAR}/rates/${code}`;
    const set = await call(api.baseUrl, path, { method: 'PUT', token: admin, json: { amountNok, source: 'test' } });
    if (set.status !== 200) throw new Error(`rate ${code}: ${set.status} ${JSON.stringify(set.body)}`);
    const confirmed = await post(`${path}/confirm`, {});
    if (confirmed.status !== 200) throw new Error(`confirm ${code}: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  }
}

/**
 * Two unaccompanied minors settled in a registered municipality (one turning 16 in the settlement
 * year: 200 000 kr; one turning 18: 150 000 kr), then a per-capita run for the year, waited for.
 */
export async function settleTwoMinors(api: RunningApi, organisationNumber: string, municipalityNumber: string): Promise<{ runId: string; asOf: string }> {
  const finance = await tokenFor({ sub: 'fixture-fiona', roles: ['finance'] });
  const post = (path: string, json: object) => call(api.baseUrl, path, { method: 'POST', token: finance, json });
  const minor = (birthDate: string, gender: 'female' | 'male', settlementDate: string) => ({
    nationalIdNumber: newNationalIdNumber(birthDate, gender),
    organisationNumber,
    municipalityNumber,
    settlementDate,
  });
  const imported = await post('/payments/per-capita/enslige-mindreaarige/records', {
    records: [minor('2004-05-01', 'female', '2019-08-01'), minor('2002-02-01', 'male', '2018-03-01')],
  });
  if (imported.status !== 201 && imported.status !== 200) throw new Error(`records: ${imported.status} ${JSON.stringify(imported.body)}`);
  const asOf = `${SETTLEMENT_YEAR}-12-15`;
  const started = await post('/payments/per-capita/runs', {
    schemeCode: 'enslige-mindreaarige',
    budgetYear: SETTLEMENT_YEAR,
    period: String(SETTLEMENT_YEAR),
    asOf,
  });
  if (started.status !== 202) throw new Error(`run: ${started.status} ${JSON.stringify(started.body)}`);
  const run = await eventually(async () => {
    const view = (await call(api.baseUrl, `/payments/runs/${started.body.id}`, { token: finance })).body;
    return view.status === 'completed' || view.status === 'refused' ? view : undefined;
  }, 40_000);
  if (run.status !== 'completed') throw new Error(`run ${run.status}: ${JSON.stringify(run)}`);
  return { runId: started.body.id, asOf };
}
