import { api, ApiProblem } from '../api.js';
import { schemeName } from '../catalogue.js';
import { type Child, facts, h, table } from '../dom.js';
import { inputIdOf, showErrors, showProblem } from '../form-errors.js';
import { fieldAt, type FieldModel, fieldsOf, toRaw } from '../form-model.js';
import { formatDate, formatDateTime, formatNok, formatOrganisationNumber } from '../format.js';
import { missing } from '../messages.js';
import { reload, type View } from '../router.js';
import { renderFields } from '../schema-form.js';
import { reportContentLabels, reportReadingFields, reportSchema, toReportBody } from '../report-form.js';
import type { RecipientReport, RecipientReportStatus } from '../types.js';
import { actionButton, announce, downloadButton, notice, section } from '../ui.js';
import { answersList } from './application.js';

const FORM = 'rapport';

const REPORT_STATUS: Readonly<Record<RecipientReportStatus, string>> = {
  due: 'Skal leveres',
  submitted: 'Levert, til vurdering',
  more_requested: 'IMDi ber om mer',
  approved: 'Godkjent',
};

const isOpen = (report: RecipientReport): boolean => report.status === 'due' || report.status === 'more_requested';

function reportStatusTag(status: RecipientReportStatus): HTMLElement {
  return h('span', { class: 'merke' }, REPORT_STATUS[status]);
}

/** Said in words, not only by colour, so it reaches everyone. */
function overdueTag(): HTMLElement {
  return h('strong', { class: 'merke merke--feil' }, 'Fristen er passert');
}

function deadline(report: RecipientReport): Child {
  return [formatDate(report.dueOn), report.overdue ? [' ', overdueTag()] : null];
}

/** The case's report, or undefined when the grant has no reporting duty (not accepted, or refused). */
export async function reportOfCase(caseId: string): Promise<RecipientReport | undefined> {
  try {
    return await api<RecipientReport>(`/cases/${caseId}/report`);
  } catch (error) {
    if (error instanceof ApiProblem && error.code === 'REPORT_NOT_FOUND') return undefined;
    throw error;
  }
}

function dutyFacts(report: RecipientReport): HTMLElement {
  return facts([
    ['Frist', deadline(report)],
    ['Status', reportStatusTag(report.status)],
    ['Tilskudd', formatNok(report.grantedNok)],
    ['Dette skal rapporteres', h('ul', {}, reportContentLabels(report.requiredContents, report.auditorRequired).map((label) => h('li', {}, label)))],
    ['Levert', report.submittedAt ? formatDateTime(report.submittedAt) : 'Ikke levert'],
  ]);
}

function submittedContent(report: RecipientReport): Child {
  const content: Readonly<Record<string, unknown>> = report.content;
  return [h('h3', {}, 'Innholdet i rapporten'), answersList(reportReadingFields(report.requiredContents, report.auditorRequired, content), content)];
}

function reviewComment(report: RecipientReport): Child {
  if (!report.reviewComment) return null;
  if (report.status === 'more_requested') {
    return h('div', { class: 'melding melding--feil' }, h('h3', {}, 'IMDi ber om mer'), h('p', {}, report.reviewComment), h('p', {}, 'Rett eller utfyll rapporten under, legg eventuelt ved flere filer, og send den inn på nytt.'));
  }
  if (report.status === 'approved') return h('div', { class: 'melding melding--suksess' }, h('h3', {}, 'Rapporten er godkjent'), h('p', {}, report.reviewComment));
  // Submitted again after a request for more: the request is still worth seeing beside the new version.
  return h('div', { class: 'melding' }, h('h3', {}, 'IMDi ba om mer'), h('p', {}, report.reviewComment));
}

/** The files attached to the report; the recipient may add more while the report is open. */
function attachmentsPart(report: RecipientReport, canUpload: boolean): Child {
  const list = h('div', {});
  const draw = (current: RecipientReport): void => {
    list.replaceChildren(
      current.attachments.length === 0
        ? h('p', {}, 'Ingen vedlegg er lastet opp.')
        : table('Filer lastet opp med rapporten', [
            { header: 'Fil', cell: (attachment: RecipientReport['attachments'][number]) => attachment.fileName },
            { header: 'Størrelse', cell: (attachment) => `${Math.max(1, Math.ceil(attachment.sizeBytes / 1024))} kB`, numeric: true },
            { header: 'Handling', cell: (attachment) => downloadButton(`Last ned ${attachment.fileName}`, `/cases/${current.caseId}/report/attachments/${attachment.id}`, attachment.fileName) },
          ], current.attachments),
    );
  };
  draw(report);
  if (!canUpload) return [h('h3', {}, 'Vedlegg til rapporten'), list];
  const inputId = inputIdOf('rapport-vedlegg', 'file');
  const form = h(
    'form',
    { id: 'rapport-vedlegg', novalidate: true },
    h(
      'div',
      { class: 'felt' },
      h('label', { for: inputId }, 'Velg fil'),
      h('p', { class: 'hjelp', id: `${inputId}-hjelp` }, 'For eksempel regnskap signert av styret. PDF, bilde (PNG, JPEG), Word- eller Excel-fil, OpenDocument, tekst eller CSV. Høyst 10 MB.'),
      h('input', { type: 'file', id: inputId, name: 'file', 'aria-describedby': `${inputId}-hjelp` }),
    ),
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp knapp--sekundar' }, 'Last opp vedlegget')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const input = form.querySelector<HTMLInputElement>('input[type="file"]')!;
      const chosen = input.files?.[0];
      if (!chosen) return showErrors(form, [{ inputId, message: missing({ label: 'Fil', kind: 'file' }) }]);
      const button = form.querySelector('button')!;
      button.disabled = true;
      try {
        await api(`/cases/${report.caseId}/report/attachments?fileName=${encodeURIComponent(chosen.name)}`, { method: 'POST', body: await chosen.arrayBuffer() });
        showErrors(form, []);
        input.value = '';
        draw(await api<RecipientReport>(`/cases/${report.caseId}/report`));
        announce(`${chosen.name} er lastet opp.`);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        showProblem(form, error, (field) => (field === 'file' || field === 'fileName' ? { inputId, facts: { label: 'Fil', kind: 'file' } } : undefined));
      } finally {
        button.disabled = false;
      }
    })();
  });
  return [h('h3', {}, 'Vedlegg til rapporten'), h('p', {}, 'Last opp vedleggene før du sender inn rapporten.'), form, list];
}

function reportForm(report: RecipientReport): HTMLElement {
  const fields = fieldsOf(reportSchema(report.requiredContents, report.auditorRequired));
  // Sent back for more: start from what was sent, so the recipient adds to it rather than retyping it.
  const rendered = renderFields(fields, toRaw(fields, report.content), FORM);
  const form = h(
    'form',
    { id: FORM, novalidate: true },
    h('p', {}, 'Alle feltene må fylles ut.'),
    rendered.element,
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp' }, 'Send inn rapporten')),
  );
  const locate = (field: string): { inputId: string; facts: FieldModel } | undefined => {
    const model = fieldAt(fields, field);
    return model ? { inputId: inputIdOf(FORM, field), facts: model } : undefined;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const { body, problems } = toReportBody(fields, rendered.read());
      if (problems.length > 0) return showErrors(form, problems.map((problem) => ({ inputId: inputIdOf(FORM, problem.path), message: problem.message })));
      const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      button.disabled = true;
      try {
        await api(`/cases/${report.caseId}/report`, { method: 'POST', json: body });
        await reload('Rapporten er sendt til IMDi og venter på vurdering.');
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        showProblem(form, error, locate);
      } finally {
        button.disabled = false;
      }
    })();
  });
  return form;
}

/** On the recipient's case page: the reporting duty, and the report to write, follow or read. */
export async function recipientReportSection(caseId: string, status: string): Promise<HTMLElement | null> {
  const report = ['accepted', 'paid', 'report_due', 'report_approved', 'closed'].includes(status) ? await reportOfCase(caseId) : undefined;
  if (!report) {
    return status === 'letter_sent'
      ? section('Rapportering', h('p', {}, 'Når tilskuddet er akseptert, skal organisasjonen rapportere om bruken av det. Fristen og hva som skal rapporteres, kommer her.'))
      : null;
  }
  const open = isOpen(report);
  return section(
    'Rapportering',
    dutyFacts(report),
    open && report.overdue ? notice('feil', `Fristen for rapporten gikk ut ${formatDate(report.dueOn)}. Send den inn så snart du kan.`) : null,
    reviewComment(report),
    report.status === 'submitted' ? notice('info', 'Rapporten er levert og venter på vurdering hos IMDi.') : null,
    // Files first: a submitted report takes no more attachments.
    open ? [attachmentsPart(report, true), h('h3', {}, report.status === 'more_requested' ? 'Send rapporten på nytt' : 'Skriv rapporten'), reportForm(report)] : [submittedContent(report), attachmentsPart(report, false)],
  );
}

/** The reports of every organisation the recipient acts for. */
export async function myReportsView(): Promise<View> {
  const reports = await api<RecipientReport[]>('/recipient-reports');
  const names = new Map(await Promise.all([...new Set(reports.map((report) => report.schemeCode))].map(async (code) => [code, await schemeName(code)] as const)));
  return {
    title: 'Rapportering',
    body: [
      h('p', { class: 'ingress' }, 'Når et tilskudd er akseptert, skal organisasjonen rapportere om hvordan det er brukt. Her er rapportene for organisasjonene du handler for, med frist.'),
      reports.length === 0
        ? notice('info', 'Ingen tilskudd venter på rapport.')
        : table('Rapporter om bruk av tilskudd, tidligste frist først', [
            { header: 'Sak', cell: (report: RecipientReport) => h('a', { href: `/soknader/${report.caseId}` }, `Sak ${report.caseNumber ?? ''}`) },
            { header: 'Ordning', cell: (report) => `${names.get(report.schemeCode) ?? report.schemeCode} (${report.budgetYear})` },
            { header: 'Tilskudd', cell: (report) => formatNok(report.grantedNok), numeric: true },
            { header: 'Frist', cell: (report) => deadline(report) },
            { header: 'Status', cell: (report) => reportStatusTag(report.status) },
          ], reports),
    ],
  };
}

/** For caseworkers: reports to assess, and reports that have not come. */
export async function reportWorklistView(): Promise<View> {
  const [submitted, overdue] = await Promise.all([api<RecipientReport[]>('/casework/recipient-reports?status=submitted'), api<RecipientReport[]>('/casework/recipient-reports?overdue=true')]);
  const names = new Map(await Promise.all([...new Set([...submitted, ...overdue].map((report) => report.schemeCode))].map(async (code) => [code, await schemeName(code)] as const)));
  const caseLink = (report: RecipientReport): Child => h('a', { href: `/saksbehandling/saker/${report.caseId}` }, report.caseNumber ?? report.caseId);
  const scheme = (report: RecipientReport): string => `${names.get(report.schemeCode) ?? report.schemeCode} (${report.budgetYear})`;
  return {
    title: 'Rapporter fra tilskuddsmottakere',
    body: [
      h('p', { class: 'ingress' }, 'Rapporter som er levert og skal vurderes, og rapporter som ikke er levert innen fristen.'),
      section(
        'Til vurdering',
        submitted.length === 0
          ? h('p', {}, 'Ingen rapporter venter på vurdering.')
          : table('Leverte rapporter som venter på vurdering, tidligste frist først', [
              { header: 'Saksnummer', cell: caseLink },
              { header: 'Ordning', cell: scheme },
              { header: 'Mottaker (org.nr.)', cell: (report: RecipientReport) => formatOrganisationNumber(report.organisationNumber) },
              { header: 'Tilskudd', cell: (report) => formatNok(report.grantedNok), numeric: true },
              { header: 'Frist', cell: (report) => formatDate(report.dueOn) },
              { header: 'Levert', cell: (report) => formatDateTime(report.submittedAt) },
            ], submitted),
      ),
      section(
        'På etterskudd',
        overdue.length === 0
          ? h('p', {}, 'Ingen rapporter er på etterskudd.')
          : table('Rapporter der fristen er passert uten at rapporten er levert', [
              { header: 'Saksnummer', cell: caseLink },
              { header: 'Ordning', cell: scheme },
              { header: 'Mottaker (org.nr.)', cell: (report: RecipientReport) => formatOrganisationNumber(report.organisationNumber) },
              { header: 'Tilskudd', cell: (report) => formatNok(report.grantedNok), numeric: true },
              { header: 'Frist', cell: (report) => formatDate(report.dueOn) },
              { header: 'Status', cell: (report) => reportStatusTag(report.status) },
            ], overdue),
      ),
    ],
  };
}

/** On the caseworker's case view: the report as submitted, and the two answers to it. */
export async function caseworkReportSection(caseId: string, caseworker: boolean): Promise<HTMLElement | null> {
  const report = await reportOfCase(caseId);
  if (!report) return null;
  return section(
    'Rapport fra mottakeren',
    dutyFacts(report),
    reviewComment(report),
    report.submittedAt ? submittedContent(report) : h('p', {}, 'Mottakeren har ikke levert rapporten ennå.'),
    report.submittedAt ? attachmentsPart(report, false) : null,
    caseworker && report.status === 'submitted' ? reviewForm(report) : null,
  );
}

function reviewForm(report: RecipientReport): HTMLElement {
  const prefix = 'rapportvurdering';
  const commentId = inputIdOf(prefix, 'comment');
  const facts = { label: 'Kommentar til mottakeren', minLength: 5, maxLength: 5000 };
  const form = h(
    'form',
    { id: prefix, novalidate: true },
    h(
      'div',
      { class: 'felt' },
      h('label', { for: commentId }, facts.label),
      h('p', { class: 'hjelp', id: `${commentId}-hjelp` }, 'Ber du om mer, skriv hva som mangler (minst 5 tegn). Godkjenner du, kan feltet stå tomt.'),
      h('textarea', { id: commentId, name: 'comment', rows: 4, 'aria-describedby': `${commentId}-hjelp` }),
    ),
  );
  const comment = (): string => form.querySelector('textarea')!.value.trim();
  const tooShort = (text: string): boolean => text.length > 0 && text.length < facts.minLength;
  const refused = (error: unknown): void => {
    if (!(error instanceof ApiProblem)) throw error;
    showProblem(form, error, (field) => (field === 'comment' ? { inputId: commentId, facts } : undefined));
  };
  form.addEventListener('submit', (event) => event.preventDefault());
  const buttons = h('div', { class: 'knapper-side' });
  form.append(buttons);
  buttons.append(
    actionButton('Godkjenn rapport', async () => {
      const text = comment();
      if (tooShort(text)) return showErrors(form, [{ inputId: commentId, message: '«Kommentar til mottakeren» må være minst 5 tegn.' }]);
      try {
        // The API keeps a comment with every assessment; an approval without words says just that.
        await api(`/casework/cases/${report.caseId}/report/approve`, { method: 'POST', json: { comment: text || 'Rapporten er godkjent.' } });
        await reload('Rapporten er godkjent. Er noe av tilskuddet holdt tilbake til rapporten kom, kan det nå utbetales.');
      } catch (error) {
        refused(error);
      }
    }),
    actionButton('Be om mer', async () => {
      const text = comment();
      if (text === '' || tooShort(text)) {
        return showErrors(form, [{ inputId: commentId, message: text === '' ? 'Skriv hva mottakeren må sende mer av i «Kommentar til mottakeren».' : '«Kommentar til mottakeren» må være minst 5 tegn.' }]);
      }
      try {
        await api(`/casework/cases/${report.caseId}/report/request-more`, { method: 'POST', json: { comment: text } });
        await reload('Mottakeren er bedt om mer og kan sende rapporten på nytt.');
      } catch (error) {
        refused(error);
      }
    }, { secondary: true }),
  );
  return h('div', {}, h('h3', {}, 'Vurder rapporten'), form);
}
