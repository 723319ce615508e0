import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { BudgetLedger } from '@imdi/budget';
import { BudgetPost, Money } from '@imdi/kernel';
import { projectRoot } from '@imdi/platform';
import { ImportSchemeYear, type SchemeYearDocument } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { endToEndReference, paymentInformationId } from '../../libs/payments/src/domain/pain001.writer';
import { writeCamt054, writePain002, type SentPayment } from '../../libs/payments/src/testing/bank-file.writer';
import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { eventually, startWorker } from '../support/worker-harness';

/** A budget year of this test's own, so no other test's payout run pays what this one makes due. */
const YEAR = 2023;
const EXECUTION = `${YEAR}-03-15`;
const NEXT_DAY = `${YEAR}-03-16`;
const SCHEMAS = join(projectRoot(), 'libs', 'payments', 'src', 'infrastructure', 'iso20022');

const REJECTIONS = [
  { reasonCode: 'AC04', reason: 'Kontoen er stengt', waits: true },
  { reasonCode: 'AC04', reason: 'Kontoen er stengt', waits: true },
  { reasonCode: 'AC04', reason: 'Kontoen er stengt', waits: true },
  { reasonCode: 'AC01', reason: 'Ugyldig kontonummer', waits: true },
  { reasonCode: 'AC01', reason: 'Ugyldig kontonummer', waits: true },
  { reasonCode: 'AM04', reason: 'Ikke dekning på konto', waits: false },
  { reasonCode: 'AM04', reason: 'Ikke dekning på konto', waits: false },
] as const;
const BULK_CASES = 3;
const BULK_INSTALMENTS = 331; // 3 × 331 + 7 = 1 000 payments

interface BatchPayment extends SentPayment {
  readonly id: string;
  readonly caseId: string;
  readonly ore: bigint;
}

const sum = (payments: readonly BatchPayment[]): string =>
  Money.ofOre(payments.reduce((total, payment) => total + payment.ore, 0n).toString()).toDecimalString();

async function text(source: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of source) all += chunk;
  return all;
}

describe('Bank return files: pain.002 and camt.054 close the loop on a batch of 1 000 payments', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let admin: string;
  let financeA: string;
  let financeB: string;
  const scratch = mkdtempSync(join(tmpdir(), 'bank-files-'));
  const rejectedCases: Array<{ caseId: string; organisationNumber: string; applicant: string; reasonCode: string; reason: string; waits: boolean }> = [];
  const bulkCases: string[] = [];
  let batchId: string;
  let messageId: string;
  let payments: BatchPayment[] = [];
  let rejected: BatchPayment[] = [];
  let unanswered: BatchPayment[] = [];
  let booked: BatchPayment[] = [];
  let bookedLate: BatchPayment[] = [];
  let pain002: string;
  let camt054: string;

  const post = (path: string, token: string, json: object = {}) => call(api.baseUrl, path, { method: 'POST', token, json });
  const importFile = (xml: string, token = financeA, contentType = 'application/xml') =>
    call(api.baseUrl, '/payments/bank-files', { method: 'POST', token, body: xml, headers: { 'content-type': contentType } });
  const paidOnPost = async (asOf?: string): Promise<{ paidNok: string; committedNok: string }> =>
    (await call(api.baseUrl, `/budget/${YEAR}${asOf ? `?asOf=${asOf}` : ''}`, { token: financeA })).body.posts.find(
      (entry: { budgetPost: string }) => entry.budgetPost === '496.73',
    );

  /** What the bank's files may change, counted: a refused or repeated file must leave every count as it was. */
  const footprint = async () =>
    (
      await dataSource.query(
        `SELECT (SELECT count(*) FROM bank_file)::int AS files, (SELECT count(*) FROM payment_bank_status)::int AS statuses,
                (SELECT count(*) FROM bank_discrepancy)::int AS discrepancies, (SELECT count(*) FROM budget_ledger_entry)::int AS ledger,
                (SELECT count(*) FROM instalment)::int AS instalments, (SELECT count(*) FROM audit_entry)::int AS audit,
                (SELECT count(*) FROM payment_batch WHERE bank_accepted_at IS NOT NULL)::int AS accepted_batches`,
      )
    )[0];

  /** An accepted mentor-trainee grant with its instalments due, committed on the ledger like a decided one. */
  async function grant(organisationNumber: string, accountNumber: string, amountsOre: readonly bigint[]): Promise<string> {
    const [version] = await dataSource.query(`SELECT id FROM scheme_version WHERE scheme_code = 'mentor-trainee' AND budget_year = $1`, [YEAR]);
    const caseNumber = `${YEAR}/${String(70000 + rejectedCases.length + bulkCases.length).padStart(5, '0')}`;
    const total = amountsOre.reduce((all, amount) => all + amount, 0n);
    const [file] = await dataSource.query(
      `INSERT INTO case_file (id, case_number, scheme_code, budget_year, scheme_kind, organisation_number, status, received_at)
       VALUES (gen_random_uuid(), $1, 'mentor-trainee', $2, 'sokbar', $3, 'accepted', now()) RETURNING id`,
      [caseNumber, YEAR, organisationNumber],
    );
    const [decision] = await dataSource.query(
      `INSERT INTO decision (case_id, outcome, amount_ore, reasons, legal_basis, budget_year, chapter, post, earmark_code, scheme_version_id, status, proposed_by, approved_by, approved_at)
       VALUES ($1, 'granted', $2, 'Oppfyller kriteriene', 'Forskrift', $3, '496', '73', 'mentor-trainee', $4, 'approved', 'kari', 'per', now()) RETURNING id`,
      [file.id, total.toString(), YEAR, version.id],
    );
    await dataSource.transaction((manager) =>
      api.app.get(BudgetLedger).commit(manager, {
        budgetYear: YEAR,
        budgetPost: BudgetPost.parse('496.73'),
        earmarkCode: 'mentor-trainee',
        amount: Money.ofOre(total.toString()),
        referenceType: 'decision',
        referenceId: decision.id,
        actorId: 'per',
      }),
    );
    await dataSource.query(
      `INSERT INTO instalment (case_id, decision_id, sequence, amount_ore, due_on, budget_year, chapter, post, earmark_code, scheme_code, case_number, organisation_number, account_number)
       SELECT $1, $2, n, (($3::bigint[])[n]), $4::date, $5, '496', '73', 'mentor-trainee', 'mentor-trainee', $6, $7, $8 FROM generate_series(1, $9::int) n`,
      [file.id, decision.id, amountsOre.map(String), `${YEAR}-03-01`, YEAR, caseNumber, organisationNumber, accountNumber, amountsOre.length],
    );
    return file.id;
  }

  async function runPayouts(): Promise<{ id: string; batchId: string | null; paymentsCreated: number }> {
    const started = await post('/payments/runs', financeA, { budgetYear: YEAR, budgetPost: '496.73', asOf: EXECUTION });
    expect([started.status, started.body.errors]).toEqual([202, undefined]);
    return eventually(async () => {
      const run = (await call(api.baseUrl, `/payments/runs/${started.body.id}`, { token: financeA })).body;
      return run.status === 'completed' ? run : undefined;
    }, 60000);
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    dataSource = api.app.get(DataSource);
    admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    financeA = await tokenFor({ sub: 'fiona', roles: ['finance'] });
    financeB = await tokenFor({ sub: 'frode', roles: ['finance'] });
    const letter = JSON.parse(readFileSync(join(projectRoot(), 'data', 'allocation-letters', '2017.json'), 'utf8'));
    expect((await post('/admin/budget/allocation-letters', admin, { ...letter, budgetYear: YEAR, source: `test ${YEAR}` })).status).toBe(201);
    const schemes = JSON.parse(readFileSync(join(projectRoot(), 'data', 'schemes', '2017.json'), 'utf8')) as SchemeYearDocument;
    await api.app.get(ImportSchemeYear).execute({ ...schemes, budgetYear: YEAR, source: `test ${YEAR}` }, { userId: 'ada', roles: ['admin'] });

    // Amounts with øre that differ from payment to payment, so that every sum below is a real sum.
    let n = 0;
    const nextAmount = () => BigInt(10_000 + ((++n * 7919) % 90_000));
    for (const rejection of REJECTIONS) {
      const organisationNumber = newOrganisationNumber();
      const applicant = await tokenFor({ sub: `bank-${organisationNumber}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
      const registered = await post('/organisations', applicant, {
        organisationNumber,
        name: `Forening ${organisationNumber}`,
        kind: 'organisasjon',
        accountNumber: newAccountNumber(),
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
      });
      expect(registered.status).toBe(201);
      rejectedCases.push({
        caseId: await grant(organisationNumber, registered.body.accountNumber, [nextAmount()]),
        organisationNumber,
        applicant,
        ...rejection,
      });
    }
    for (let index = 0; index < BULK_CASES; index++) {
      bulkCases.push(await grant(newOrganisationNumber(), newAccountNumber(), Array.from({ length: BULK_INSTALMENTS }, nextAmount)));
    }

    const run = await runPayouts();
    expect(run.paymentsCreated).toBe(1000);
    batchId = run.batchId!;
    messageId = batchId.replace(/-/g, '');
    expect((await post(`/payments/batches/${batchId}/approve`, financeB)).body.status).toBe('approved');
    const pain001 = await call(api.baseUrl, `/payments/batches/${batchId}/pain001.xml`, { token: financeA });
    expect(pain001.status).toBe(200);
    writeFileSync(join(scratch, 'pain001.xml'), pain001.body as Buffer);
    await promisify(execFile)('xmllint', ['--noout', '--schema', join(SCHEMAS, 'pain.001.001.03.xsd'), join(scratch, 'pain001.xml')]);

    const rows: Array<{ id: string; case_id: string; end_to_end_id: string; amount_ore: string; execution_date: string }> = await dataSource.query(
      `SELECT p.id, i.case_id, p.end_to_end_id::text, p.amount_ore::text, to_char(p.execution_date, 'YYYY-MM-DD') AS execution_date
       FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE p.batch_id = $1 ORDER BY p.end_to_end_id`,
      [batchId],
    );
    payments = rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      ore: BigInt(row.amount_ore),
      amount: Money.ofOre(row.amount_ore),
      endToEndId: endToEndReference(row.end_to_end_id),
      executionDate: row.execution_date,
      paymentInformationId: paymentInformationId(messageId, row.execution_date),
    }));
    rejected = rejectedCases.map((entry) => payments.find((payment) => payment.caseId === entry.caseId)!);
    const others = payments.filter((payment) => !rejected.includes(payment));
    unanswered = others.slice(100, 103);
    booked = others.filter((payment) => !unanswered.includes(payment));
    bookedLate = booked.slice(0, 5);

    pain002 = writePain002({
      messageId: 'DNB-STATUS-0001',
      createdAt: `${YEAR}-03-15T09:00:00`,
      originalMessageId: messageId,
      originalNumberOfTransactions: payments.length,
      originalControlSum: Money.parseNok(sum(payments)),
      groupStatus: 'PART',
      rejected: rejected.map((payment, index) => ({ payment, reasonCode: REJECTIONS[index].reasonCode })),
    });
    camt054 = await text(
      writeCamt054({
        messageId: 'DNB-DEBIT-0001',
        createdAt: `${YEAR}-03-16T07:00:00`,
        account: '76940512057',
        batchMessageId: messageId,
        entries: booked.map((payment) => (bookedLate.includes(payment) ? { ...payment, bookingDate: NEXT_DAY } : payment)),
      }),
    );
    // The files a Norwegian bank sends back for a pain.001.001.03: a status report (pain.002.001.03) and a
    // debit notification (camt.054.001.02), each valid against the official ISO 20022 schema.
    for (const [name, xml, schema] of [
      ['pain002.xml', pain002, 'pain.002.001.03.xsd'],
      ['camt054.xml', camt054, 'camt.054.001.02.xsd'],
    ] as const) {
      writeFileSync(join(scratch, name), xml);
      await promisify(execFile)('xmllint', ['--noout', '--schema', join(SCHEMAS, schema), join(scratch, name)]);
    }
  }, 240000);

  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await worker.close();
    await api.close();
  });

  it('refuses a malformed file and a schema-invalid file, naming the problem, and changes nothing', async () => {
    const before = await footprint();
    const malformed = await importFile(camt054.replace('</Ntfctn>', ''));
    expect([malformed.status, malformed.body.code]).toEqual([400, 'BANK_FILE_MALFORMED']);
    expect(malformed.body.detail).toMatch(/linje \d+/);

    const invalid = await importFile(camt054.replace('<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>DEBET</CdtDbtInd>'));
    expect([invalid.status, invalid.body.code]).toEqual([400, 'BANK_FILE_SCHEMA_INVALID']);
    expect(invalid.body.detail).toContain('CdtDbtInd');
    expect(invalid.body.detail).toContain('camt.054.001.02');

    const badStatus = await importFile(pain002.replace('<GrpSts>PART</GrpSts>', '<GrpSts>OK</GrpSts>'));
    expect([badStatus.status, badStatus.body.code]).toEqual([400, 'BANK_FILE_SCHEMA_INVALID']);
    expect(badStatus.body.detail).toContain('GrpSts');
    expect(badStatus.body.detail).toContain('pain.002.001.03');
    expect(badStatus.body.detail).toMatch(/^Filen følger ikke ISO 20022-skjemaet pain\.002\.001\.03, og ingenting er endret: linje \d+/);

    // Well-formed, every value we read is fine, but the schema requires the original message name: only the XSD sees it.
    const noMessageName = await importFile(pain002.replace('<OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId>', ''));
    expect([noMessageName.status, noMessageName.body.code, noMessageName.body.errors?.[0]?.field]).toEqual([400, 'BANK_FILE_SCHEMA_INVALID', 'body']);
    expect(noMessageName.body.detail).toContain('OrgnlMsgNmId');
    const tooLong = await importFile(
      pain002.replace(
        `<OrgnlEndToEndId>${rejected[0].endToEndId}</OrgnlEndToEndId>`,
        `<OrgnlEndToEndId>${rejected[0].endToEndId}${'9'.repeat(40)}</OrgnlEndToEndId>`,
      ),
    );
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'BANK_FILE_SCHEMA_INVALID']);
    expect(tooLong.body.detail).toContain('OrgnlEndToEndId');

    const brokenStatus = await importFile(pain002.replace('</OrgnlGrpInfAndSts>', ''));
    expect([brokenStatus.status, brokenStatus.body.code]).toEqual([400, 'BANK_FILE_MALFORMED']);
    expect(brokenStatus.body.detail).toMatch(/linje \d+/);

    const notXml = await importFile('dette er ikke XML');
    expect([notXml.status, notXml.body.code]).toEqual([400, 'BANK_FILE_MALFORMED']);
    const json = await post('/payments/bank-files', financeA, { file: camt054 });
    expect([json.status, json.body.code]).toEqual([415, 'BANK_FILE_UNSUPPORTED']);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a file for a batch IMDi never sent, naming its message id, and changes nothing', async () => {
    const before = await footprint();
    const unknown = 'AAAABBBBCCCCDDDDEEEEFFFF00001111';
    const status = await importFile(pain002.replace(`<OrgnlMsgId>${messageId}</OrgnlMsgId>`, `<OrgnlMsgId>${unknown}</OrgnlMsgId>`));
    expect([status.status, status.body.code]).toEqual([422, 'BANK_FILE_UNKNOWN_BATCH']);
    expect(status.body.detail).toContain(unknown);
    const debit = await importFile(camt054.replaceAll(`<MsgId>${messageId}</MsgId>`, `<MsgId>${unknown}</MsgId>`));
    expect([debit.status, debit.body.code]).toEqual([422, 'BANK_FILE_UNKNOWN_BATCH']);
    expect(debit.body.detail).toContain(unknown);
    expect(await footprint()).toEqual(before);
  });

  it('reads the status report: 7 payments rejected for three reasons, reversed on the ledger and due again, the rest accepted', async () => {
    const paidBefore = await paidOnPost();
    const imported = await importFile(pain002, financeA, 'text/xml');
    expect([imported.status, imported.body.alreadyImported, imported.body.kind]).toEqual([201, false, 'pain.002']);
    expect(imported.body.summary).toMatchObject({
      rejected: 7,
      rejectedNok: sum(rejected),
      reasons: { AC04: { count: 3, text: 'Kontoen er stengt' }, AC01: { count: 2 }, AM04: { count: 2 } },
    });

    const paidAfter = await paidOnPost();
    expect(Money.parseNok(paidBefore.paidNok).minus(Money.parseNok(paidAfter.paidNok)).toDecimalString()).toBe(sum(rejected));
    expect(Money.parseNok(paidAfter.committedNok).minus(Money.parseNok(paidBefore.committedNok)).toDecimalString()).toBe(sum(rejected));

    for (const entry of rejectedCases) {
      const overview = (await call(api.baseUrl, `/casework/cases/${entry.caseId}`, { token: await tokenFor({ sub: 'saksbehandler', roles: ['caseworker'] }) }))
        .body;
      expect(overview.payments).toEqual([
        expect.objectContaining({
          status: 'rejected',
          statusText: 'Avvist av banken',
          rejection: { code: entry.reasonCode, reason: entry.reason, paidAgain: entry.waits ? 'waiting-for-new-account' : 'due' },
        }),
      ]);
    }
    const reconciliation = (await call(api.baseUrl, `/payments/batches/${batchId}/reconciliation`, { token: financeA })).body;
    expect(reconciliation).toMatchObject({
      sent: { count: 1000, nok: sum(payments) },
      accepted: { count: 993 },
      rejected: { count: 7, nok: sum(rejected) },
      booked: { count: 0 },
    });
  });

  it("reads the debit notification: 990 booked, 5 of them a day late, listed and counted from the bank's date", async () => {
    const imported = await importFile(camt054);
    expect([imported.status, imported.body.kind]).toEqual([201, 'camt.054']);
    expect(imported.body.summary).toMatchObject({ entries: 990, booked: 990, bookedNok: sum(booked), discrepancies: { 'booking-date': 5 } });

    const discrepancies = (await call(api.baseUrl, `/payments/discrepancies?batchId=${batchId}`, { token: financeA })).body;
    expect(discrepancies).toHaveLength(5);
    expect(discrepancies.map((entry: { endToEndId: string }) => entry.endToEndId).sort()).toEqual(bookedLate.map((payment) => payment.endToEndId).sort());
    expect(discrepancies[0]).toMatchObject({
      kind: 'booking-date',
      description: 'Banken belastet på en annen dag enn ønsket utførelsesdato',
      executionDate: EXECUTION,
      bookedOn: NEXT_DAY,
    });

    // The accounting status counts the late five from the day the bank debited them.
    const onExecutionDay = await paidOnPost(EXECUTION);
    const nextDay = await paidOnPost(NEXT_DAY);
    expect(Money.parseNok(nextDay.paidNok).minus(Money.parseNok(onExecutionDay.paidNok)).toDecimalString()).toBe(sum(bookedLate));
  });

  it('agrees to the øre: the batch and the post reconciliation, the ledger and the case pages', async () => {
    const outstanding = unanswered;
    const batch = (await call(api.baseUrl, `/payments/batches/${batchId}/reconciliation`, { token: financeA })).body;
    expect(batch).toMatchObject({
      sent: { count: 1000, nok: sum(payments) },
      booked: { count: 990, nok: sum(booked), bookedByBankNok: sum(booked), onAnotherDay: 5 },
      rejected: { count: 7, nok: sum(rejected) },
      accepted: { count: 3, nok: sum(outstanding) },
      outstanding: { count: 3, nok: sum(outstanding) },
      discrepancies: { 'booking-date': 5 },
    });
    const perPost = (await call(api.baseUrl, `/payments/reconciliation?year=${YEAR}&post=496.73`, { token: financeA })).body;
    expect(perPost).toMatchObject({ budgetPost: '496.73', sent: batch.sent, booked: batch.booked, rejected: batch.rejected, outstanding: batch.outstanding });
    // Paid on the ledger: everything sent that the bank has not rejected (the three unanswered are still on their way).
    expect(perPost.ledger.paidNok).toBe(
      Money.parseNok(sum(booked))
        .plus(Money.parseNok(sum(outstanding)))
        .toDecimalString(),
    );
    expect(perPost.ledger.paidNok).toBe((await paidOnPost()).paidNok);

    const caseworker = await tokenFor({ sub: 'saksbehandler', roles: ['caseworker'] });
    const onCasePages: Array<{ status: string; amountNok: string }> = [];
    for (const caseId of [...bulkCases, ...rejectedCases.map((entry) => entry.caseId)]) {
      onCasePages.push(...(await call(api.baseUrl, `/casework/cases/${caseId}`, { token: caseworker })).body.payments);
    }
    const total = (status: string) =>
      Money.sum(onCasePages.filter((payment) => payment.status === status).map((payment) => Money.parseNok(payment.amountNok))).toDecimalString();
    expect(onCasePages).toHaveLength(1000);
    expect([total('booked'), total('rejected'), total('accepted')]).toEqual([sum(booked), sum(rejected), sum(outstanding)]);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await footprint();
    for (const xml of [pain002, camt054]) {
      const again = await importFile(xml);
      expect([again.status, again.body.alreadyImported]).toEqual([200, true]);
    }
    expect(await footprint()).toEqual(before);
    const reused = await importFile(pain002.replace('<StsId>1</StsId>', '<StsId>9</StsId>'));
    expect([reused.status, reused.body.code]).toEqual([409, 'BANK_FILE_MESSAGE_REUSED']);
    expect(await footprint()).toEqual(before);
  });

  it('pays a rejected instalment again in the next run: at once when the account was fine, after a new account when it was not', async () => {
    const first = await runPayouts();
    expect(first.paymentsCreated).toBe(2);
    const repaid: Array<{ case_id: string; account_number: string }> = await dataSource.query(
      `SELECT i.case_id, p.account_number FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE p.run_id = $1`,
      [first.id],
    );
    expect(repaid.map((row) => row.case_id).sort()).toEqual(
      rejectedCases
        .filter((entry) => !entry.waits)
        .map((entry) => entry.caseId)
        .sort(),
    );

    const newAccounts = new Map<string, string>();
    for (const entry of rejectedCases.filter((candidate) => candidate.waits)) {
      const account = newAccountNumber();
      newAccounts.set(entry.caseId, account);
      const changed = await call(api.baseUrl, `/organisations/${entry.organisationNumber}/account`, {
        method: 'PUT',
        token: entry.applicant,
        json: { accountNumber: account },
      });
      expect([changed.status, changed.body.accountNumber]).toEqual([200, account]);
    }
    const unchanged = await call(api.baseUrl, `/organisations/${rejectedCases[0].organisationNumber}/account`, {
      method: 'PUT',
      token: rejectedCases[0].applicant,
      json: { accountNumber: newAccounts.get(rejectedCases[0].caseId) },
    });
    expect([unchanged.status, unchanged.body.code]).toEqual([422, 'ACCOUNT_UNCHANGED']);
    const stranger = await call(api.baseUrl, `/organisations/${rejectedCases[1].organisationNumber}/account`, {
      method: 'PUT',
      token: rejectedCases[0].applicant,
      json: { accountNumber: newAccountNumber() },
    });
    expect(stranger.status).toBe(403);

    const second = await runPayouts();
    expect(second.paymentsCreated).toBe(5);
    const paidToNew: Array<{ case_id: string; account_number: string }> = await dataSource.query(
      `SELECT i.case_id, p.account_number FROM payment p JOIN instalment i ON i.id = p.instalment_id WHERE p.run_id = $1`,
      [second.id],
    );
    expect(paidToNew.every((row) => newAccounts.get(row.case_id) === row.account_number)).toBe(true);
    expect(paidToNew).toHaveLength(5);
    // Every rejected instalment is paid again exactly once: nothing is committed any more on the post's grants here.
    const status = await paidOnPost();
    expect(
      Money.parseNok(status.paidNok)
        .minus(Money.parseNok((await call(api.baseUrl, `/payments/reconciliation?year=${YEAR}&post=496.73`, { token: financeA })).body.ledger.paidNok))
        .isZero(),
    ).toBe(true);
    const overview = (
      await call(api.baseUrl, `/casework/cases/${rejectedCases[0].caseId}`, { token: await tokenFor({ sub: 'saksbehandler', roles: ['caseworker'] }) })
    ).body;
    expect(overview.payments).toEqual([
      expect.objectContaining({ status: 'rejected', rejection: expect.objectContaining({ reason: 'Kontoen er stengt', paidAgain: 'paid' }) }),
      expect.objectContaining({ status: 'in_batch', amountNok: overview.payments[0].amountNok }),
    ]);
  });

  it('lists a debit of another amount and an entry it cannot match for finance, and keeps the ledger at what was sent', async () => {
    const caseId = await grant(newOrganisationNumber(), newAccountNumber(), [123_45n, 678_90n]);
    const run = await runPayouts();
    expect(run.paymentsCreated).toBe(2);
    expect((await post(`/payments/batches/${run.batchId}/approve`, financeB)).status).toBe(200);
    expect((await post(`/payments/batches/${run.batchId}/sent`, financeA)).status).toBe(200);
    const sent: Array<{ end_to_end_id: string; amount_ore: string }> = await dataSource.query(
      `SELECT end_to_end_id::text, amount_ore::text FROM payment WHERE batch_id = $1 ORDER BY end_to_end_id`,
      [run.batchId],
    );
    const batchMessageId = run.batchId!.replace(/-/g, '');
    const entries = sent.map((row, index) => ({
      endToEndId: endToEndReference(row.end_to_end_id),
      paymentInformationId: paymentInformationId(batchMessageId, EXECUTION),
      amount: Money.ofOre(row.amount_ore),
      executionDate: EXECUTION,
      ...(index === 0 ? { bookedAmount: Money.ofOre(row.amount_ore).minus(Money.ofOre(100)) } : {}),
    }));
    entries.push({
      endToEndId: 'IMDI999999999',
      paymentInformationId: paymentInformationId(batchMessageId, EXECUTION),
      amount: Money.ofOre(500),
      executionDate: EXECUTION,
    });
    const paidBefore = await paidOnPost();
    const imported = await importFile(
      await text(writeCamt054({ messageId: 'DNB-DEBIT-0002', createdAt: `${YEAR}-03-16T07:00:00`, account: '76940512057', batchMessageId, entries })),
    );
    expect(imported.status).toBe(201);
    expect(imported.body.summary).toMatchObject({ booked: 2, discrepancies: { amount: 1, 'unmatched-entry': 1 } });
    const listed = (await call(api.baseUrl, `/payments/discrepancies?year=${YEAR}&post=496.73`, { token: financeA })).body as Array<{
      kind: string;
      sentNok: string | null;
      bookedNok: string | null;
      endToEndId: string;
    }>;
    expect(listed.filter((entry) => entry.kind === 'amount')).toEqual([
      expect.objectContaining({
        sentNok: Money.ofOre(sent[0].amount_ore).toDecimalString(),
        bookedNok: Money.ofOre(sent[0].amount_ore).minus(Money.ofOre(100)).toDecimalString(),
      }),
    ]);
    expect(listed.filter((entry) => entry.kind === 'unmatched-entry').map((entry) => entry.endToEndId)).toEqual(['IMDI999999999']);
    const reconciliation = (await call(api.baseUrl, `/payments/batches/${run.batchId}/reconciliation`, { token: financeA })).body;
    expect(reconciliation.booked).toMatchObject({ count: 2, nok: '802.35', bookedByBankNok: '801.35' });
    expect((await paidOnPost()).paidNok).toBe(paidBefore.paidNok);
    expect(
      (await call(api.baseUrl, `/casework/cases/${caseId}`, { token: await tokenFor({ sub: 'saksbehandler', roles: ['caseworker'] }) })).body.payments.map(
        (payment: { status: string }) => payment.status,
      ),
    ).toEqual(['booked', 'booked']);
  });
});
