import type { INestApplicationContext } from '@nestjs/common';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { prepareSettlementYear, settleTwoMinors, SETTLEMENT_YEAR } from '../support/per-capita-settlements';
import { startWorker } from '../support/worker-harness';

/**
 * Issue 16: GET /per-capita-settlements gives a municipality its own per-capita settlements (period,
 * persons, rate, amount, paid date) and nothing of another municipality's; only applicants, acting
 * for their organisations, may ask (staff have /payments/per-capita).
 */
describe('A municipality’s own per-capita settlements', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  const ours = newOrganisationNumber();
  const theirs = newOrganisationNumber();
  let ourToken: string;
  let theirToken: string;

  async function register(organisationNumber: string, name: string, municipalityNumber: string): Promise<string> {
    const token = await tokenFor({ sub: `kommune-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await call(api.baseUrl, '/organisations', {
      method: 'POST',
      token,
      json: {
        organisationNumber,
        name,
        kind: 'kommune',
        municipalityNumber,
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari Kommune',
        contactEmail: 'kari@example.no',
      },
    });
    expect([registered.status, registered.body.detail]).toEqual([201, undefined]);
    return token;
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    ourToken = await register(ours, 'Oppgjørvik kommune', '1520');
    theirToken = await register(theirs, 'Nabovik kommune', '1524');
    await prepareSettlementYear(api);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('is empty before any run, and lists the period, persons, rates, amount and paid date after one', async () => {
    expect((await call(api.baseUrl, '/per-capita-settlements', { token: ourToken })).body).toEqual([]);
    const { asOf } = await settleTwoMinors(api, ours, '1520');
    const answer = await call(api.baseUrl, '/per-capita-settlements', { token: ourToken });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      {
        id: expect.any(String),
        organisationNumber: ours,
        schemeCode: 'enslige-mindreaarige',
        schemeName: { nb: expect.stringMatching(/enslige mindreårige/i), nn: expect.any(String) },
        budgetYear: SETTLEMENT_YEAR,
        period: String(SETTLEMENT_YEAR),
        sequence: 1,
        persons: 2,
        rates: [
          { rateCode: 'age-0-16', label: expect.any(String), rateNok: '200000.00', persons: 1, amountNok: '200000.00' },
          { rateCode: 'age-17-20', label: expect.any(String), rateNok: '150000.00', persons: 1, amountNok: '150000.00' },
        ],
        owedNok: '350000.00',
        differenceNok: '350000.00',
        paidNok: '350000.00',
        paidOn: asOf,
      },
    ]);
  }, 120_000);

  it('shows another municipality none of ours, and refuses staff and the unauthenticated', async () => {
    const theirsAnswer = await call(api.baseUrl, '/per-capita-settlements', { token: theirToken });
    expect([theirsAnswer.status, theirsAnswer.body]).toEqual([200, []]);
    // A token acting for both municipalities sees the lines of both: only ours has any.
    const both = await tokenFor({ sub: 'kommune-begge', roles: ['applicant'], organisationNumbers: [theirs, ours] });
    expect(
      (await call(api.baseUrl, '/per-capita-settlements', { token: both })).body.map((line: { organisationNumber: string }) => line.organisationNumber),
    ).toEqual([ours]);
    for (const roles of [['finance'], ['caseworker'], ['ministry']] as const) {
      const staff = await tokenFor({ sub: `ansatt-${roles[0]}`, roles: [...roles] });
      const refused = await call(api.baseUrl, '/per-capita-settlements', { token: staff });
      expect([roles[0], refused.status, refused.headers.get('content-type')]).toEqual([roles[0], 403, expect.stringContaining('application/problem+json')]);
    }
    expect((await call(api.baseUrl, '/per-capita-settlements')).status).toBe(401);
  });
});
