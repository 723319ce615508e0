import { BudgetError, BudgetLedger, BUDGET_ERROR_STATUSES, type BudgetErrorCode } from '@imdi/budget';
import { BudgetPost, Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';

const nok = (kroner: number | string): string => `${kroner}.00`;

describe('Budget per kap./post', () => {
  let api: RunningApi;
  let finance: string;
  let admin: string;

  beforeAll(async () => {
    api = await startApi();
    finance = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
  });
  afterAll(() => api.close());

  const importLetter = (document: object) => call(api.baseUrl, '/admin/budget/allocation-letters', { method: 'POST', token: admin, json: document });
  const statusOf = async (year: number) => (await call(api.baseUrl, `/budget/${year}`, { token: finance })).body;
  const postOf = (status: { posts: Array<{ budgetPost: string }> }, budgetPost: string) => status.posts.find((post) => post.budgetPost === budgetPost) as any;

  describe('the seeded 2017 allocation letter', () => {
    it("shows every post of section 5 with the letter's frame, to the krone", async () => {
      const status = await statusOf(2017);
      const frames = Object.fromEntries(status.posts.map((post: any) => [post.budgetPost, post.frameNok]));
      expect(frames).toEqual({
        '495.01': nok(261549000),
        '496.21': nok(0),
        '496.45': nok(25000000),
        '496.60': nok(12134571000),
        '496.61': nok(3768338000),
        '496.62': nok(160670000),
        '496.70': nok(2104000),
        '496.71': nok(85460000),
        '496.72': nok(2649000),
        '496.73': nok(14085000),
        '497.21': nok(2500000),
        '497.60': nok(2303003000),
      });
    });

    it('shows the earmarks inside 496.62 and 496.73 as the letter gives them', async () => {
      const status = await statusOf(2017);
      const earmarks = (budgetPost: string) => Object.fromEntries(postOf(status, budgetPost).earmarks.map((earmark: any) => [earmark.code, earmark.frameNok]));
      expect(earmarks('496.62')).toMatchObject({
        jobbsjansen: nok(100000000),
        'kommunale-utviklingsmidler': nok(35200000),
        etablerersentre: nok(6370000),
        gronland: nok(4000000),
      });
      expect(postOf(status, '496.62').earmarkedNok).toBe(nok(160670000));
      expect(earmarks('496.73')).toEqual({ integreringsmottak: nok(10000000), 'mentor-trainee': nok(4085000) });
    });

    it('marks post 61 as an estimate and 60 as transferable, and 21 as awaiting the ministry', async () => {
      const status = await statusOf(2017);
      expect(postOf(status, '496.61')).toMatchObject({ estimate: true, transferable: false });
      expect(postOf(status, '496.60')).toMatchObject({ estimate: false, transferable: true });
      expect(postOf(status, '496.21').pendingNote).toContain('Se omtale under');
    });

    it("shows that the letter's own total for kap. 496 does not add up, and why it was accepted", async () => {
      const status = await statusOf(2017);
      const chapter = (number: string) => status.chapters.find((entry: any) => entry.chapter === number);
      expect(chapter('495')).toMatchObject({ frameNok: nok(261549000), declaredNok: nok(261549000), declaredMatches: true });
      expect(chapter('497')).toMatchObject({ frameNok: nok(2305503000), declaredMatches: true });
      expect(chapter('496')).toMatchObject({ frameNok: nok(16192877000), declaredNok: nok(16167902000), declaredMatches: false });
      expect(chapter('496').acknowledgedMismatch).toContain('post 45');
    });

    it('is readable by finance, admin and the ministry only', async () => {
      for (const role of ['ministry', 'admin'] as const) {
        expect((await call(api.baseUrl, '/budget/2017', { token: await tokenFor({ sub: role, roles: [role] }) })).status).toBe(200);
      }
      for (const role of ['applicant', 'caseworker', 'approver'] as const) {
        expect((await call(api.baseUrl, '/budget/2017', { token: await tokenFor({ sub: role, roles: [role] }) })).status).toBe(403);
      }
    });
  });

  describe('importing an allocation letter', () => {
    it('refuses a letter whose totals do not add up, lists every mismatch, and stores nothing', async () => {
      const response = await importLetter({
        budgetYear: 2031,
        source: 'a letter with three errors',
        lines: [
          { chapter: '496', post: '60', name: 'Integreringstilskudd', amountNok: '1000', earmarks: [] },
          {
            chapter: '496',
            post: '62',
            name: 'Kommunale innvandrertiltak',
            amountNok: '500',
            earmarks: [{ code: 'jobbsjansen', name: 'Jobbsjansen', amountNok: '600' }],
          },
          { chapter: '497', post: '60', name: 'Opplæring', amountNok: '300' },
        ],
        declaredTotals: [
          { chapter: '496', post: null, amountNok: '1400' },
          { chapter: '497', post: null, amountNok: '301' },
        ],
      });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('ALLOCATION_TOTALS_MISMATCH');
      expect(response.body.mismatches).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ chapter: '496', post: null, what: 'declared-total', expected: nok(1400), found: nok(1500), difference: nok(100) }),
          expect.objectContaining({ chapter: '497', post: null, what: 'declared-total', expected: nok(301), found: nok(300), difference: '-1.00' }),
          expect.objectContaining({ chapter: '496', post: '62', what: 'earmarks-exceed-post', expected: nok(500), found: nok(600) }),
        ]),
      );
      expect(response.body.mismatches).toHaveLength(3);
      expect((await call(api.baseUrl, '/budget/2031', { token: finance })).status).toBe(404);
    });

    it('names each malformed field with a 400', async () => {
      const response = await importLetter({ budgetYear: 1999, source: 'x', lines: [{ chapter: '0496', post: '6', name: '', amountNok: '12.5' }] });
      expect(response.status).toBe(400);
      const fields = response.body.errors.map((error: any) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['budgetYear', 'source', 'lines.0.chapter', 'lines.0.post', 'lines.0.name', 'lines.0.amountNok']));
    });

    it('imports the same letter from CSV, and refuses a second import of the year', async () => {
      const csv = [
        'type,chapter,post,code,name,amount_nok,flags',
        'post,496,60,,Integreringstilskudd,1000000,transferable',
        'post,496,62,,Kommunale innvandrertiltak,500000,',
        'earmark,496,62,jobbsjansen,Jobbsjansen,200000,',
        'total,496,,,Sum kap. 496,1500000,',
      ].join('\n');
      const send = () =>
        call(api.baseUrl, '/admin/budget/allocation-letters/csv?year=2032&source=CSV%20test', {
          method: 'POST',
          token: admin,
          body: csv,
          headers: { 'content-type': 'text/csv' },
        });
      const first = await send();
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ budgetYear: 2032, posts: 2, earmarks: 1 });
      const status = await statusOf(2032);
      expect(postOf(status, '496.62')).toMatchObject({ frameNok: nok(500000), earmarkedNok: nok(200000), unearmarked: { frameNok: nok(300000) } });
      expect(postOf(status, '496.60').transferable).toBe(true);
      const second = await send();
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('BUDGET_YEAR_ALREADY_IMPORTED');
    });
  });

  describe('the ministry of a budget year', () => {
    const ministryOf = (year: number) => call(api.baseUrl, `/budget/${year}/ministry`, { token: finance });

    it("is the ministry that issued the year's allocation letter: Justis- og beredskapsdepartementet for 2017", async () => {
      expect((await ministryOf(2017)).body).toEqual({
        name: 'Justis- og beredskapsdepartementet',
        shortName: 'JD',
        postalAddress: 'Postboks 8005 Dep, 0030 Oslo',
        email: 'postmottak@jd.dep.no',
      });
    });

    it('is refused, not guessed, for a year whose letter named none, until an admin states it', async () => {
      const unknown = await ministryOf(2032);
      expect([unknown.status, unknown.body.code]).toEqual([409, 'MINISTRY_UNKNOWN']);
      const aid = {
        name: 'Arbeids- og inkluderingsdepartementet',
        shortName: 'AID',
        postalAddress: 'Postboks 8019 Dep, 0030 Oslo',
        email: 'postmottak@aid.dep.no',
      };
      const badEmail = await call(api.baseUrl, '/admin/budget/2032/ministry', { method: 'PUT', token: admin, json: { ...aid, email: 'postmottak' } });
      expect([badEmail.status, badEmail.body.errors?.[0]?.field]).toEqual([400, 'email']);
      expect((await call(api.baseUrl, '/admin/budget/2032/ministry', { method: 'PUT', token: finance, json: aid })).status).toBe(403);
      expect((await call(api.baseUrl, '/admin/budget/2032/ministry', { method: 'PUT', token: admin, json: aid })).status).toBe(200);
      expect((await ministryOf(2032)).body).toEqual(aid);
      expect((await ministryOf(2017)).body.shortName).toBe('JD');
    });
  });

  describe(BudgetLedger.name, () => {
    let ledger: BudgetLedger;
    const dataSource = () => api.app.get(DataSource);

    beforeAll(async () => {
      ledger = api.app.get(BudgetLedger);
      const response = await importLetter({
        budgetYear: 2033,
        source: 'race test',
        lines: [
          {
            chapter: '496',
            post: '62',
            name: 'Kommunale innvandrertiltak',
            amountNok: '1000000',
            earmarks: [{ code: 'race', name: 'Race', amountNok: '100000' }],
          },
          { chapter: '496', post: '61', name: 'Særskilt tilskudd', amountNok: '100000', estimate: true },
          { chapter: '496', post: '60', name: 'Integreringstilskudd', amountNok: '100000', transferable: true },
        ],
      });
      expect(response.status).toBe(201);
      expect(
        (
          await importLetter({
            budgetYear: 2034,
            source: 'next year',
            lines: [{ chapter: '496', post: '60', name: 'Integreringstilskudd', amountNok: '50000', transferable: true }],
          })
        ).status,
      ).toBe(201);
    });

    const reserve = (index: number, amountKroner: number, budgetPost: string, earmarkCode?: string) =>
      dataSource().transaction((manager: any) =>
        ledger.commit(manager, {
          budgetYear: 2033,
          budgetPost: BudgetPost.parse(budgetPost),
          earmarkCode,
          amount: Money.ofKroner(amountKroner),
          referenceType: 'race-test',
          referenceId: `${budgetPost}-${earmarkCode ?? 'rest'}-${index}`,
          actorId: `approver-${index}`,
        }),
      );

    it('lets exactly 10 of 50 simultaneous reservations through on an earmark with room for 10', async () => {
      const results = await Promise.allSettled(Array.from({ length: 50 }, (_, index) => reserve(index, 10000, '496.62', 'race')));
      const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(10);
      expect(refused).toHaveLength(40);
      for (const { reason } of refused) {
        expect(reason).toBeInstanceOf(BudgetError);
        expect(reason.code).toBe('BUDGET_EXHAUSTED');
        expect(BUDGET_ERROR_STATUSES[reason.code as BudgetErrorCode]).toBe(409);
        expect(reason.message).toContain('earmark race on kap./post 496.62');
      }
      const post = postOf(await statusOf(2033), '496.62');
      const earmark = post.earmarks.find((entry: any) => entry.code === 'race');
      expect(earmark).toMatchObject({ frameNok: nok(100000), committedNok: nok(100000), availableNok: nok(0) });
      expect(post).toMatchObject({ committedNok: nok(100000), availableNok: nok(900000) });
    });

    it('never lets the unearmarked rest of a post pay for more than it holds', async () => {
      const results = await Promise.allSettled(Array.from({ length: 50 }, (_, index) => reserve(index, 90000, '496.62')));
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(10);
      const post = postOf(await statusOf(2033), '496.62');
      expect(post).toMatchObject({ committedNok: nok(1000000), availableNok: nok(0), unearmarked: { availableNok: nok(0) } });
      const [{ sum }] = await dataSource().query(
        `SELECT sum(amount_ore)::text AS sum FROM budget_ledger_entry e JOIN budget_line l ON l.id = e.budget_line_id
         WHERE l.budget_year = 2033 AND l.post = '62' AND e.kind = 'commit'`,
      );
      expect(sum).toBe(String(1000000 * 100));
    });

    it('lets an estimate post (overslagsbevilgning) be exceeded and reports by how much', async () => {
      await reserve(1, 80000, '496.61');
      await reserve(2, 70000, '496.61');
      expect(postOf(await statusOf(2033), '496.61')).toMatchObject({ committedNok: nok(150000), availableNok: '-50000.00', exceededByNok: nok(50000) });
    });

    it("reduces paid by repayments and carries a transferable post's remainder into next year once", async () => {
      await reserve(1, 30000, '496.60');
      await dataSource().transaction(async (manager: any) => {
        const posting = {
          budgetYear: 2033,
          budgetPost: BudgetPost.parse('496.60'),
          amount: Money.ofKroner(30000),
          referenceType: 'payment',
          referenceId: 'p-1',
          actorId: 'fiona',
        };
        await ledger.uncommit(manager, posting);
        await ledger.pay(manager, posting);
        await ledger.reclaim(manager, { ...posting, amount: Money.ofKroner(5000), referenceType: 'repayment', referenceId: 'r-1' });
      });
      expect(postOf(await statusOf(2033), '496.60')).toMatchObject({
        committedNok: nok(0),
        paidNok: nok(30000),
        reclaimedNok: nok(5000),
        availableNok: nok(75000),
      });

      const carry = () => call(api.baseUrl, '/admin/budget/2033/posts/496.60/carry-over', { method: 'POST', token: admin });
      const first = await carry();
      expect(first.status).toBe(200);
      expect(first.body.carriedNok).toBe(nok(75000));
      expect(postOf(await statusOf(2034), '496.60')).toMatchObject({ frameNok: nok(125000), availableNok: nok(125000) });
      expect(postOf(await statusOf(2033), '496.60').availableNok).toBe(nok(0));
      expect((await carry()).status).toBe(409);
      const notTransferable = await call(api.baseUrl, '/admin/budget/2033/posts/496.62/carry-over', { method: 'POST', token: admin });
      expect(notTransferable.body.code).toBe('CARRY_OVER_NOT_ALLOWED');
    });

    it('keeps the ledger append-only at the database', async () => {
      await expect(dataSource().query(`UPDATE budget_ledger_entry SET amount_ore = 1`)).rejects.toThrow(/append-only/);
      await expect(dataSource().query(`DELETE FROM budget_ledger_entry`)).rejects.toThrow(/append-only/);
    });
  });
});
