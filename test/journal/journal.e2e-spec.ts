import { createHash } from 'node:crypto';
import { AdjustableClock, Clock } from '@imdi/kernel';
import { QueueName, QueueRegistry } from '@imdi/platform';
import { DataSource } from 'typeorm';
import { call, tokenFor } from '../support/api-harness';
import { RecordJournalEntry } from '@imdi/journal';
import { startArchiveServer, xmllintAgainstArkivmeldingXsd, type TestArchiveServer } from '../support/archive-server';
import { newAccountNumber, newOrganisationNumber } from '../support/identifiers';
import { pdfA2bProblems } from '../support/pdf-archive-check';
import { pdfText } from '../support/pdf-text';
import { mentorTraineeForm } from '../support/mentor-application';
import { startSystem, type RunningSystem } from '../support/system-harness';
import { eventually } from '../support/worker-harness';

/** A valid national identity number (check digits right) a careless applicant wrote into the description. */
const NATIONAL_ID = '01017012343';
const PERSON = 'Kari Nordmann';
const DAY = 86_400_000;
/** The ministry IMDi answered to in 2017, as the year's allocation letter names it (data/allocation-letters/2017.json). */
const MINISTRY_2017 = 'Justis- og beredskapsdepartementet';

/** A journal entry as GET /journal/cases/:caseId answers it (the fields these tests read). */
interface EntryJson {
  readonly id: string;
  readonly kind: string;
  readonly entryType: string;
  readonly journalNumber: string;
  readonly documentNumber: number;
  readonly deliveries: ReadonlyArray<{ readonly id: string; readonly state: string }>;
}

describe('The journal', () => {
  let archive: TestArchiveServer;
  let system: RunningSystem;
  let dataSource: DataSource;
  let caseworker: string;
  let approver: string;
  let archivist: string;
  const base = () => system.api.baseUrl;
  const post = (path: string, token: string, json: object = {}) => call(base(), path, { method: 'POST', token, json });
  const at = (iso: string) => {
    (system.api.app.get(Clock) as AdjustableClock).set(new Date(iso));
    (system.worker.get(Clock) as AdjustableClock).set(new Date(iso));
  };

  async function submittedApplication(
    key: string,
    form: Record<string, unknown>,
    writtenStandard: 'nb' | 'nn' = 'nb',
  ): Promise<{ caseId: string; applicant: string }> {
    const organisationNumber = newOrganisationNumber();
    const applicant = await tokenFor({ sub: `journal-${key}`, roles: ['applicant'], organisationNumbers: [organisationNumber] });
    const registered = await post('/organisations', applicant, {
      organisationNumber,
      name: `Mentorlaget ${key}`,
      kind: 'organisasjon',
      accountNumber: newAccountNumber(),
      writtenStandard,
      contactName: PERSON,
      contactEmail: 'kari@example.no',
    });
    expect(registered.status).toBe(201);
    const created = await post('/applications', applicant, { organisationNumber, schemeCode: 'mentor-trainee', budgetYear: 2017, form });
    expect([created.status, created.body.errors]).toEqual([201, undefined]);
    return { caseId: created.body.id, applicant };
  }

  async function submit(caseId: string, applicant: string): Promise<void> {
    const submitted = await call(base(), `/applications/${caseId}/submit`, {
      method: 'POST',
      token: applicant,
      headers: { 'idempotency-key': `journal-${caseId}` },
    });
    expect([submitted.status, submitted.body.detail]).toEqual([201, undefined]);
  }

  async function submitAndPublish(caseId: string, applicant: string): Promise<void> {
    await submit(caseId, applicant);
  }

  const caseFile = (caseId: string) => call(base(), `/journal/cases/${caseId}`, { token: archivist });
  const entriesOf = async (caseId: string, count: number) =>
    eventually(async () => {
      const file = await caseFile(caseId);
      return file.status === 200 && file.body.entries.length >= count ? file.body : undefined;
    }, 30000);

  /**
   * The documents an entry's newest delivered arkivmelding brought: the message valid against the XSD,
   * the main document a PDF/A-2b (as poppler and pdf-lib can tell) described as the archive format with
   * its checksum; answers the main document's text and the files that came with it.
   */
  async function archivedDocuments(
    entryId: string,
    fileName: RegExp,
  ): Promise<{ text: string; files: ReadonlyArray<{ name: string; mediaType: string }>; xml: string }> {
    const message = await eventually(async () => {
      const entry = (await call(base(), `/journal/entries/${entryId}`, { token: archivist })).body as EntryJson;
      const delivered = entry.deliveries.filter((delivery) => delivery.state === 'delivered').at(-1);
      return delivered && archive.archived.find((archived) => archived.idempotencyKey === delivered.id);
    }, 30000);
    expect(xmllintAgainstArkivmeldingXsd(message.xml)).toMatchObject({ valid: true });
    const [main, ...rest] = message.files;
    expect(main).toMatchObject({ name: expect.stringMatching(fileName), mediaType: 'application/pdf' });
    const pdf = archive.contentOf(message.idempotencyKey, main.name);
    if (!pdf) throw new Error(`${main.name} came without content`);
    expect(await pdfA2bProblems(pdf)).toEqual([]);
    expect(message.xml).toContain(`<referanseDokumentfil>${main.name}</referanseDokumentfil>`);
    expect(message.xml).toContain(`<imdi:sjekksum>${createHash('sha256').update(pdf).digest('hex')}</imdi:sjekksum>`);
    expect(message.xml).toContain('<variantformat>Arkivformat</variantformat>');
    expect(message.xml).toContain('<imdi:format>PDF/A-2b</imdi:format>');
    return { text: (await pdfText(pdf)).replace(/\s+/g, ' '), files: rest, xml: message.xml };
  }

  beforeAll(async () => {
    archive = await startArchiveServer();
    process.env.ARCHIVE_URL = archive.url;
    system = await startSystem();
    dataSource = system.api.app.get(DataSource);
    caseworker = await tokenFor({ sub: 'journal-saksbehandler', name: 'Sara Saksbehandler', roles: ['caseworker'] });
    approver = await tokenFor({ sub: 'journal-godkjenner', name: 'Per Godkjenner', roles: ['approver'] });
    archivist = await tokenFor({ sub: 'arne.arkivar', name: 'Arne Arkivar', roles: ['archivist'] });
    const admin = await tokenFor({ sub: 'ada', roles: ['admin'] });
    expect(
      (await post('/admin/delegations', admin, { approverId: 'journal-godkjenner', budgetPost: '496.73', maxAmountNok: '1000000', reference: 'Delegering J' }))
        .status,
    ).toBe(201);
    const classified = await call(base(), '/journal/classifications/mentor-trainee/2017', {
      method: 'PUT',
      token: archivist,
      json: { classSystem: 'IMDi arkivnøkkel', classId: '233', classTitle: 'Tilskudd til mentor- og traineeprogram' },
    });
    expect(classified.status).toBe(200);
  });

  afterAll(async () => {
    await system?.stop();
    await archive?.close();
    delete process.env.ARCHIVE_URL;
  });

  it('journals a søkbar case from application to report approval, archives each entry and publishes nothing personal', async () => {
    at('2017-02-01T09:00:00Z');
    const form = await mentorTraineeForm(base(), '100000');
    form.projectTitle = `Mentorprogram ledet av ${PERSON}`;
    form.description = `Mentorer fra arbeidslivet. Deltaker med fødselsnummer ${NATIONAL_ID} har behov for tilrettelegging.`;
    form.contactName = PERSON;
    const { caseId, applicant } = await submittedApplication('A', form);
    await submitAndPublish(caseId, applicant);
    // The application (I) and the receipt sent to the applicant (U), document number 2.
    await entriesOf(caseId, 2);
    // The caseworker takes the case: the case file names her as responsible (saksansvarlig).
    expect((await post(`/casework/cases/${caseId}/assign`, caseworker, { caseworkerId: 'journal-saksbehandler' })).status).toBe(204);
    await eventually(async () => ((await caseFile(caseId)).body.responsibleCaseworker === 'Sara Saksbehandler' ? true : undefined), 30000);

    // Undecided a month after receipt: the provisional answer goes out and is journaled (U).
    at('2017-03-05T09:00:00Z');
    const provisional = await system.api.app
      .get(QueueRegistry)
      .get(QueueName.Casework)
      .add(
        'send-provisional-answers',
        { asOf: new Date(Date.parse('2017-02-01T09:00:00Z') + 32 * DAY).toISOString() },
        { jobId: `journal-provisional-${caseId}` },
      );
    await eventually(async () => ((await provisional.getState()) === 'completed' ? true : undefined), 30000);
    await entriesOf(caseId, 3);

    at('2017-03-13T09:00:00Z');
    expect(
      (await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '100000', reasons: 'Vurdert etter kriteriene i regelverket.' })).status,
    ).toBe(201);
    expect((await post(`/casework/cases/${caseId}/approve`, approver)).status).toBe(200);
    expect((await post('/casework/ministry-notifications', caseworker, { schemeCode: 'mentor-trainee', budgetYear: 2017 })).status).toBeLessThan(300);
    await eventually(async () =>
      (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status === 'ministry_notified' ? true : undefined,
    );
    await entriesOf(caseId, 5);
    at('2017-03-14T09:00:00Z');
    expect((await post(`/casework/cases/${caseId}/letters`, caseworker)).status).toBe(201);
    await entriesOf(caseId, 6);
    expect((await post(`/cases/${caseId}/accept`, applicant)).body.status).toBe('accepted');

    // recipient-reports opens the reporting duty as a subscriber of GrantAccepted.
    await eventually(async () => ((await call(base(), `/cases/${caseId}/report`, { token: applicant })).status === 200 ? true : undefined));
    at('2017-10-02T10:00:00Z');
    const accounts = Buffer.from('Konto;Beløp\nKoordinator;100000\n');
    const attached = await call(base(), `/cases/${caseId}/report/attachments?fileName=regnskap.csv`, {
      method: 'POST',
      token: applicant,
      headers: { 'content-type': 'application/octet-stream' },
      body: accounts,
    });
    expect(attached.status).toBe(201);
    const report = await post(`/cases/${caseId}/report`, applicant, {
      useOfFunds: 'Midlene er brukt til koordinator og samlinger.',
      spentNok: '100000',
      results: 'Tolv deltakere fikk mentor; sju er i arbeid.',
      participantsFemale: 7,
      participantsMale: 5,
      accounts: [{ description: 'Koordinator', amountNok: '100000' }],
    });
    expect([report.status, report.body.status]).toEqual([201, 'submitted']);
    await entriesOf(caseId, 7);
    at('2017-10-03T10:00:00Z');
    expect((await post(`/casework/cases/${caseId}/report/approve`, caseworker, { comment: 'Rapporten er godkjent.' })).status).toBe(201);
    await entriesOf(caseId, 8);

    // Paid, then part of it reclaimed: the notice (U, its PDF), the recipient's comment (I) and the decision (U) answering it.
    const finance = await tokenFor({ sub: 'journal-okonomi', roles: ['finance'] });
    const run = await post('/payments/runs', finance, { budgetYear: 2017, budgetPost: '496.73', asOf: '2017-12-31' });
    expect(run.status).toBe(202);
    await eventually(
      async () => ((await call(base(), `/payments/runs/${run.body.id}`, { token: finance })).body.status === 'completed' ? true : undefined),
      60000,
    );
    at('2017-11-01T10:00:00Z');
    const notice = await post(`/payments/cases/${caseId}/reclaim-notices`, caseworker, {
      amountNok: '5000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      commentDeadline: '2017-11-22',
    });
    expect(notice.status).toBe(201);
    await entriesOf(caseId, 9);
    at('2017-11-06T10:00:00Z');
    const commented = await post(`/payments/reclaim-notices/${notice.body.id}/comments`, applicant, { comment: 'Vi er enige i at 5 000 kr ikke ble brukt.' });
    expect(commented.status).toBe(200);
    await entriesOf(caseId, 10);
    at('2017-11-07T10:00:00Z');
    const reclaim = await post(`/payments/cases/${caseId}/reclaims`, caseworker, {
      amountNok: '5000',
      reason: 'Ubrukte midler ved prosjektslutt.',
      dueOn: '2017-12-15',
      noticeId: notice.body.id,
    });
    expect(reclaim.status).toBe(201);

    const file = await entriesOf(caseId, 11);
    expect(file).toMatchObject({
      responsibleCaseworker: 'Sara Saksbehandler',
      caseNumber: expect.stringMatching(/^2017\/\d{5,}$/),
      status: 'open',
      administrativeUnit: 'Avdeling for tilskudd',
      classification: { classSystem: 'IMDi arkivnøkkel', classId: '233', classTitle: 'Tilskudd til mentor- og traineeprogram' },
      parties: [{ name: 'Mentorlaget A', kind: 'organisation', role: 'sender' }],
    });
    expect(file.publicTitle).not.toContain('Nordmann');
    const byKind = Object.fromEntries(file.entries.map((entry: any) => [entry.kind, entry]));
    expect(file.entries.map((entry: any) => [entry.documentNumber, entry.kind, entry.entryType])).toEqual([
      [1, 'application', 'I'],
      [2, 'receipt', 'U'],
      [3, 'provisional-answer', 'U'],
      [4, 'decision-proposal', 'N'],
      [5, 'ministry-pre-notification', 'U'],
      [6, 'grant-letter', 'U'],
      [7, 'recipient-report', 'I'],
      [8, 'report-approval', 'X'],
      [9, 'reclaim-notice', 'U'],
      [10, 'reclaim-comment', 'I'],
      [11, 'reclaim-decision', 'U'],
    ]);
    // The receipt: sent to the organisation the day the application came in, answering nothing.
    expect(byKind.receipt).toMatchObject({
      title: expect.stringContaining('Kvittering for mottatt søknad'),
      sentDate: '2017-02-01',
      receivedDate: null,
      parties: [{ name: 'Mentorlaget A', role: 'recipient' }],
      answeredByEntryId: null,
    });
    // The application: received 01.02.2017, the name out of its public title, screened for the identity number, waiting for review.
    expect(byKind.application).toMatchObject({
      journalDate: '2017-02-01',
      receivedDate: '2017-02-01',
      sentDate: null,
      reviewState: 'proposed',
      status: 'J',
      publicTitle: 'Søknad om tilskudd – Mentorprogram ledet av ***** – Mentorlaget A',
      screening: { restriction: '13', basis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', fields: ['title', 'documents'] },
      parties: [{ name: 'Mentorlaget A', kind: 'organisation', role: 'sender' }],
      answeredByEntryId: byKind['grant-letter'].id,
      answerMethod: 'BU',
      answeredOn: byKind['grant-letter'].journalDate,
    });
    expect(byKind.application.title).toContain(PERSON);
    expect(byKind['ministry-pre-notification']).toMatchObject({
      entryType: 'U',
      parties: [{ name: MINISTRY_2017, kind: 'ministry', role: 'recipient' }],
      reviewState: 'final',
      screening: null,
    });
    expect(byKind['grant-letter']).toMatchObject({
      sentDate: '2017-03-14',
      receivedDate: null,
      parties: [{ name: 'Mentorlaget A', role: 'recipient' }],
      reviewState: 'final',
    });
    expect(byKind['provisional-answer']).toMatchObject({
      sentDate: '2017-03-05',
      parties: [{ name: 'Mentorlaget A', role: 'recipient' }],
      reviewState: 'final',
      answeredByEntryId: null,
    });
    expect(byKind['decision-proposal']).toMatchObject({ entryType: 'N', documentDate: '2017-03-13', parties: [], receivedDate: null, sentDate: null });
    expect(byKind['reclaim-notice']).toMatchObject({ sentDate: '2017-11-01', parties: [{ name: 'Mentorlaget A', role: 'recipient' }] });
    expect(byKind['reclaim-comment']).toMatchObject({
      receivedDate: '2017-11-06',
      parties: [{ name: 'Mentorlaget A', role: 'sender' }],
      answeredByEntryId: byKind['reclaim-decision'].id,
      answerMethod: 'BU',
      answeredOn: '2017-11-07',
    });
    expect(byKind['reclaim-decision']).toMatchObject({ sentDate: '2017-11-07', parties: [{ name: 'Mentorlaget A', role: 'recipient' }] });
    expect(byKind['recipient-report']).toMatchObject({ receivedDate: '2017-10-02', answeredByEntryId: byKind['report-approval'].id, answerMethod: 'TO' });
    expect(byKind['report-approval']).toMatchObject({ entryType: 'X', documentDate: '2017-10-03', parties: [] });

    // Journal numbers: unique, and within each year without gaps.
    const numbers: Array<{ journal_year: number; journal_sequence: number }> = await dataSource.query(
      'SELECT journal_year, journal_sequence FROM journal_entry ORDER BY 1, 2',
    );
    for (const year of new Set(numbers.map((row) => row.journal_year))) {
      const sequences = numbers.filter((row) => row.journal_year === year).map((row) => row.journal_sequence);
      expect(sequences).toEqual(sequences.map((_, index) => index + 1));
    }

    // The archivist reviews the application's proposal: keeps the screening, shortens the public title; audited.
    const reviewed = await call(base(), `/journal/entries/${byKind.application.id}/public-access`, {
      method: 'PATCH',
      token: archivist,
      json: {
        publicTitle: 'Søknad om tilskudd – Mentorprogram – Mentorlaget A',
        screening: { basis: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1', fields: ['title', 'documents'] },
        finalize: true,
      },
    });
    expect([reviewed.status, reviewed.body.reviewState, reviewed.body.status]).toEqual([200, 'final', 'F']);
    const refused = await call(base(), `/journal/entries/${byKind.application.id}/public-access`, {
      method: 'PATCH',
      token: archivist,
      json: { publicTitle: `Søknad fra ${NATIONAL_ID}`, screening: null },
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'JOURNAL_PUBLIC_TITLE_HOLDS_PERSONAL_DATA']);
    expect(
      (
        await call(base(), `/journal/entries/${byKind.application.id}/public-access`, {
          method: 'PATCH',
          token: await tokenFor({ sub: 'x', roles: ['applicant'], organisationNumbers: [] }),
          json: {},
        })
      ).status,
    ).toBe(403);
    const audit = await dataSource.query(
      `SELECT actor_id, before, after FROM audit_entry WHERE entity_type = 'journal_entry' AND entity_id = $1 AND action = 'journal.entry-finalized'`,
      [byKind.application.id],
    );
    expect(audit).toEqual([
      expect.objectContaining({
        actor_id: 'arne.arkivar',
        before: expect.objectContaining({ reviewState: 'proposed' }),
        after: expect.objectContaining({ reviewState: 'final' }),
      }),
    ]);

    // Every entry reaches the archive once, each arkivmelding valid against the official XSD, the receipt recorded.
    const delivered = await eventually(async () => {
      const entries = (await caseFile(caseId)).body.entries as any[];
      // Delivered, and the archive's receipt recorded on the entry (status A); a finalised entry is delivered again.
      return entries.every((entry) => entry.status === 'A' && entry.deliveries.some((delivery: any) => delivery.state === 'delivered')) ? entries : undefined;
    }, 30000);
    for (const entry of delivered) {
      expect(entry.status).toBe('A');
      const [delivery] = entry.deliveries;
      expect(delivery.receipt).toMatchObject({ receiptId: expect.stringMatching(/^arkiv-\d+$/) });
      const message = archive.archived.find((archived) => archived.idempotencyKey === delivery.id);
      expect(message).toBeDefined();
      expect(xmllintAgainstArkivmeldingXsd(message!.xml)).toMatchObject({ valid: true });
      expect(message!.xml).toContain(`<journalsekvensnummer>${entry.journalSequence}</journalsekvensnummer>`);
      expect(message!.xml).toContain('<klasseID>233</klasseID>');
    }
    const applicationMessage = archive.archived.find((archived) => archived.xml.includes(`<systemID>${byKind.application.id}</systemID>`))!;
    expect(applicationMessage.xml).toContain('<skjermingshjemmel>Offl. § 13 jf. fvl. § 13 første ledd nr. 1</skjermingshjemmel>');
    expect(applicationMessage.xml).toContain('<avskrivningsmaate>Besvart med brev</avskrivningsmaate>');
    expect(applicationMessage.files.map((file) => file.mediaType)).toEqual(['application/json']);
    // The letters the system produced travel with their entries, labelled as PDF/A-2b in the archive format.
    const [letter] = await dataSource.query(`SELECT pdf, sha256 FROM letter WHERE case_id = $1`, [caseId]);
    const [answer] = await dataSource.query(`SELECT pdf FROM provisional_answer WHERE case_id = $1`, [caseId]);
    const [noticeLetter] = await dataSource.query(`SELECT letter_pdf AS pdf FROM reclaim_notice WHERE id = $1`, [notice.body.id]);
    // The reclaim decision's letter as it was sent to the recipient (and as the case page offers it).
    const [decisionLetter] = await dataSource.query(`SELECT letter_pdf AS pdf FROM reclaim WHERE id = $1`, [reclaim.body.id]);
    const [receipt] = await dataSource.query(`SELECT receipt_pdf AS pdf FROM application WHERE id = $1`, [caseId]);
    for (const [kind, pdf] of [
      ['receipt', receipt.pdf],
      ['grant-letter', letter.pdf],
      ['provisional-answer', answer.pdf],
      ['reclaim-notice', noticeLetter.pdf],
      ['reclaim-decision', decisionLetter.pdf],
    ] as Array<[string, Buffer]>) {
      // PDF/A-2b as far as poppler and pdf-lib can tell: XMP pdfaid 2/B, fonts embedded, sRGB output intent.
      expect(await pdfA2bProblems(pdf)).toEqual([]);
      const message = archive.archived.find((archived) => archived.xml.includes(`<systemID>${byKind[kind].id}</systemID>`));
      if (!message) throw new Error(`${kind} never reached the archive`);
      expect(message.files).toEqual([{ name: expect.stringMatching(/\.pdf$/), mediaType: 'application/pdf', size: pdf.length }]);
      expect(message.xml).toContain(`<imdi:sjekksum>${createHash('sha256').update(pdf).digest('hex')}</imdi:sjekksum>`);
      expect(message.xml).toContain('<variantformat>Arkivformat</variantformat>');
      expect(message.xml).toContain('<imdi:format>PDF/A-2b</imdi:format>');
      expect(message.xml).toContain(`<referanseDokumentfil>${message.files[0].name}</referanseDokumentfil>`);
      // (The receipt may reach the archive before the case has a caseworker; the letters come after.)
      if (kind !== 'receipt') expect(message.xml).toContain('<saksansvarlig>Sara Saksbehandler</saksansvarlig>');
    }
    expect(letter.sha256).toBe(createHash('sha256').update(letter.pdf).digest('hex'));
    // The pre-notification went to the ministry as e-mail: the archive gets that e-mail rendered as PDF/A.
    const preNotification = await archivedDocuments(byKind['ministry-pre-notification'].id, /forhandsorientering\.pdf$/);
    expect(preNotification.text).toContain('Forhåndsorientering om tilskudd: mentor-trainee 2017');
    expect(preNotification.text).toContain(file.caseNumber);
    expect(preNotification.text).toContain('instruks 6.1');
    expect(preNotification.xml).toContain(`<korrespondansepartNavn>${MINISTRY_2017}</korrespondansepartNavn>`);
    // The recipient's report, rendered in its written standard (bokmål), with its attachment as uploaded (production format).
    const reportDocuments = await archivedDocuments(byKind['recipient-report'].id, /rapport\.pdf$/);
    expect(reportDocuments.text).toContain('Rapport fra tilskuddsmottaker');
    expect(reportDocuments.text).toContain('Tolv deltakere fikk mentor; sju er i arbeid.');
    expect(reportDocuments.text).toContain('regnskap.csv');
    expect(reportDocuments.files).toEqual([{ name: expect.stringMatching(/regnskap\.csv$/), mediaType: 'text/csv', size: accounts.length }]);
    expect(reportDocuments.xml).toContain('<variantformat>Produksjonsformat</variantformat>');
    expect(reportDocuments.xml).toContain('<antallVedlegg>1</antallVedlegg>');
    // The entry names the submission it records: a report sent again later does not change what it archives.
    const [submission] = await dataSource.query(
      `SELECT s.id FROM recipient_report_submission s JOIN recipient_report r ON r.id = s.report_id WHERE r.case_id = $1`,
      [caseId],
    );
    const [source] = await dataSource.query(`SELECT document_source FROM journal_entry WHERE id = $1`, [byKind['recipient-report'].id]);
    expect(source.document_source).toMatchObject({ owner: 'recipient-report', version: submission.id });
    // The reclaim decision: a letter (PDF/A) with the amount, the due date and the right to appeal.
    const reclaimDocuments = await archivedDocuments(byKind['reclaim-decision'].id, /vedtak-om-tilbakekreving\.pdf$/);
    expect(reclaimDocuments.text).toContain('Vedtak om tilbakebetaling av tilskudd');
    expect(reclaimDocuments.text).toContain('5 000,00 kr');
    expect(reclaimDocuments.text).toContain('15.12.2017');
    expect(reclaimDocuments.text).toContain('Dere kan klage på vedtaket');
    expect(archive.invalid).toEqual([]);

    // The public journal and its daily exports: public titles, screening shown, no identity number, no private person.
    const published = await call(base(), '/public-journal?from=2017-01-01&to=2017-12-31');
    expect(published.status).toBe(200);
    const lines = (published.body as any[]).filter((line) => line.saksnummer === file.caseNumber);
    expect(lines.map((line) => line.journalposttype).sort()).toEqual(
      [
        'Inngående dokument',
        'Utgående dokument',
        'Utgående dokument',
        'Organinternt dokument for oppfølging',
        'Utgående dokument',
        'Utgående dokument',
        'Inngående dokument',
        'Organinternt dokument uten oppfølging',
        'Utgående dokument',
        'Inngående dokument',
        'Utgående dokument',
      ].sort(),
    );
    // (The application and its receipt are journaled from two events; which got the lower journal number is not fixed.)
    expect(lines.find((line) => line.journalnummer === byKind.application.journalNumber)).toMatchObject({
      tittel: 'Søknad om tilskudd – Mentorprogram – Mentorlaget A',
      skjermingshjemmel: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1',
      avskrevetAv: byKind['grant-letter'].journalNumber,
    });
    expect(lines.find((line) => line.journalnummer === byKind.receipt.journalNumber)).toMatchObject({ journalposttype: 'Utgående dokument' });
    const csv = await call(base(), '/public-journal/export/2017-02-01/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body)).toContain('Søknad om tilskudd – Mentorprogram – Mentorlaget A');
    const json = await call(base(), '/public-journal/export/2017-02-01/json');
    for (const text of [JSON.stringify(published.body), String(csv.body), JSON.stringify(json.body)]) {
      expect(text).not.toContain(NATIONAL_ID);
      expect(text).not.toContain('Kari');
      expect(text).not.toContain('Nordmann');
    }
  });

  it('journals the assessment (N), the refusal, the appeal and the answer to it (U), which answers the appeal', async () => {
    at('2017-02-03T09:00:00Z');
    // Mentorlaget K writes nynorsk: what IMDi writes in its case is in nynorsk.
    const { caseId, applicant } = await submittedApplication('K', await mentorTraineeForm(base(), '80000'), 'nn');
    await submit(caseId, applicant);
    await entriesOf(caseId, 2);
    at('2017-02-20T09:00:00Z');
    const criteria = (await call(base(), '/schemes/mentor-trainee?year=2017')).body.assessmentCriteria as Array<{ code: string }>;
    expect(criteria.length).toBeGreaterThan(0);
    const assessed = await post(`/casework/cases/${caseId}/assessment`, caseworker, {
      scores: criteria.map(({ code }) => ({ criterion: code, score: 2, comment: 'Svakt begrunnet.' })),
      comment: 'Når ikke opp i prioriteringen.',
    });
    expect(assessed.status).toBe(200);
    expect(
      (await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '0', reasons: 'Søknaden er ikke prioritert innenfor rammen.' })).status,
    ).toBe(201);
    expect((await post(`/casework/cases/${caseId}/approve`, approver)).body.status).toBe('refused');
    expect((await post(`/casework/cases/${caseId}/letters`, caseworker)).status).toBe(201);
    // The refusal sent, the caseworker closes the case; the journal closes its case file.
    at('2017-02-22T09:00:00Z');
    expect((await post(`/casework/cases/${caseId}/close`, caseworker)).body.status).toBe('closed');
    await eventually(async () => ((await caseFile(caseId)).body.status === 'closed' ? true : undefined), 30000);
    // An appeal of the closed case reopens it (SPEC §4), and the case file with it.
    at('2017-02-27T09:00:00Z');
    const appealed = await post(`/cases/${caseId}/appeal`, applicant, { grounds: 'Vi mener søknaden ikke er vurdert riktig.' });
    expect(appealed.status).toBe(201);
    const reopened = await eventually(async () => {
      const now = (await caseFile(caseId)).body;
      return now.status === 'open' ? now : undefined;
    }, 30000);
    expect(reopened).toMatchObject({ closedOn: null, closedAt: '2017-02-22T09:00:00.000Z', reopenedAt: '2017-02-27T09:00:00.000Z' });
    at('2017-03-06T09:00:00Z');
    const upheld = await post(`/casework/cases/${caseId}/appeal/uphold`, caseworker, { summary: 'IMDi fastholder avslaget.' });
    expect(upheld.body).toMatchObject({ outcome: 'upheld' });

    const file = await entriesOf(caseId, 7);
    const entries: EntryJson[] = file.entries;
    const kinds = entries.map((entry) => [entry.kind, entry.entryType]);
    expect(kinds).toEqual([
      ['application', 'I'],
      ['receipt', 'U'],
      ['assessment', 'N'],
      ['decision-proposal', 'N'],
      ['refusal-letter', 'U'],
      ['appeal', 'I'],
      ['appeal-decision', 'U'],
    ]);
    const byKind = Object.fromEntries(entries.map((entry) => [entry.kind, entry]));
    expect(byKind.assessment).toMatchObject({ documentDate: '2017-02-20', parties: [], reviewState: 'final' });
    expect(byKind['appeal-decision']).toMatchObject({ sentDate: '2017-03-06', parties: [{ name: 'Mentorlaget K', role: 'recipient' }] });
    expect(byKind.appeal).toMatchObject({ receivedDate: '2017-02-27', answeredByEntryId: byKind['appeal-decision'].id, answerMethod: 'BU' });
    expect(byKind.application).toMatchObject({ answeredByEntryId: byKind['refusal-letter'].id });

    // The refusal letter goes to the archive with its PDF; the appeal's arkivmelding records its avskrivning.
    const delivered = await eventually(async () => {
      const now: EntryJson[] = (await caseFile(caseId)).body.entries;
      return now.every((entry) => entry.deliveries.some((delivery) => delivery.state === 'delivered')) ? now : undefined;
    }, 30000);
    const messageOf = (id: string) => archive.archived.find((archived) => archived.xml.includes(`<systemID>${id}</systemID>`));
    const [letter] = await dataSource.query(`SELECT pdf FROM letter WHERE case_id = $1`, [caseId]);
    expect(messageOf(byKind['refusal-letter'].id)?.files).toEqual([
      { name: expect.stringMatching(/vedtaksbrev\.pdf$/), mediaType: 'application/pdf', size: letter.pdf.length },
    ]);
    // The appeal went to the archive when received; answered, it goes again with its avskrivning.
    const appealMessages = await eventually(async () => {
      const now: EntryJson[] = (await caseFile(caseId)).body.entries;
      const deliveries = now.find((entry) => entry.kind === 'appeal')?.deliveries ?? [];
      return deliveries.length === 2 && deliveries.every((delivery) => delivery.state === 'delivered') ? deliveries : undefined;
    }, 30000);
    const answeredMessage = archive.archived.find((archived) => archived.idempotencyKey === appealMessages[1].id);
    expect(answeredMessage?.xml).toContain('<avskrivningsmaate>Besvart med brev</avskrivningsmaate>');
    expect(answeredMessage?.xml).toContain(`<referanseAvskrivesAvJournalpost>${byKind['appeal-decision'].journalNumber}</referanseAvskrivesAvJournalpost>`);
    for (const entry of delivered) expect(xmllintAgainstArkivmeldingXsd(messageOf(entry.id)?.xml ?? '')).toMatchObject({ valid: true });
    // The assessment note (N) and the answer to the appeal (U) travel as PDF/A documents, in the applicant's nynorsk.
    const assessment = await archivedDocuments(byKind.assessment.id, /vurdering\.pdf$/);
    expect(assessment.text).toContain('Vurdering av søknad');
    expect(assessment.text).toContain('Samla vurdering');
    expect(assessment.text).toContain('Svakt begrunnet.');
    expect(assessment.text).toContain('Når ikke opp i prioriteringen.');
    const answer = await archivedDocuments(byKind['appeal-decision'].id, /svar-pa-klage\.pdf$/);
    expect(answer.text).toContain('Svar på klage');
    expect(answer.text).toContain('Vedtaket blir ståande');
    expect(answer.text).toContain('send til departementet');
    expect(answer.text).toContain('IMDi fastholder avslaget.');
    // (The refusal letter reached the archive with its case file open or already closed.) The appeal's messages show it reopened.
    for (const delivery of appealMessages) {
      const xml = archive.archived.find((archived) => archived.idempotencyKey === delivery.id)?.xml;
      expect(xml).toContain('<saksstatus>Under behandling</saksstatus>');
      expect(xml).not.toContain('<avsluttetDato>');
    }

    // The appeal upheld, the case has come to its end: the caseworker closes it, and the journal closes (avslutter) its case file.
    at('2017-03-08T09:00:00Z');
    expect((await caseFile(caseId)).body.status).toBe('open');
    const closed = await post(`/casework/cases/${caseId}/close`, caseworker);
    expect([closed.status, closed.body.status]).toEqual([200, 'closed']);
    const closedFile = await eventually(async () => {
      const now = (await caseFile(caseId)).body;
      return now.status === 'closed' ? now : undefined;
    }, 30000);
    expect(closedFile.closedOn).toBe('2017-03-08');
    // Closed once: a second close is refused by the state machine.
    const again = await post(`/casework/cases/${caseId}/close`, caseworker);
    expect([again.status, again.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    // The archivist resends the appeal's answer: its arkivmelding now shows the case file closed (avsluttet).
    const resendAndRead = async (entryId: string) => {
      const resent = await post(`/journal/entries/${entryId}/resend`, archivist);
      expect(resent.status).toBe(201);
      // The resend answers the entry; its newest delivery is the one just asked for.
      const deliveryId = resent.body.deliveries.at(-1).id;
      const message = await eventually(async () => archive.archived.find((archived) => archived.idempotencyKey === deliveryId), 30000);
      expect(xmllintAgainstArkivmeldingXsd(message.xml)).toMatchObject({ valid: true });
      return message;
    };
    const closedXml = (await resendAndRead(byKind['appeal-decision'].id)).xml;
    expect(closedXml).toContain('<saksstatus>Avsluttet</saksstatus>');
    expect(closedXml).toContain('<avsluttetDato>2017-03-08');

    // The ministry, as appeal body, reverses the upheld refusal of the closed case: the case goes back to
    // assessment through the state machine (audited), and the journal reopens the case file once more.
    at('2017-03-20T09:00:00Z');
    const ministry = await tokenFor({ sub: 'journal-departement', name: 'Dina Departement', roles: ['ministry'] });
    const reversed = await post(`/ministry/appeals/${upheld.body.id}/decision`, ministry, {
      outcome: 'reversed',
      reasons: 'Departementet gir klager medhold; IMDi må vurdere søknaden på nytt.',
    });
    expect([reversed.status, reversed.body.ministryDecision?.outcome]).toEqual([200, 'reversed']);
    const [caseNow] = await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]);
    expect(caseNow.status).toBe('in_assessment');
    const transitions = await dataSource.query(`SELECT actor_id FROM audit_entry WHERE entity_id = $1 AND action = 'case.ministryReverse'`, [caseId]);
    expect(transitions).toEqual([{ actor_id: 'journal-departement' }]);
    const reopenedAgain = await eventually(async () => {
      const now = (await caseFile(caseId)).body;
      return now.status === 'open' ? now : undefined;
    }, 30000);
    expect(reopenedAgain).toMatchObject({ closedOn: null, closedAt: '2017-03-08T09:00:00.000Z', reopenedAt: '2017-03-20T09:00:00.000Z' });
    const reopenedXml = (await resendAndRead(byKind['appeal-decision'].id)).xml;
    expect(reopenedXml).toContain('<saksstatus>Under behandling</saksstatus>');
    expect(reopenedXml).not.toContain('<avsluttetDato>');
    const reopenings = await dataSource.query(
      `SELECT after->>'why' AS why FROM audit_entry WHERE action = 'journal.case-file-reopened' AND entity_id = $1 ORDER BY id`,
      [caseId],
    );
    expect(reopenings).toEqual([{ why: 'appeal' }, { why: 'ministry-reversed' }]);

    // The ministry's decision is journaled as an incoming document (I) from the ministry by name, dated the
    // day it decided, its public title naming no one; it travels as PDF/A with the outcome and the reasons.
    const ministryDecision = await eventually(
      async () =>
        ((await caseFile(caseId)).body.entries as Array<EntryJson & { publicTitle: string }>).find((entry) => entry.kind === 'ministry-appeal-decision'),
      30000,
    );
    expect(ministryDecision).toMatchObject({
      entryType: 'I',
      documentDate: '2017-03-20',
      receivedDate: '2017-03-20',
      sentDate: null,
      parties: [{ name: MINISTRY_2017, kind: 'ministry', role: 'sender' }],
      publicTitle: expect.stringMatching(/^Klagevedtak fra departementet – .+ 2017 – Mentorlaget K$/),
      screening: null,
      reviewState: 'final',
      answeredByEntryId: null,
    });
    expect(ministryDecision.publicTitle).not.toContain('Dina');
    expect(ministryDecision.documentNumber).toBeGreaterThan(byKind['appeal-decision'].documentNumber);
    const decisionDocument = await archivedDocuments(ministryDecision.id, /klagevedtak-departementet\.pdf$/);
    expect(decisionDocument.xml).toContain('<journalposttype>Inngående dokument</journalposttype>');
    expect(decisionDocument.xml).toContain(`<korrespondansepartNavn>${MINISTRY_2017}</korrespondansepartNavn>`);
    expect(decisionDocument.xml).toContain('<dokumentetsDato>2017-03-20');
    expect(decisionDocument.xml).toContain('<saksstatus>Under behandling</saksstatus>');
    for (const text of [
      'Vedtak i klagesak',
      MINISTRY_2017,
      file.caseNumber,
      '20.03.2017',
      'Klagen tas til følge',
      'Departementet gir klager medhold; IMDi må vurdere søknaden på nytt.',
    ]) {
      expect(decisionDocument.text).toContain(text);
    }
    // IMDi's answer still answers the appeal; the ministry's decision answers no entry of the journal's.
    expect(((await caseFile(caseId)).body.entries as EntryJson[]).find((entry) => entry.kind === 'appeal')).toMatchObject({
      answeredByEntryId: byKind['appeal-decision'].id,
    });

    // Assessed again after the reversal: a second note (N) is journaled with the new assessment, and the
    // first entry, sent again, still carries the assessment it recorded.
    at('2017-03-22T09:00:00Z');
    const reassessed = await post(`/casework/cases/${caseId}/assessment`, caseworker, {
      scores: criteria.map(({ code }) => ({ criterion: code, score: 4, comment: 'Godt begrunnet.' })),
      comment: 'Prioriteres etter departementets vedtak.',
    });
    expect(reassessed.status).toBe(200);
    const assessments = await eventually(async () => {
      const now = ((await caseFile(caseId)).body.entries as EntryJson[]).filter((entry) => entry.kind === 'assessment');
      return now.length === 2 ? now : undefined;
    }, 30000);
    expect((await archivedDocuments(assessments[1].id, /vurdering\.pdf$/)).text).toContain('Prioriteres etter departementets vedtak.');
    const resentFirst = await resendAndRead(assessments[0].id);
    const firstNote = archive.contentOf(resentFirst.idempotencyKey, resentFirst.files[0].name);
    if (!firstNote) throw new Error('the first assessment came back without its note');
    const firstText = (await pdfText(firstNote)).replace(/\s+/g, ' ');
    expect(firstText).toContain('Når ikke opp i prioriteringen.');
    expect(firstText).not.toContain('Prioriteres');
  });

  it('numbers 50 concurrent submissions without gaps or doubles, and delivers each exactly once after the archive comes back', async () => {
    at('2017-02-02T09:00:00Z');
    const form = await mentorTraineeForm(base(), '50000');
    const applications: Array<{ caseId: string; applicant: string }> = [];
    for (let index = 0; index < 50; index += 1) applications.push(await submittedApplication(`B${index}`, form));
    archive.failing = true;
    const before = archive.archived.length;
    await Promise.all(applications.map(({ caseId, applicant }) => submitAndPublish(caseId, applicant)));

    const entryIds = await eventually(async () => {
      const rows: Array<{ id: string }> = await dataSource.query(
        `SELECT e.id FROM journal_entry e JOIN journal_case_file f ON f.id = e.case_file_id WHERE f.case_id = ANY($1::uuid[])`,
        [applications.map((application) => application.caseId)],
      );
      return rows.length >= 100 ? rows.map((row) => row.id) : undefined;
    }, 90000);
    // Each submission: the application (I) and the receipt sent back (U).
    expect(entryIds).toHaveLength(100);
    const numbers: Array<{ journal_year: number; journal_sequence: number }> = await dataSource.query(
      'SELECT journal_year, journal_sequence FROM journal_entry ORDER BY 1, 2',
    );
    for (const year of new Set(numbers.map((row) => row.journal_year))) {
      const sequences = numbers.filter((row) => row.journal_year === year).map((row) => row.journal_sequence);
      expect(sequences).toEqual(sequences.map((_, index) => index + 1));
    }

    // While the archive is down, the archivist sees the deliveries failing, with the archive's answer.
    const failing = await eventually(async () => {
      const deliveries = (await call(base(), '/journal/deliveries', { token: archivist })).body as any[];
      const mine = deliveries.filter((delivery) => entryIds.includes(delivery.entryId) && delivery.state === 'failing');
      return mine.length === 100 ? mine : undefined;
    }, 120_000);
    expect(failing[0].lastError).toContain('503');
    expect(archive.archived.length).toBe(before);

    archive.failing = false;
    await eventually(async () => {
      const rows: Array<{ n: string }> = await dataSource.query(
        `SELECT count(*) AS n FROM archive_delivery WHERE entry_id = ANY($1::uuid[]) AND state = 'delivered'`,
        [entryIds],
      );
      return Number(rows[0].n) === 100 ? true : undefined;
    }, 120_000);
    const mine = archive.archived.slice(before);
    expect(mine).toHaveLength(100);
    expect(new Set(mine.map((message) => message.idempotencyKey)).size).toBe(100);
    for (const id of entryIds) expect(mine.filter((message) => message.xml.includes(`<systemID>${id}</systemID>`))).toHaveLength(1);
    expect((await call(base(), '/journal/deliveries', { token: archivist })).body.filter((delivery: any) => entryIds.includes(delivery.entryId))).toEqual([]);

    // A resend after a correction is a new delivery, archived once more; a second resend while it travels is refused.
    const resent = await post(`/journal/entries/${entryIds[0]}/resend`, archivist);
    expect(resent.status).toBe(201);
    await eventually(async () => (archive.archived.length === before + 101 ? true : undefined), 120_000);
  }, 480_000);

  it('archives each submission of a report as it was sent, with the attachments it had then', async () => {
    at('2017-02-04T09:00:00Z');
    const { caseId, applicant } = await submittedApplication('S', await mentorTraineeForm(base(), '60000'));
    await submit(caseId, applicant);
    at('2017-03-15T09:00:00Z');
    expect((await post(`/casework/cases/${caseId}/proposal`, caseworker, { amountNok: '60000', reasons: 'Oppfyller kriteriene.' })).status).toBe(201);
    expect((await post(`/casework/cases/${caseId}/approve`, approver)).status).toBe(200);
    expect((await post('/casework/ministry-notifications', caseworker, { schemeCode: 'mentor-trainee', budgetYear: 2017 })).status).toBeLessThan(300);
    await eventually(async () =>
      (await dataSource.query('SELECT status FROM case_file WHERE id = $1', [caseId]))[0].status === 'ministry_notified' ? true : undefined,
    );
    expect((await post(`/casework/cases/${caseId}/letters`, caseworker)).status).toBe(201);
    expect((await post(`/cases/${caseId}/accept`, applicant)).body.status).toBe('accepted');
    await eventually(async () => ((await call(base(), `/cases/${caseId}/report`, { token: applicant })).status === 200 ? true : undefined));

    at('2017-10-02T10:00:00Z');
    const content = {
      useOfFunds: 'Midlene er brukt til samlinger.',
      spentNok: '60000',
      participantsFemale: 4,
      participantsMale: 4,
      accounts: [{ description: 'Samlinger', amountNok: '60000' }],
    };
    expect((await post(`/cases/${caseId}/report`, applicant, { ...content, results: 'Første innsending.' })).body.status).toBe('submitted');
    expect((await post(`/casework/cases/${caseId}/report/request-more`, caseworker, { comment: 'Send regnskapet.' })).body.status).toBe('more_requested');
    at('2017-10-09T10:00:00Z');
    const accounts = Buffer.from('Konto;Beløp\nSamlinger;60000\n');
    const attached = await call(base(), `/cases/${caseId}/report/attachments?fileName=regnskap-s.csv`, {
      method: 'POST',
      token: applicant,
      headers: { 'content-type': 'application/octet-stream' },
      body: accounts,
    });
    expect(attached.status).toBe(201);
    expect((await post(`/cases/${caseId}/report`, applicant, { ...content, results: 'Andre innsending, med regnskap.' })).body.status).toBe('submitted');

    const reports = await eventually(async () => {
      const now = (await caseFile(caseId)).body;
      const entries = now?.entries?.filter((entry: EntryJson) => entry.kind === 'recipient-report') ?? [];
      return entries.length === 2 ? (entries as EntryJson[]) : undefined;
    }, 30000);
    const first = await archivedDocuments(reports[0].id, /rapport\.pdf$/);
    expect(first.text).toContain('Første innsending.');
    expect(first.text).toContain('Ingen vedlegg');
    expect(first.files).toEqual([]);
    const second = await archivedDocuments(reports[1].id, /rapport\.pdf$/);
    expect(second.text).toContain('Andre innsending, med regnskap.');
    expect(second.files).toEqual([{ name: expect.stringMatching(/regnskap-s\.csv$/), mediaType: 'text/csv', size: accounts.length }]);
    // Sent again by the archivist, the first entry still carries the first submission.
    const resent = await post(`/journal/entries/${reports[0].id}/resend`, archivist);
    expect(resent.status).toBe(201);
    const deliveryId = resent.body.deliveries.at(-1).id;
    const message = await eventually(async () => archive.archived.find((archived) => archived.idempotencyKey === deliveryId), 30000);
    expect(message.files).toHaveLength(1);
    const pdf = archive.contentOf(message.idempotencyKey, message.files[0].name);
    if (!pdf) throw new Error('the resent report came without its PDF');
    expect((await pdfText(pdf)).replace(/\s+/g, ' ')).toContain('Første innsending.');
  });

  it("gives a rolled-back entry's journal number back: the next entry takes it", async () => {
    at('2017-05-02T09:00:00Z');
    const recorder = system.api.app.get(RecordJournalEntry);
    const fact = (sourceKey: string) => ({
      sourceKey,
      case: {
        caseId: '5f0c3f0e-9a53-4d0e-8f0e-2a6b8f7e0c01',
        caseNumber: '2017/99001',
        schemeCode: 'mentor-trainee',
        schemeName: 'Mentor- og traineeprogram',
        budgetYear: 2017,
        organisationNumber: '974760673',
        organisationName: 'Mentorlaget R',
        caseDate: '2017-05-02',
      },
      kind: 'recipient-report' as const,
      occurredAt: new Date('2017-05-02T09:00:00Z'),
      parties: [{ name: 'Mentorlaget R', kind: 'organisation' as const, role: 'sender' as const, organisationNumber: '974760673' }],
      privatePersonNames: [],
      content: 'Rapport.',
      documents: [],
    });
    // The case exists: cases numbers its documents (CaseDocuments), and numbers only cases it has.
    await dataSource.query(
      `INSERT INTO case_file (id, scheme_code, budget_year, scheme_kind, organisation_number, status) VALUES ($1, 'mentor-trainee', 2017, 'sokbar', '974760673', 'draft')`,
      [fact('').case.caseId],
    );
    const [{ last }] = await dataSource.query('SELECT coalesce(max(last_number), 0) AS last FROM journal_number_counter WHERE year = 2017');
    await expect(
      dataSource.transaction(async (manager) => {
        await recorder.record(manager, fact('rollback-test:1'));
        throw new Error('avbrutt etter nummereringen');
      }),
    ).rejects.toThrow('avbrutt etter nummereringen');
    await dataSource.transaction((manager) => recorder.record(manager, fact('rollback-test:2')));
    const rows = await dataSource.query(`SELECT source_key, journal_sequence FROM journal_entry WHERE source_key LIKE 'rollback-test:%'`);
    expect(rows).toEqual([{ source_key: 'rollback-test:2', journal_sequence: Number(last) + 1 }]);
  });
});
