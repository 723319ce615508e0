import { call, startApi, tokenFor, type HttpResult, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';

/** Issue 16: a municipality reads its own assignment letters (oppdragsbrev); nobody else's. */
describe('A municipality lists its own assignment letters', () => {
  let api: RunningApi;
  const municipality = newOrganisationNumber();
  const otherOrganisation = newOrganisationNumber();
  let municipalityToken: string;
  let otherToken: string;
  let letterId: string;

  const ok = (response: HttpResult, status: number) => expect([response.status, (response.body as { detail?: string }).detail]).toEqual([status, undefined]);
  const register = async (organisationNumber: string, sub: string, kind: string, municipalityNumber: string | null): Promise<string> => {
    const token = await tokenFor({ sub, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    ok(
      await call(api.baseUrl, '/organisations', {
        method: 'POST',
        token,
        json: {
          organisationNumber,
          name: kind === 'kommune' ? 'Oppdragsbrev kommune' : 'Annen forening',
          kind,
          ...(municipalityNumber ? { municipalityNumber } : {}),
          accountNumber: newAccountNumber(),
          writtenStandard: 'nb',
          contactName: 'Kari',
          contactEmail: 'kari@example.no',
        },
      }),
      201,
    );
    return token;
  };

  beforeAll(async () => {
    api = await startApi();
    municipalityToken = await register(municipality, 'oppdrag-kommune', 'kommune', '4601');
    otherToken = await register(otherOrganisation, 'oppdrag-annen', 'organisasjon', null);
    const caseworker = await tokenFor({ sub: 'oppdrag-saksbehandler', roles: ['caseworker'] });
    const issued = await call(api.baseUrl, '/casework/assignment-letters', {
      method: 'POST',
      token: caseworker,
      json: { organisationNumber: municipality, budgetYear: 2017, frameNok: '450000' },
    });
    ok(issued, 201);
    letterId = issued.body.id;
  });
  afterAll(async () => {
    await api.close();
  });

  it('the municipality sees its letter with scheme, year and frame, and can open the PDF', async () => {
    const list = await call(api.baseUrl, '/assignment-letters', { token: municipalityToken });
    ok(list, 200);
    expect(list.body).toEqual([
      expect.objectContaining({
        id: letterId,
        organisationNumber: municipality,
        schemeCode: 'frivillige-lokale',
        budgetYear: 2017,
        frameNok: '450000.00',
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        schemeName: expect.objectContaining({ nb: expect.any(String), nn: expect.any(String) }),
      }),
    ]);
    const pdf = await call(api.baseUrl, `/assignment-letters/${letterId}`, { token: municipalityToken });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
  });

  it('another organisation gets an empty list and no PDF', async () => {
    const list = await call(api.baseUrl, '/assignment-letters', { token: otherToken });
    ok(list, 200);
    expect(list.body).toEqual([]);
    expect((await call(api.baseUrl, `/assignment-letters/${letterId}`, { token: otherToken })).status).toBe(404);
  });
});
