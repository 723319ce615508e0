import type { INestApplicationContext } from '@nestjs/common';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { pdfText } from '../support/pdf-text';
import { eventually, startWorker } from '../support/worker-harness';

/** Words that only end up in a letter when a template or scheme leaks English or raw data. */
const ENGLISH_OR_RAW = ['Paid ', ' the ', 'after the', 'Year 1', 'claim', 'budgetYear', 'amountNok', 'undefined', 'null', '[object'];

/**
 * What a grant letter says, read back from the PDF as the recipient reads it: a Norwegian public
 * letter (letterhead, address block with att., reference line, signatures by name), with the
 * grant period, the report's accounts, and — for an enkeltvedtak only — fvl. §§ 36 and 42 and the
 * year's ministry as appeal body.
 */
describe('What decision letters say', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let caseworker: string;
  let approver: string;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });

  async function organisation(kind: 'organisasjon' | 'kommune', writtenStandard: 'nb' | 'nn', name: string) {
    const organisationNumber = newOrganisationNumber();
    const token = await tokenFor({ sub: `lc-applicant-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await post('/organisations', token, {
      organisationNumber,
      name,
      kind,
      ...(kind === 'kommune' ? { municipalityNumber: '4601' } : {}),
      accountNumber: newAccountNumber(),
      writtenStandard,
      contactName: 'Ola Registrert',
      contactEmail: 'ola@example.no',
      contactPhone: '55 00 00 00',
      postalAddress: 'Storgata 1',
      postalCode: '0155',
      postalPlace: 'Oslo',
    });
    expect([registered.status, registered.body.errors]).toEqual([201, undefined]);
    return { organisationNumber, token };
  }

  /** Applies, proposes, approves, notifies the ministry and sends the letter; returns the letter's text. */
  async function grantLetter(
    schemeCode: string,
    applicant: { organisationNumber: string; token: string },
    amount: string,
  ): Promise<{ text: string; caseNumber: string; caseId: string }> {
    const scheme = (await call(api.baseUrl, `/schemes/${schemeCode}?year=2017`)).body;
    clock.set(new Date(new Date(scheme.window.opensAt).getTime() + 86_400_000));
    const form: Record<string, unknown> = {
      projectTitle: 'Mentorer i arbeid',
      description: 'Mentorer fra arbeidslivet for personer med innvandrerbakgrunn.',
      periodStart: '2017-03-01',
      periodEnd: '2017-12-31',
      budget: [{ description: 'Koordinator', amountNok: amount }],
      requestedAmountNok: amount,
      contactName: 'Kari Nordmann',
      contactEmail: 'kari@example.no',
      yourReference: 'Deres sak 17/42',
    };
    for (const [field, schema] of Object.entries(scheme.formSchema.properties as Record<string, { type?: string; enum?: string[] }>)) {
      if (!(field in form))
        form[field] = schema.enum ? schema.enum[0] : schema.type === 'integer' || schema.type === 'number' ? 5 : 'Beskrivelse av tiltaket for deltakerne.';
    }
    const created = await post('/applications', applicant.token, { organisationNumber: applicant.organisationNumber, schemeCode, budgetYear: 2017, form });
    expect([created.status, created.body.errors]).toEqual([201, undefined]);
    const caseId = created.body.id as string;
    expect(
      (await call(api.baseUrl, `/applications/${caseId}/submit`, { method: 'POST', token: applicant.token, headers: { 'idempotency-key': `lc-${caseId}` } }))
        .status,
    ).toBe(201);
    expect((await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: amount, reasons: 'Søknaden oppfyller kriteriene.' })).status).toBe(201);
    expect((await post(`/casework/cases/${caseId}/approve`, approver)).body.status).toBe('approved');
    await post('/casework/ministry-notifications', caseworker, { schemeCode, budgetYear: 2017 });
    await eventually(async () =>
      (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status === 'ministry_notified' ? true : undefined,
    );
    const letter = await post(`/casework/cases/${caseId}/letters`, caseworker);
    expect(letter.status).toBe(201);
    const pdf = await call(api.baseUrl, `/cases/${caseId}/letters/${letter.body.id}`, { token: applicant.token });
    const [{ case_number: caseNumber }] = await dataSource.query('SELECT case_number FROM case_file WHERE id = $1', [caseId]);
    return { text: await pdfText(pdf.body as Buffer), caseNumber, caseId };
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    clock = api.app.get(Clock) as AdjustableClock;
    caseworker = await tokenFor({ sub: 'lc-saksbehandler', name: 'Kari Saksbehandler', roles: ['caseworker'] });
    approver = await tokenFor({ sub: 'lc-godkjenner', name: 'Per Godkjenner', roles: ['approver'] });
    const admin = await tokenFor({ sub: 'lc-admin', roles: ['admin'] });
    for (const budgetPost of ['496.73', '496.62']) {
      expect(
        (await post('/admin/delegations', admin, { approverId: 'lc-godkjenner', budgetPost, maxAmountNok: '5000000', reference: 'Delegering LC' })).status,
      ).toBe(201);
    }
  });
  afterAll(async () => {
    clock.set(undefined);
    await worker.close();
    await api.close();
  });

  it('writes an enkeltvedtak grant as a Norwegian public letter naming people, period, accounts, §§ 36 and 42 and the 2017 ministry', async () => {
    const applicant = await organisation('organisasjon', 'nb', 'Mentorforeningen Vest');
    const { text, caseNumber } = await grantLetter('mentor-trainee', applicant, '450000');
    // Letterhead
    expect(text).toContain('Integrerings- og mangfoldsdirektoratet');
    expect(text).toContain('Postboks 8059 Dep, 0031 Oslo');
    expect(text).toContain('Org.nr. 988 295 388');
    expect(text).toContain('postmottak@imdi.no');
    // Address block with the contact person from the application
    expect(text).toMatch(/Mentorforeningen Vest Att\.: Kari Nordmann Storgata 1 0155 Oslo/);
    // Reference line: case number and the letter's document number in the case
    // The number comes from the case's one document counter: the application is 1, and the journal's own
    // entries (the proposal, the pre-notification) take theirs as the worker records them, so only the order is fixed.
    const reference = new RegExp(`Vår ref\\. ${caseNumber.replace('/', '\\/')}-(\\d+) Deres ref\\. Deres sak 17/42 Dato \\d{2}\\.\\d{2}\\.2017`).exec(text);
    expect(Number(reference?.[1])).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`org.nr. ${applicant.organisationNumber.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3')}`);
    // People by name, never their user ids
    expect(text).toContain('Per Godkjenner, godkjenner');
    expect(text).toContain('Kari Saksbehandler, saksbehandler');
    expect(text).toContain('Dokumentet er elektronisk godkjent og har derfor ingen signatur.');
    expect(text).not.toMatch(/lc-saksbehandler|lc-godkjenner/);
    // The grant
    expect(text).toContain('Tilskuddsperiode 01.03.2017–31.12.2017');
    expect(text).toContain('Rapporten skal inneholde regnskap for bruken av tilskuddet.');
    expect(text).toContain('skal regnskapet bekreftes av revisor');
    // Appeal, for an enkeltvedtak, to the ministry of 2017
    expect(text).toContain('påklages til Justis- og beredskapsdepartementet');
    expect(text).not.toContain('Arbeids- og inkluderingsdepartementet');
    expect(text).toContain('forvaltningsloven § 36');
    expect(text).toContain('forvaltningsloven § 42');
    for (const word of ENGLISH_OR_RAW) expect(text).not.toContain(word);
    // The purpose is said once
    const purpose = text.match(/Formål (.{40})/)![1];
    expect(text.split(purpose).length - 1).toBe(1);
  });

  it('writes the letter in nynorsk for a nynorsk recipient', async () => {
    const applicant = await organisation('kommune', 'nn', 'Bergen kommune');
    const { text } = await grantLetter('mentor-trainee', applicant, '100000');
    expect(text).toContain('Tilskotsbrev');
    expect(text).toContain('Dykkar ref. Deres sak 17/42');
    expect(text).toContain('Tilskotsperiode 01.03.2017–31.12.2017');
    expect(text).toContain('Rapporten skal innehalde rekneskap for bruken av tilskotet.');
    expect(text).not.toContain('revisor');
    expect(text).toContain('klagast på til Justis- og beredskapsdepartementet');
    expect(text).toContain('forvaltningslova § 36');
    expect(text).toContain('forvaltningslova § 42');
    expect(text).toContain('Per Godkjenner, godkjennar');
    expect(text).toContain('Kari Saksbehandler, sakshandsamar');
    expect(text).toContain('Dokumentet er elektronisk godkjent og har difor inga underskrift.');
    expect(text).toContain('Med helsing');
    for (const word of ENGLISH_OR_RAW) expect(text).not.toContain(word);
  });

  it('offers a renewed assessment instead of §§ 36 and 42 where the decision is not an enkeltvedtak', async () => {
    const applicant = await organisation('kommune', 'nb', 'Askøy kommune');
    const { text } = await grantLetter('jobbsjansen-a', applicant, '200000');
    expect(text).toContain('fornyet vurdering');
    expect(text).not.toContain('§ 36');
    expect(text).not.toContain('§ 42');
    expect(text).not.toContain('påklages');
    expect(text).toMatch(/Att\.: Kari Nordmann Storgata 1 0155 Oslo/);
  });

  it("pre-notifies the ministry of the decision's budget year at its own address", async () => {
    const [message] = await dataSource.query(
      `SELECT DISTINCT m.recipient FROM message m JOIN ministry_notification n ON n.id::text = m.reference WHERE m.kind = 'ministry-pre-notification' AND n.scheme_code = 'mentor-trainee' AND n.budget_year = 2017`,
    );
    expect(message.recipient).toBe('postmottak@jd.dep.no');
  });
});
