import { AdjustableClock, Clock } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, tokenFor } from '../support/api-harness';
import { grantAcceptanceHandled } from '../support/domain-events';
import { approvedJobbsjansenGrant } from '../support/grant-fixtures';
import { newAccountNumber, newNationalIdNumber, newOrganisationNumber } from '../support/identifiers';
import { mentorTraineeForm } from '../support/mentor-application';
import { startSystem, type RunningSystem } from '../support/system-harness';
import { eventually } from '../support/worker-harness';

/** The integreringstilskudd rates this test sets and confirms for 2017, in kroner. */
const RATES: Record<string, string> = {
  'year1-single-adult': '230000',
  'year1-adult': '180000',
  'year1-unaccompanied-minor': '185000',
  'year1-child': '170000',
  year2: '220000',
  year3: '160000',
  year4: '80000',
  year5: '70000',
  elderly: '165000',
  kindergarten: '25000',
};

/** GET /budget/{year} as this test reads it. */
interface BudgetAnswer {
  readonly forecastCutOff: string;
  readonly posts: ReadonlyArray<{ readonly budgetPost: string; readonly paidNok: string; readonly forecast: Record<string, unknown> }>;
  readonly totals: { readonly frameNok: string; readonly paidNok: string; readonly forecast: Record<string, unknown> };
}

/**
 * The year-end forecast per kap./post, on the file's own database, worked out by hand to the øre:
 *   forecast paid by 31 December = paid + planned instalments of the year not yet paid (due by the
 *   cut-off, or falling due after it and by 31 December) + what the year's per-capita runs will still
 *   pay; remaining = frame − forecast paid + reclaimed. Held-back instalments are shown apart.
 *
 *   496.62 Jobbsjansen A to a municipality, 100 000,01 kr accepted 13.03: spring half 50 000,01 due
 *          at once (1 March has passed), autumn half 50 000,00 due 01.09
 *   496.73 mentor-trainee, 100 000,50 kr accepted 13.03: 75 000,38 due at once, paid by the run per
 *          31.03; 25 000,12 held back until the report is approved
 *   496.60 integreringstilskudd, rates confirmed: a single adult settled 10.02 (year 1: 230 000) and
 *          an adult settled in 2016 (year 2: 220 000, a quarter each quarter); the Q1 run per 31.03
 *          pays 285 000, so 165 000 is still to come
 *   496.61 enslige mindreårige: its 2017 rates are provisional, so its runs cannot be forecast
 */
describe('Budget forecast per kap./post, by hand to the øre', () => {
  let system: RunningSystem;
  let dataSource: DataSource;
  let clock: AdjustableClock;
  let finance: string;
  let jobbsjansenCase = '';

  const base = () => system.api.baseUrl;
  const post = (path: string, token: string, json: object = {}) => call(base(), path, { method: 'POST', token, json });
  const at = (isoInstant: string) => clock.set(new Date(isoInstant));
  const budget = async (query = ''): Promise<BudgetAnswer> => {
    const response = await call(base(), `/budget/2017${query}`, { token: finance });
    expect(response.status).toBe(200);
    return response.body as BudgetAnswer;
  };
  const forecastOf = (status: BudgetAnswer, budgetPost: string) => status.posts.find((entry) => entry.budgetPost === budgetPost)?.forecast;

  async function waitForRun(id: string): Promise<void> {
    await eventually(async () => {
      const view = (await call(base(), `/payments/runs/${id}`, { token: finance })).body;
      if (view.status === 'refused') throw new Error(JSON.stringify(view.refused));
      return view.status === 'completed' ? true : undefined;
    }, 60_000);
  }

  beforeAll(async () => {
    system = await startSystem();
    dataSource = system.api.app.get(DataSource);
    clock = system.api.app.get(Clock) as AdjustableClock;
    // The worker has a clock of its own in this process; keep both at the same instant.
    const workerClock = system.worker.get(Clock) as AdjustableClock;
    const set = clock.set.bind(clock);
    clock.set = (instant: Date | undefined) => {
      set(instant);
      workerClock.set(instant);
    };
    finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    const caseworker = await tokenFor({ sub: 'prognose-saksbehandler', roles: ['caseworker'] });
    const approver = await tokenFor({ sub: 'prognose-godkjenner', roles: ['approver'] });
    for (const budgetPost of ['496.62', '496.73'])
      expect(
        (
          await post('/admin/delegations', admin, {
            approverId: 'prognose-godkjenner',
            budgetPost,
            maxAmountNok: '1000000',
            reference: `Delegering ${budgetPost}`,
          })
        ).status,
      ).toBe(201);

    const organisation = async (kind: 'kommune' | 'organisasjon', name: string) => {
      const organisationNumber = newOrganisationNumber();
      const token = await tokenFor({ sub: `prognose-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
      const registered = await post('/organisations', token, {
        organisationNumber,
        name,
        kind,
        municipalityNumber: kind === 'kommune' ? '1520' : undefined,
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
      });
      expect(registered.status).toBe(201);
      return { organisationNumber, token };
    };
    const municipality = await organisation('kommune', 'Prognoseby kommune');
    const mentorLag = await organisation('organisasjon', 'Prognose Mentorlag');

    // Jobbsjansen's 2017 deadline is 31 January; mentor-trainee's window opens 16 January.
    at('2017-01-20T09:00:00Z');
    const mentorCreated = await post('/applications', mentorLag.token, {
      organisationNumber: mentorLag.organisationNumber,
      schemeCode: 'mentor-trainee',
      budgetYear: 2017,
      form: await mentorTraineeForm(base(), '100000.50'),
    });
    expect(mentorCreated.status).toBe(201);
    const mentorCase = mentorCreated.body.id as string;
    const submitted = await call(base(), `/applications/${mentorCase}/submit`, {
      method: 'POST',
      token: mentorLag.token,
      headers: { 'idempotency-key': `prognose-${mentorCase}` },
    });
    expect(submitted.status).toBe(201);
    jobbsjansenCase = await approvedJobbsjansenGrant(base(), { caseworker, approver }, municipality, '100000.01');
    expect((await post(`/casework/cases/${mentorCase}/proposal`, caseworker, { amountNok: '100000.50', reasons: 'Vurdert etter kriteriene.' })).status).toBe(
      201,
    );
    expect((await post(`/casework/cases/${mentorCase}/approve`, approver)).status).toBe(200);

    at('2017-03-13T09:00:00Z');
    for (const schemeCode of ['jobbsjansen-a', 'mentor-trainee'])
      expect((await post('/casework/ministry-notifications', caseworker, { schemeCode, budgetYear: 2017 })).status).toBe(201);
    for (const [caseId, token] of [
      [jobbsjansenCase, municipality.token],
      [mentorCase, mentorLag.token],
    ]) {
      await eventually(async () =>
        (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status === 'ministry_notified' ? true : undefined,
      );
      expect((await post(`/casework/cases/${caseId}/letters`, caseworker)).status).toBe(201);
      expect((await post(`/cases/${caseId}/accept`, token)).body.status).toBe('accepted');
    }
    await grantAcceptanceHandled(dataSource, [jobbsjansenCase, mentorCase]);

    for (const [code, amountNok] of Object.entries(RATES)) {
      const set = await call(base(), `/admin/schemes/integreringstilskudd/versions/2017/rates/${code}`, {
        method: 'PUT',
        token: admin,
        json: { amountNok, source: 'prognosetest' },
      });
      expect(set.status).toBe(200);
      expect((await post(`/admin/schemes/integreringstilskudd/versions/2017/rates/${code}/confirm`, admin)).status).toBe(200);
    }
    const person = (birthDate: string, gender: 'female' | 'male', settlementDate: string, category: string) => ({
      nationalIdNumber: newNationalIdNumber(birthDate, gender),
      organisationNumber: municipality.organisationNumber,
      municipalityNumber: '1520',
      settlementDate,
      category,
      specialCriterion: false,
    });
    const imported = await post('/payments/per-capita/integreringstilskudd/records', finance, {
      records: [person('1991-05-17', 'female', '2017-02-10', 'single-adult'), person('1984-08-23', 'male', '2016-06-01', 'adult')],
    });
    expect([imported.status, imported.body.errors]).toEqual([201, undefined]);

    at('2017-03-31T10:00:00Z');
    const instalments = await post('/payments/runs', finance, { budgetYear: 2017, budgetPost: '496.73', asOf: '2017-03-31' });
    expect(instalments.status).toBe(202);
    await waitForRun(instalments.body.id);
    const perCapita = await post('/payments/per-capita/runs', finance, {
      schemeCode: 'integreringstilskudd',
      budgetYear: 2017,
      period: '2017-Q1',
      asOf: '2017-03-31',
    });
    expect([perCapita.status, perCapita.body.errors]).toEqual([202, undefined]);
    await waitForRun(perCapita.body.id);
  }, 180_000);

  afterAll(async () => {
    clock?.set(undefined);
    await system?.stop();
  });

  it('forecasts each post per 30 June: paid, due and unpaid, planned for the rest of the year, per capita, and what remains', async () => {
    const status = await budget('?asOf=2017-06-30');
    expect(status.forecastCutOff).toBe('2017-06-30');
    expect(forecastOf(status, '496.62')).toEqual({
      dueUnpaidNok: '50000.01',
      plannedRestOfYearNok: '50000.00',
      perCapitaRestOfYearNok: '0.00',
      expectedRestOfYearNok: '100000.01',
      paidByYearEndNok: '100000.01',
      remainingAtYearEndNok: '160569999.99', // 160 670 000,00 − 100 000,01
      heldBackNok: '0.00',
      perCapitaUnavailable: [],
    });
    expect(forecastOf(status, '496.73')).toEqual({
      dueUnpaidNok: '0.00',
      plannedRestOfYearNok: '0.00',
      perCapitaRestOfYearNok: '0.00',
      expectedRestOfYearNok: '0.00',
      paidByYearEndNok: '75000.38',
      remainingAtYearEndNok: '14009999.62', // 14 085 000,00 − 75 000,38
      heldBackNok: '25000.12',
      perCapitaUnavailable: [],
    });
    expect(forecastOf(status, '496.60')).toEqual({
      dueUnpaidNok: '0.00',
      plannedRestOfYearNok: '0.00',
      perCapitaRestOfYearNok: '165000.00', // 450 000 for the year − 285 000 paid for Q1
      expectedRestOfYearNok: '165000.00',
      paidByYearEndNok: '450000.00',
      remainingAtYearEndNok: '12134121000.00', // 12 134 571 000,00 − 450 000,00
      heldBackNok: '0.00',
      perCapitaUnavailable: [],
    });
    expect(forecastOf(status, '496.61')).toMatchObject({
      perCapitaRestOfYearNok: '0.00',
      paidByYearEndNok: '0.00',
      remainingAtYearEndNok: '3768338000.00',
      perCapitaUnavailable: ['enslige-mindreaarige'],
    });
    expect(status.totals.forecast).toEqual({
      dueUnpaidNok: '50000.01',
      plannedRestOfYearNok: '50000.00',
      perCapitaRestOfYearNok: '165000.00',
      expectedRestOfYearNok: '265000.01',
      paidByYearEndNok: '625000.39', // 75 000,38 + 285 000,00 paid + 265 000,01 to come
      remainingAtYearEndNok: '18759303999.61', // 18 759 929 000,00 in frames − 625 000,39
      heldBackNok: '25000.12',
      perCapitaUnavailable: ['enslige-mindreaarige'],
    });
    expect([status.totals.frameNok, status.totals.paidNok]).toEqual(['18759929000.00', '360000.38']);
  });

  it('moves the autumn instalment from planned to due once its date has passed, and out of the forecast once it is paid, keeping the year-end figure', async () => {
    const before = forecastOf(await budget('?asOf=2017-09-15'), '496.62');
    expect(before).toMatchObject({ dueUnpaidNok: '100000.01', plannedRestOfYearNok: '0.00', paidByYearEndNok: '100000.01' });

    at('2017-09-15T10:00:00Z');
    const run = await post('/payments/runs', finance, { budgetYear: 2017, budgetPost: '496.62', asOf: '2017-09-15' });
    expect(run.status).toBe(202);
    await waitForRun(run.body.id);
    const after = await budget('?asOf=2017-09-15');
    expect(after.posts.find((entry) => entry.budgetPost === '496.62')?.paidNok).toBe('100000.01');
    expect(forecastOf(after, '496.62')).toEqual({ ...before, dueUnpaidNok: '0.00', expectedRestOfYearNok: '0.00' });
  });

  it('takes today (Oslo) as the cut-off when no date is given, and everything booked as paid; 31 December once the year is over', async () => {
    at('2017-10-31T23:30:00Z'); // 1 November in Oslo
    const status = await budget();
    expect(status.forecastCutOff).toBe('2017-11-01');
    expect(forecastOf(status, '496.60')).toMatchObject({ perCapitaRestOfYearNok: '165000.00', paidByYearEndNok: '450000.00' });
    expect(forecastOf(status, '496.62')).toMatchObject({ dueUnpaidNok: '0.00', plannedRestOfYearNok: '0.00', paidByYearEndNok: '100000.01' });
    // After the year, nothing falls due later in it: its last day is the cut-off.
    expect((await budget('?asOf=2018-02-01')).forecastCutOff).toBe('2017-12-31');
  });
});
