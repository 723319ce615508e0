import { api, ApiProblem } from '../api.js';
import { type Column, facts, h, table } from '../dom.js';
import { inputIdOf, showErrors, showProblem, type ShownError } from '../form-errors.js';
import { formatDate, formatDateTime, formatFigure } from '../format.js';
import { navigate, type View, type ViewContext } from '../router.js';
import type { ReportDocument, ReportKind, ReportRun } from '../types.js';
import { downloadButton, scrollable, section } from '../ui.js';

/** What the reporting jobs produce, in the words finance and the ministry use for them. */
export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  'accounting-status': 'Regnskapsstatus og prognose per kap./post',
  'scheme-statistics': 'Statistikk per tilskuddsordning',
  'person-statistics': 'Personstatistikk etter kjønn',
  'half-year-pack': 'Halvårsrapportering per 30. juni',
  'annual-pack': 'Årsrapportering per 31. desember',
};

const REPORT_KIND_HELP: Readonly<Record<ReportKind, string>> = {
  'accounting-status': 'Ramme, tilsagn, utbetalt, tilbakebetalt og disponibelt, med prognose for resten av året.',
  'scheme-statistics': 'Søknader, vedtak, saksbehandlingstid og rapporter per ordning.',
  'person-statistics': 'Bosatte personer og deltakere etter kjønn.',
  'half-year-pack': 'Alt over, per 30. juni, slik tildelingsbrevet ber om.',
  'annual-pack': 'Alt over, per 31. desember, slik tildelingsbrevet ber om.',
};

/** The packs are taken at the dates the allocation letter names; the API fixes them the same way. */
const FIXED_DATE: Partial<Readonly<Record<ReportKind, string>>> = { 'half-year-pack': '06-30', 'annual-pack': '12-31' };

const KINDS = Object.keys(REPORT_KIND_LABELS) as ReportKind[];

const RUN_STATUS: Readonly<Record<ReportRun['status'], string>> = { queued: 'I kø', running: 'Lages', completed: 'Ferdig', failed: 'Feilet' };

function runStatus(run: ReportRun): string {
  return run.status === 'running' ? `${RUN_STATUS.running} (${run.progress} %)` : RUN_STATUS[run.status];
}

/** Ordering a report: which report, for which year, and optionally which kap./post and which date. */
export function reportOrderSection(year: number, posts: ReadonlyArray<{ readonly budgetPost: string; readonly name: string }>): HTMLElement {
  const prefix = 'bestill';
  const id = (name: string): string => inputIdOf(prefix, name);
  const dateNote = h('p', { class: 'hjelp', id: `${id('asOf')}-fast`, hidden: true });
  const dateField = h(
    'div',
    { class: 'felt' },
    h('label', { for: id('asOf') }, 'Per dato (valgfritt)'),
    h('p', { class: 'hjelp', id: `${id('asOf')}-hjelp` }, 'Står feltet tomt, tas rapporten per i dag, eller per 31. desember for et år som er over.'),
    h('input', { id: id('asOf'), name: 'asOf', type: 'date', class: 'kort-felt', 'aria-describedby': `${id('asOf')}-hjelp` }),
  );
  const form = h(
    'form',
    { id: prefix, novalidate: true },
    h(
      'fieldset',
      { class: 'felt', id: id('kind') },
      h('legend', { class: 'etikett' }, 'Rapport'),
      KINDS.map((kind, index) =>
        h(
          'div',
          { class: 'valg' },
          h('input', { type: 'radio', name: 'kind', value: kind, id: `${id('kind')}-${kind}`, checked: index === 0, 'aria-describedby': `${id('kind')}-${kind}-hjelp` }),
          h('div', {}, h('label', { for: `${id('kind')}-${kind}` }, REPORT_KIND_LABELS[kind]), h('p', { class: 'hjelp', id: `${id('kind')}-${kind}-hjelp` }, REPORT_KIND_HELP[kind])),
        ),
      ),
    ),
    h('div', { class: 'felt' }, h('label', { for: id('budgetYear') }, 'Budsjettår'), h('input', { id: id('budgetYear'), name: 'budgetYear', type: 'text', inputmode: 'numeric', class: 'kort-felt', value: String(year) })),
    h(
      'div',
      { class: 'felt' },
      h('label', { for: id('budgetPost') }, 'Kapittel og post (valgfritt)'),
      h('select', { id: id('budgetPost'), name: 'budgetPost' }, h('option', { value: '' }, 'Alle poster'), posts.map((post) => h('option', { value: post.budgetPost }, `${post.budgetPost} ${post.name}`))),
    ),
    dateField,
    dateNote,
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp' }, 'Bestill rapporten')),
  );
  const text = (name: string): string => String(new FormData(form).get(name) ?? '').trim();
  // A pack has its date: the date field goes away and the fixed date is said instead.
  const showDate = (): void => {
    const fixed = FIXED_DATE[text('kind') as ReportKind];
    dateField.hidden = fixed !== undefined;
    dateNote.hidden = fixed === undefined;
    dateNote.textContent = fixed ? `Rapporten tas per ${formatDate(`${/^\d{4}$/.test(text('budgetYear')) ? text('budgetYear') : year}-${fixed}`)}.` : '';
  };
  form.addEventListener('change', showDate);
  form.addEventListener('input', showDate);
  showDate();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const kind = text('kind') as ReportKind;
      const budgetYear = text('budgetYear');
      const asOf = FIXED_DATE[kind] ? '' : text('asOf');
      const errors: ShownError[] = [];
      if (!/^\d{4}$/.test(budgetYear)) errors.push({ inputId: id('budgetYear'), message: '«Budsjettår» må være et årstall med fire siffer.' });
      if (asOf !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) errors.push({ inputId: id('asOf'), message: '«Per dato» må være en gyldig dato.' });
      else if (asOf !== '' && /^\d{4}$/.test(budgetYear) && !asOf.startsWith(`${budgetYear}-`)) errors.push({ inputId: id('asOf'), message: `«Per dato» må ligge i budsjettåret ${budgetYear}.` });
      if (errors.length > 0) return showErrors(form, errors);
      const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      button.disabled = true;
      try {
        const run = await api<ReportRun>('/reports', { method: 'POST', json: { kind, budgetYear: Number(budgetYear), budgetPost: text('budgetPost') || undefined, asOf: asOf || undefined } });
        await navigate(`/rapporter/${run.id}`, `${REPORT_KIND_LABELS[run.kind]} for ${run.budgetYear} er bestilt. Siden viser hvor langt den er kommet.`);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        const labels: Record<string, { label: string; kind?: 'date' }> = { kind: { label: 'Rapport' }, budgetYear: { label: 'Budsjettår' }, budgetPost: { label: 'Kapittel og post' }, asOf: { label: 'Per dato', kind: 'date' } };
        showProblem(form, error, (field) => (labels[field] ? { inputId: id(field), facts: labels[field] } : undefined));
      } finally {
        button.disabled = false;
      }
    })();
  });
  return section('Bestill rapport', h('p', {}, 'Rapporten lages i bakgrunnen. Du kan følge med på siden til den er ferdig, og laste den ned som Excel og PDF.'), form);
}

/** The latest reports anyone has ordered, for everyone who may read them. */
export async function recentReportsSection(): Promise<HTMLElement> {
  const runs = await api<ReportRun[]>('/reports');
  return section(
    'Bestilte rapporter',
    runs.length === 0
      ? h('p', {}, 'Ingen rapporter er bestilt ennå.')
      : scrollable(
          table('De siste bestilte rapportene, nyeste først', [
            { header: 'Rapport', cell: (run: ReportRun) => h('a', { href: `/rapporter/${run.id}` }, `${REPORT_KIND_LABELS[run.kind]} ${run.budgetYear}`) },
            { header: 'Kap./post', cell: (run) => run.budgetPost ?? 'Alle' },
            { header: 'Per dato', cell: (run) => formatDate(run.asOf) },
            { header: 'Status', cell: (run) => runStatus(run) },
            { header: 'Bestilt av', cell: (run) => run.requestedBy },
            { header: 'Bestilt', cell: (run) => formatDateTime(run.createdAt) },
          ], runs),
        ),
  );
}

type Section = ReportDocument['sections'][number];
type Row = Section['table']['rows'][number];

/**
 * One section of a report as a data table: a caption, column headers with scope, each row headed
 * by its first cell, figures right-aligned and written from the exact strings the API sent.
 */
function sectionTable(part: Section): HTMLTableElement {
  const { columns, rows, totals } = part.table;
  const amounts = columns.some((column) => column.kind === 'nok');
  const tableColumns: Array<Column<Row>> = columns.map((column) => ({
    header: column.kind === 'nok' ? `${column.label} (kr)` : column.label,
    numeric: column.kind !== 'text',
    cell: (row: Row) => formatFigure(column.kind, row[column.key]),
  }));
  // A text column has no total; its footer cell stays empty rather than saying "–".
  const footer = totals ? columns.map((column) => (column.kind === 'text' && (totals[column.key] === null || totals[column.key] === undefined) ? '' : formatFigure(column.kind, totals[column.key]))) : undefined;
  return table(`${part.title}${amounts ? ', beløp i kroner' : ''}`, tableColumns, rows, footer);
}

function documentParts(document: ReportDocument): HTMLElement[] {
  return document.sections.map((part) => {
    const headingId = `rapportdel-${part.key}`;
    return h(
      'section',
      { class: 'seksjon', 'aria-labelledby': headingId },
      h('h2', { id: headingId }, part.title),
      part.note ? h('p', {}, part.note) : null,
      part.table.rows.length === 0 ? h('p', {}, 'Ingen tall for dette utvalget.') : scrollable(sectionTable(part)),
      part.chart ? h('p', { class: 'hjelp' }, `Diagrammet «${part.chart.title}» er med i PDF-filen.`) : null,
    );
  });
}

/** One ordered report: its progress while the worker makes it, then the figures and the files. */
export async function reportRunView(context: ViewContext): Promise<View> {
  const [id] = context.params;
  const run = await api<ReportRun>(`/reports/${id}`);
  const label = h('label', { for: 'rapport-fremdrift', class: 'etikett' }, 'Fremdrift');
  const progress = h('progress', { id: 'rapport-fremdrift', max: 100, 'aria-describedby': 'rapport-status' });
  // A live region: each change of status is read out without moving the reader's focus.
  const status = h('p', { id: 'rapport-status', role: 'status', 'aria-live': 'polite' });
  const result = h('div', {});
  let shown = '';
  const draw = (current: ReportRun): void => {
    const said =
      current.status === 'queued'
        ? 'I kø: rapporten venter på å bli laget.'
        : current.status === 'running'
          ? `Lages: ${current.progress} % ferdig.`
          : current.status === 'completed'
            ? `Ferdig ${formatDateTime(current.completedAt)}.`
            : 'Rapporten kunne ikke lages. Bestill den på nytt, eller kontakt systemeier hvis det skjer igjen.';
    // Only a change is written, so a screen reader is not told the same thing every second.
    if (said !== shown) {
      status.textContent = said;
      shown = said;
    }
    if (current.status === 'queued') progress.removeAttribute('value');
    else progress.value = current.status === 'completed' ? 100 : current.progress;
    if (current.status === 'completed' && current.report && current.downloads) {
      result.replaceChildren(
        section(
          'Filer',
          h('p', {}, 'Excel-filen har tallene med summeringsformler; PDF-filen har også diagrammene.'),
          downloadButton('Last ned Excel-fil (xlsx)', current.downloads.xlsx, `${current.kind}-${current.budgetYear}.xlsx`),
          downloadButton('Last ned PDF', current.downloads.pdf, `${current.kind}-${current.budgetYear}.pdf`),
        ),
        ...documentParts(current.report),
      );
    }
  };
  draw(run);
  if (run.status === 'queued' || run.status === 'running') {
    void (async () => {
      while (!context.signal.aborted) {
        await new Promise((done) => window.setTimeout(done, 1000));
        if (context.signal.aborted) return;
        try {
          const current = await api<ReportRun>(`/reports/${id}`, { signal: context.signal });
          draw(current);
          if (current.status === 'completed' || current.status === 'failed') return;
        } catch {
          // A lost answer is asked again on the next round; leaving the page ends the loop.
          if (context.signal.aborted) return;
        }
      }
    })();
  }
  return {
    title: `${REPORT_KIND_LABELS[run.kind]} ${run.budgetYear}`,
    body: [
      facts([
        ['Budsjettår', String(run.budgetYear)],
        ['Kapittel og post', run.budgetPost ?? 'Alle poster'],
        ['Per dato', formatDate(run.asOf)],
        ['Bestilt av', `${run.requestedBy}, ${formatDateTime(run.createdAt)}`],
      ]),
      h('div', { class: 'felt' }, label, progress, status),
      result,
      h('p', {}, h('a', { href: '/rapporter' }, 'Tilbake til rapporter')),
    ],
  };
}
