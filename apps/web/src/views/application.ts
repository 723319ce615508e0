import { api, ApiProblem } from '../api.js';
import { type Child, facts, h, table } from '../dom.js';
import { inputIdOf, showErrors, showProblem } from '../form-errors.js';
import { fieldAt, type FieldModel, fieldsOf, toAnswers, toRaw } from '../form-model.js';
import { formatDate, formatDateTime, formatNok, formatOrganisationNumber, historyLabel } from '../format.js';
import { missing } from '../messages.js';
import { navigate, reload, type View, type ViewContext } from '../router.js';
import { renderFields } from '../schema-form.js';
import type { ApplicationDetail, AttachmentView, HistoryEntry, LetterView, SchemeView } from '../types.js';
import { actionButton, announce, download, downloadButton, notice, section, statusTag } from '../ui.js';
import { recipientReportSection } from './recipient-reports.js';

const FORM = 'soknad';

/** A draft is a form to fill in; once submitted, the same address shows the case as it goes. */
export async function applicationView(context: ViewContext): Promise<View> {
  const [id] = context.params;
  const application = await api<ApplicationDetail>(`/applications/${id}`);
  const scheme = await api<SchemeView>(`/schemes/${application.schemeCode}?year=${application.budgetYear}`);
  return application.status === 'draft' ? draftView(application, scheme) : caseView(application, scheme);
}

function draftView(application: ApplicationDetail, scheme: SchemeView): View {
  const fields = fieldsOf(scheme.formSchema);
  const rendered = renderFields(fields, toRaw(fields, application.form), FORM);
  const form = h(
    'form',
    { id: FORM, novalidate: true },
    rendered.element,
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp' }, 'Send inn søknaden'), h('button', { type: 'button', class: 'knapp knapp--sekundar', id: `${FORM}-lagre` }, 'Lagre utkast')),
  );
  const locate = (field: string): { inputId: string; facts: FieldModel } | undefined => {
    const path = field.replace(/^form\./, '');
    const model = fieldAt(fields, path);
    return model ? { inputId: inputIdOf(FORM, path), facts: model } : undefined;
  };
  const collect = (mode: 'draft' | 'submission'): Record<string, unknown> | undefined => {
    const { answers, problems } = toAnswers(fields, rendered.read(), mode);
    if (problems.length === 0) return answers;
    showErrors(form, problems.map((problem) => ({ inputId: inputIdOf(FORM, problem.path), message: problem.message })));
    return undefined;
  };
  const save = async (answers: Record<string, unknown>): Promise<void> => {
    await api(`/applications/${application.id}/form`, { method: 'PUT', json: { form: answers } });
  };
  const busy = (working: boolean): void => form.querySelectorAll('button').forEach((button) => (button.disabled = working));

  form.querySelector(`#${FORM}-lagre`)!.addEventListener('click', () => {
    void (async () => {
      const answers = collect('draft');
      if (!answers) return;
      busy(true);
      try {
        await save(answers);
        await reload('Utkastet er lagret.');
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        showProblem(form, error, locate);
      } finally {
        busy(false);
      }
    })();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const answers = collect('submission');
      if (!answers) return;
      busy(true);
      try {
        await save(answers);
        const result = await api<{ caseNumber: string }>(`/applications/${application.id}/submit`, { method: 'POST', headers: { 'idempotency-key': submissionKey(application.id) } });
        sessionStorage.removeItem(submissionKeyName(application.id));
        await navigate(`/soknader/${application.id}`, `Søknaden er sendt inn og har fått saksnummer ${result.caseNumber}. Kvitteringen kan lastes ned under.`);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        showProblem(form, error, locate);
      } finally {
        busy(false);
      }
    })();
  });

  return {
    title: `Søknad: ${scheme.name.nb}`,
    body: [
      h('p', { class: 'ingress' }, `Fyll ut søknaden for ${application.budgetYear}. Alle felt må fylles ut med mindre de er merket «valgfritt». Du kan lagre utkastet og fortsette senere.`),
      scheme.window.deadlineAt ? notice('info', `Søknadsfristen er ${formatDateTime(scheme.window.deadlineAt)}.`) : null,
      form,
      attachmentsSection(application, true),
    ],
  };
}

const submissionKeyName = (id: string): string => `imdi.submit.${id}`;

/** One key per submission attempt, kept until it succeeds: a retry after a lost answer cannot open a second case. */
function submissionKey(id: string): string {
  const name = submissionKeyName(id);
  let key = sessionStorage.getItem(name);
  if (!key) {
    key = `web-${crypto.randomUUID()}`;
    sessionStorage.setItem(name, key);
  }
  return key;
}

export function attachmentsSection(application: ApplicationDetail, canUpload: boolean): HTMLElement {
  const list = h('div', {});
  const draw = (attachments: readonly AttachmentView[]): void => {
    list.replaceChildren(
      attachments.length === 0
        ? h('p', {}, 'Ingen vedlegg er lastet opp.')
        : table('Filer som er lastet opp', [
            { header: 'Fil', cell: (attachment: AttachmentView) => attachment.fileName },
            { header: 'Størrelse', cell: (attachment) => `${Math.max(1, Math.ceil(attachment.sizeBytes / 1024))} kB`, numeric: true },
            { header: 'Lastet opp', cell: (attachment) => formatDateTime(attachment.uploadedAt) },
            { header: 'Handling', cell: (attachment) => downloadButton(`Last ned ${attachment.fileName}`, `/applications/${application.id}/attachments/${attachment.id}`, attachment.fileName) },
          ], attachments),
    );
  };
  draw(application.attachments);
  if (!canUpload) return section('Vedlegg', list);
  const inputId = inputIdOf('vedlegg', 'file');
  const form = h(
    'form',
    { id: 'vedlegg', novalidate: true },
    h(
      'div',
      { class: 'felt' },
      h('label', { for: inputId }, 'Velg fil'),
      h('p', { class: 'hjelp', id: `${inputId}-hjelp` }, 'PDF, bilde (PNG, JPEG), Word- eller Excel-fil, OpenDocument, tekst eller CSV. Høyst 10 MB.'),
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
        await api(`/applications/${application.id}/attachments?fileName=${encodeURIComponent(chosen.name)}`, { method: 'POST', body: await chosen.arrayBuffer() });
        showErrors(form, []);
        input.value = '';
        draw((await api<ApplicationDetail>(`/applications/${application.id}`)).attachments);
        announce(`${chosen.name} er lastet opp.`);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        showProblem(form, error, (field) => (field === 'file' || field === 'fileName' ? { inputId, facts: { label: 'Fil', kind: 'file' } } : undefined));
      } finally {
        button.disabled = false;
      }
    })();
  });
  return section('Vedlegg', h('p', {}, 'Legg ved dokumenter som underbygger søknaden, for eksempel prosjektplan eller budsjett.'), form, list);
}

async function caseView(application: ApplicationDetail, scheme: SchemeView): Promise<View> {
  const letters = await api<LetterView[]>(`/cases/${application.id}/letters`);
  const fields = fieldsOf(scheme.formSchema);
  const grantLetter = letters.find((letter) => letter.kind === 'grant');
  const klage = scheme.appealRoute === 'enkeltvedtak';
  return {
    title: `Sak ${application.caseNumber ?? ''}: ${scheme.name.nb}`,
    body: [
      facts([
        ['Status', statusTag(application.status)],
        ['Saksnummer', application.caseNumber],
        ['Ordning', `${scheme.name.nb} (${application.budgetYear})`],
        ['Organisasjonsnummer', formatOrganisationNumber(application.organisationNumber)],
        ['Omsøkt beløp', formatNok(application.requestedNok)],
        ['Sendt inn', formatDateTime(application.submittedAt)],
      ]),
      downloadButton('Last ned kvittering (PDF)', `/applications/${application.id}/receipt`, `kvittering-${(application.caseNumber ?? application.id).replace('/', '-')}.pdf`),
      section(
        'Vedtak og brev',
        letters.length === 0
          ? h('p', {}, 'Saken er ikke avgjort ennå. Vedtaksbrevet kommer her når det er sendt.')
          : h(
              'ul',
              {},
              letters.map((letter) =>
                h('li', {}, downloadButton(`Last ned ${letter.kind === 'grant' ? 'tilskuddsbrev' : 'avslagsbrev'} datert ${formatDateTime(letter.producedAt)} (PDF)`, `/cases/${application.id}/letters/${letter.id}`, `vedtaksbrev-${(application.caseNumber ?? '').replace('/', '-')}.pdf`)),
              ),
            ),
        application.status === 'letter_sent' && grantLetter
          ? [
              h('h3', {}, 'Aksepter tilskuddet'),
              h('p', {}, 'Les tilskuddsbrevet, særlig vilkårene og rapporteringsplikten. Når du aksepterer, forplikter organisasjonen seg til vilkårene, og utbetalingen planlegges.'),
              actionButton('Aksepter tilskuddet', async () => {
                await api(`/cases/${application.id}/accept`, { method: 'POST' });
                await reload('Tilskuddet er akseptert. Utbetalingen skjer etter utbetalingsplanen i brevet.');
              }),
            ]
          : null,
      ),
      // Once the grant is accepted, the report is what the recipient has to do; an appeal is the exception.
      await recipientReportSection(application.id, application.status),
      ['letter_sent', 'closed', 'accepted', 'paid'].includes(application.status) && letters.length > 0 ? appealSection(application, klage) : null,
      section('Søknaden', answersList(fields, application.form)),
      attachmentsSection(application, false),
      historySection(application.history),
    ],
  };
}

function appealSection(application: ApplicationDetail, klage: boolean): HTMLElement {
  const inputId = inputIdOf('klage', 'grounds');
  const form = h(
    'form',
    { id: 'klage', novalidate: true },
    h(
      'div',
      { class: 'felt' },
      h('label', { for: inputId }, 'Begrunnelse'),
      h('p', { class: 'hjelp', id: `${inputId}-hjelp` }, 'Skriv hva du mener er feil i vedtaket, og hvorfor. Minst 10 tegn.'),
      h('textarea', { id: inputId, name: 'grounds', rows: 6, 'aria-describedby': `${inputId}-hjelp` }),
    ),
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp knapp--sekundar' }, klage ? 'Send klagen' : 'Be om ny vurdering')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const grounds = form.querySelector('textarea')!.value.trim();
      const facts = { label: 'Begrunnelse', minLength: 10, maxLength: 20000 };
      if (grounds.length < 10) return showErrors(form, [{ inputId, message: grounds ? '«Begrunnelse» må være minst 10 tegn.' : 'Du må fylle ut «Begrunnelse».' }]);
      try {
        await api(`/cases/${application.id}/appeal`, { method: 'POST', json: { grounds } });
        await reload(klage ? 'Klagen er mottatt. IMDi vurderer saken på nytt.' : 'Anmodningen om ny vurdering er mottatt.');
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        showProblem(form, error, (field) => (field === 'grounds' ? { inputId, facts } : undefined));
      }
    })();
  });
  return section(
    klage ? 'Klage på vedtaket' : 'Be om ny vurdering',
    h('p', {}, klage ? 'Vedtaket er et enkeltvedtak. Du kan klage innen tre uker etter at du mottok brevet (forvaltningsloven §§ 28 og 29). Klageinstans er Arbeids- og inkluderingsdepartementet.' : 'Tilskudd til kommuner er ikke enkeltvedtak, men du kan be IMDi vurdere saken på nytt.'),
    form,
  );
}

/** The answers as the applicant gave them, under the scheme's own labels. */
export function answersList(fields: readonly FieldModel[], form: Readonly<Record<string, unknown>>): Child {
  return facts(fields.map((field) => [field.label, answerOf(field, form[field.name])] as const));
}

function answerOf(field: FieldModel, value: unknown): Child {
  if (value === undefined || value === null || value === '') return '–';
  switch (field.kind) {
    case 'amount':
      return formatNok(String(value));
    case 'date':
      return formatDate(String(value));
    case 'boolean':
      return value === true ? 'Ja' : 'Nei';
    case 'choice':
      return field.choices?.find((choice) => choice.value === value)?.label ?? String(value);
    case 'list': {
      const rows = Array.isArray(value) ? value.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null) : [];
      const item = field.item ?? [];
      return table(field.label, item.map((column) => ({ header: column.label, cell: (row: Record<string, unknown>) => answerOf(column, row[column.name]), numeric: column.kind === 'amount' })), rows);
    }
    default:
      return String(value);
  }
}

export function historySection(entries: readonly HistoryEntry[]): HTMLElement {
  return section(
    'Historikk',
    table('Hendelser i saken, eldste først', [
      { header: 'Tidspunkt', cell: (entry: HistoryEntry) => formatDateTime(entry.occurredAt) },
      { header: 'Hendelse', cell: (entry) => historyLabel(entry.action) },
      { header: 'Utført av', cell: (entry) => (entry.actorId === 'system' ? 'Systemet' : entry.actorId) },
    ], entries),
  );
}

