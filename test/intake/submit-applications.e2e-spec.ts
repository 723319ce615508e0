import { randomUUID } from 'node:crypto';
import { verifyAuditChain } from '@imdi/audit';
import { movesOf } from '@imdi/cases';
import { auditChainKey, dataSourceOptions, loadConfig } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { ApplicationRepository, type SubmissionCandidate, type SubmissionLookup } from '../../libs/intake/src/infrastructure/application.repository';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';

/**
 * The submit path at database level: submit_applications (intake's infrastructure/, installed by
 * migration 1796040100000) called directly, as ApplicationRepository.submitMany calls it. A success
 * writes the application, the case's number, one audit entry and the two outbox messages once; a
 * refused or failing call leaves nothing behind.
 */
describe('submit_applications', () => {
  let dataSource: DataSource;
  const key = auditChainKey(loadConfig());
  const moves = JSON.stringify(movesOf('submit').map((move) => ({ from_status: move.fromStatus, scheme_kind: move.schemeKind, to_status: move.toStatus })));

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(loadConfig())).initialize();
  });
  afterAll(() => dataSource.destroy());

  interface Draft {
    readonly applicationId: string;
    readonly organisationId: string;
    readonly organisationNumber: string;
    readonly rowVersion: string;
  }

  /** An organisation with one draft application and its draft case, as the drafts service makes them. */
  async function draft(): Promise<Draft> {
    const organisationNumber = newOrganisationNumber();
    const [organisation]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO organisation (organisation_number, name, kind, municipality_number, account_number, written_standard, contact_name, contact_email)
       VALUES ($1, 'Testkommune', 'kommune', '3005', $2, 'nb', 'Kari', 'kari@example.no') RETURNING id`,
      [organisationNumber, newAccountNumber()],
    );
    const [version]: Array<{ id: string; kind: string }> = await dataSource.query(
      `SELECT id, kind FROM scheme_version WHERE scheme_code = 'jobbsjansen-a' AND budget_year = 2017`,
    );
    const applicationId = randomUUID();
    await dataSource.query(
      `INSERT INTO case_file (id, scheme_code, budget_year, scheme_kind, organisation_number, status) VALUES ($1, 'jobbsjansen-a', 2017, $2, $3, 'draft')`,
      [applicationId, version.kind, organisationNumber],
    );
    await dataSource.query(
      `INSERT INTO application (id, organisation_id, scheme_code, budget_year, scheme_version_id, form, created_by)
       VALUES ($1, $2, 'jobbsjansen-a', 2017, $3, '{"projectTitle": "Jobbsjansen"}', 'person:test')`,
      [applicationId, organisation.id, version.id],
    );
    const [row]: Array<{ xmin: string }> = await dataSource.query(`SELECT xmin::text AS xmin FROM application WHERE id = $1`, [applicationId]);
    return { applicationId, organisationId: organisation.id, organisationNumber, rowVersion: row.xmin };
  }

  const submission = (application: Draft, overrides: Record<string, unknown> = {}) => ({
    application_id: application.applicationId,
    organisation_id: application.organisationId,
    idempotency_key: randomUUID(),
    checked_row_version: application.rowVersion,
    received_at: '2017-03-01T09:30:00.000Z',
    receipt_year: 2017,
    receipt_order: 0,
    submitted_by: `person:abc for ${application.organisationNumber}`,
    actor_roles: ['applicant'],
    requested_ore: '75000000',
    audit_after: { receivedAt: '2017-03-01T09:30:00.000Z', requestedNok: '750000.00', submittedByName: 'Kari Nordmann' },
    ...overrides,
  });

  const submit = (submissions: object[]): Promise<Array<{ application_id: string; outcome: string; case_status: string | null; case_number: string | null }>> =>
    dataSource.query(`SELECT * FROM submit_applications($1::jsonb, $2::jsonb, $3, $4)`, [JSON.stringify(submissions), moves, 'letters', 'issue-receipt']);

  /** Everything the submit path writes about one application. */
  async function written(applicationId: string) {
    const [application]: Array<{ submitted_at: Date | null; submitted_by: string | null; requested_ore: string | null }> = await dataSource.query(
      `SELECT submitted_at, submitted_by, requested_ore::text FROM application WHERE id = $1`,
      [applicationId],
    );
    const [caseFile]: Array<{ status: string; case_number: string | null; received_at: Date | null }> = await dataSource.query(
      `SELECT status, case_number, received_at FROM case_file WHERE id = $1`,
      [applicationId],
    );
    const audit: Array<{ actor_id: string; action: string; before: unknown; after: Record<string, unknown> }> = await dataSource.query(
      `SELECT actor_id, action, before, after FROM audit_entry WHERE entity_type = 'case' AND entity_id = $1 ORDER BY id`,
      [applicationId],
    );
    const outbox: Array<{ queue: string; job_name: string; payload: Record<string, unknown> }> = await dataSource.query(
      `SELECT queue, job_name, payload FROM outbox_message
       WHERE payload->>'applicationId' = $1 OR payload->'data'->>'caseId' = $1 ORDER BY job_name`,
      [applicationId],
    );
    const keys: Array<{ idempotency_key: string }> = await dataSource.query(`SELECT idempotency_key FROM submission_request WHERE application_id = $1`, [
      applicationId,
    ]);
    return { application, caseFile, audit, outbox, keys };
  }

  const counter = async (): Promise<number> => {
    const rows: Array<{ last_number: number }> = await dataSource.query(`SELECT last_number FROM case_number_counter WHERE year = 2017`);
    return rows[0]?.last_number ?? 0;
  };

  const nothingWritten = {
    application: { submitted_at: null, submitted_by: null, requested_ore: null },
    caseFile: { status: 'draft', case_number: null, received_at: null },
    audit: [],
    outbox: [],
    keys: [],
  };

  it('writes the application, the case number, one audit entry and the receipt and event messages once, and the chain verifies', async () => {
    const application = await draft();
    const request = submission(application);
    const numberBefore = await counter();

    const [answer] = await submit([request]);

    expect(answer).toEqual({
      application_id: application.applicationId,
      outcome: 'submitted',
      case_status: 'submitted',
      case_number: expect.stringMatching(/^2017\/\d{5}$/),
    });
    expect(await counter()).toBe(numberBefore + 1);
    const after = await written(application.applicationId);
    expect(after.application).toEqual({ submitted_at: new Date('2017-03-01T09:30:00.000Z'), submitted_by: request.submitted_by, requested_ore: '75000000' });
    expect(after.caseFile).toEqual({ status: 'submitted', case_number: answer.case_number, received_at: new Date('2017-03-01T09:30:00.000Z') });
    expect(after.audit).toEqual([
      {
        actor_id: request.submitted_by,
        action: 'case.submit',
        before: { status: 'draft' },
        after: { ...request.audit_after, status: 'submitted', caseNumber: answer.case_number },
      },
    ]);
    expect(after.outbox).toEqual([
      {
        queue: 'domain-events',
        job_name: 'ApplicationSubmitted',
        payload: {
          version: 1,
          data: {
            caseId: application.applicationId,
            caseNumber: answer.case_number,
            organisationNumber: application.organisationNumber,
            schemeCode: 'jobbsjansen-a',
            budgetYear: 2017,
            requestedOre: '75000000',
            receivedAt: '2017-03-01T09:30:00.000Z',
          },
        },
      },
      { queue: 'letters', job_name: 'issue-receipt', payload: { applicationId: application.applicationId } },
    ]);
    expect(after.keys).toEqual([{ idempotency_key: request.idempotency_key }]);
    expect(await verifyAuditChain(dataSource, key)).toMatchObject({ intact: true });

    // The same key again is answered from the claim, and a new key finds the case moved on: neither writes anything.
    expect(await submit([request])).toEqual([
      { application_id: application.applicationId, outcome: 'key-taken', case_status: 'submitted', case_number: answer.case_number },
    ]);
    expect(await submit([{ ...request, idempotency_key: randomUUID() }])).toEqual([
      { application_id: application.applicationId, outcome: 'not-allowed', case_status: 'submitted', case_number: answer.case_number },
    ]);
    expect(await written(application.applicationId)).toEqual(after);
    expect(await counter()).toBe(numberBefore + 1);
  });

  it('numbers a batch consecutively in receipt order', async () => {
    const first = await draft();
    const second = await draft();
    const answers = await submit([
      submission(second, { receipt_order: 1, received_at: '2017-03-02T08:00:00.000Z' }),
      submission(first, { receipt_order: 0, received_at: '2017-03-01T08:00:00.000Z' }),
    ]);
    const numberOf = (id: string) => Number(answers.find((answer) => answer.application_id === id)?.case_number?.slice(5));
    expect(numberOf(second.applicationId)).toBe(numberOf(first.applicationId) + 1);
    const entries: Array<{ entity_id: string }> = await dataSource.query(
      `SELECT entity_id FROM audit_entry WHERE action = 'case.submit' AND entity_id = ANY($1::text[]) ORDER BY id`,
      [[first.applicationId, second.applicationId]],
    );
    expect(entries.map((entry) => entry.entity_id)).toEqual([first.applicationId, second.applicationId]);
    expect(await verifyAuditChain(dataSource, key)).toMatchObject({ intact: true });
  });

  it('writes nothing for an application changed since it was checked, and releases its key', async () => {
    const application = await draft();
    const numberBefore = await counter();
    expect(await submit([submission(application, { checked_row_version: '1' })])).toEqual([
      { application_id: application.applicationId, outcome: 'changed-since-checked', case_status: 'draft', case_number: null },
    ]);
    expect(await written(application.applicationId)).toEqual(nothingWritten);
    expect(await counter()).toBe(numberBefore);
  });

  it('refuses an amount below zero with the check violation and leaves nothing half-written', async () => {
    const application = await draft();
    const numberBefore = await counter();
    await expect(submit([submission(application, { requested_ore: '-1' })])).rejects.toMatchObject({ code: '23514' });
    expect(await written(application.applicationId)).toEqual(nothingWritten);
    expect(await counter()).toBe(numberBefore);
  });

  it('rolls everything back when the last write fails (an entry without an actor), numbers and messages included', async () => {
    const application = await draft();
    const numberBefore = await counter();
    await expect(submit([submission(application, { submitted_by: null })])).rejects.toMatchObject({ code: '23502', column: 'actor_id' });
    expect(await written(application.applicationId)).toEqual(nothingWritten);
    expect(await counter()).toBe(numberBefore);
    expect(await verifyAuditChain(dataSource, key)).toMatchObject({ intact: true });
  });

  describe('the read before it (ApplicationRepository.findForSubmissions, one statement for the submits arriving together)', () => {
    const repository = new ApplicationRepository();

    /**
     * Four reads and what each must answer: the caller's own draft, another organisation's, one that
     * does not exist, and one whose key was used.
     */
    async function lookups(): Promise<{ requests: SubmissionLookup[]; expected: unknown[]; own: Draft }> {
      const [own, other, submitted] = [await draft(), await draft(), await draft()];
      const usedKey = randomUUID();
      expect(await submit([submission(submitted, { idempotency_key: usedKey })])).toEqual([expect.objectContaining({ outcome: 'submitted' })]);
      const requests = [
        { applicationId: own.applicationId, organisationNumbers: [own.organisationNumber], idempotencyKey: randomUUID() },
        // Another organisation's application, asked for by a caller who does not act for it.
        { applicationId: other.applicationId, organisationNumbers: [own.organisationNumber], idempotencyKey: randomUUID() },
        { applicationId: randomUUID(), organisationNumbers: [own.organisationNumber], idempotencyKey: randomUUID() },
        { applicationId: submitted.applicationId, organisationNumbers: ['000000000', submitted.organisationNumber], idempotencyKey: usedKey },
      ];
      const expected = [
        { id: own.applicationId, keyUsedFor: null, status: 'draft' },
        undefined,
        undefined,
        { id: submitted.applicationId, keyUsedFor: submitted.applicationId, status: 'submitted' },
      ];
      return { requests, expected, own };
    }

    const summary = (answer: SubmissionCandidate | undefined) =>
      answer && { id: answer.application.id, keyUsedFor: answer.keyUsedFor, status: answer.caseStatus };

    it("answers each request in its place with its own caller's application, whether its key was used and the case's status", async () => {
      const { requests, expected, own } = await lookups();
      const answers = await repository.findForSubmissions(dataSource.manager, requests);
      expect(answers.map(summary)).toEqual(expected);
      expect(answers[0]).toMatchObject({ organisation: { organisationNumber: own.organisationNumber }, application: { rowVersion: own.rowVersion } });
    });

    it('answers a request read alone (its own statement, by id) as it answers it in a batch', async () => {
      const { requests, expected, own } = await lookups();
      const alone = [];
      for (const request of requests) alone.push(...(await repository.findForSubmissions(dataSource.manager, [request])));
      expect(alone.map(summary)).toEqual(expected);
      expect(alone[0]).toMatchObject({ organisation: { organisationNumber: own.organisationNumber }, application: { rowVersion: own.rowVersion } });
    });
  });
});
