import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { answer, api, ApiProblem } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { hasRole, useSession } from '../session';
import { formatDate, formatDateTime, formatNok, useText } from './text';
import type { RecipientReport, ReportDocument, ReportKind, ReportRun } from './views';

type Say = (nb: string, nn: string) => string;

/** What the reporting jobs produce, in the words finance and the ministry use for them (bokmål, nynorsk). */
export const REPORT_KINDS: ReadonlyArray<{
  readonly kind: ReportKind;
  readonly nb: string;
  readonly nn: string;
  readonly helpNb: string;
  readonly helpNn: string;
  readonly fixed?: string;
}> = [
  {
    kind: 'accounting-status',
    nb: 'Regnskapsstatus og prognose per kap./post',
    nn: 'Rekneskapsstatus og prognose per kap./post',
    helpNb: 'Ramme, tilsagn, utbetalt, tilbakebetalt og disponibelt, med prognose for resten av året.',
    helpNn: 'Ramme, tilsegn, utbetalt, tilbakebetalt og disponibelt, med prognose for resten av året.',
  },
  {
    kind: 'scheme-statistics',
    nb: 'Statistikk per tilskuddsordning',
    nn: 'Statistikk per tilskotsordning',
    helpNb: 'Søknader, vedtak, saksbehandlingstid og rapporter per ordning.',
    helpNn: 'Søknader, vedtak, sakshandsamingstid og rapportar per ordning.',
  },
  {
    kind: 'person-statistics',
    nb: 'Personstatistikk etter kjønn',
    nn: 'Personstatistikk etter kjønn',
    helpNb: 'Bosatte personer og deltakere etter kjønn.',
    helpNn: 'Busette personar og deltakarar etter kjønn.',
  },
  {
    kind: 'half-year-pack',
    nb: 'Halvårsrapportering per 30. juni',
    nn: 'Halvårsrapportering per 30. juni',
    helpNb: 'Alt over, per 30. juni, slik tildelingsbrevet ber om.',
    helpNn: 'Alt over, per 30. juni, slik tildelingsbrevet ber om.',
    fixed: '06-30',
  },
  {
    kind: 'annual-pack',
    nb: 'Årsrapportering per 31. desember',
    nn: 'Årsrapportering per 31. desember',
    helpNb: 'Alt over, per 31. desember, slik tildelingsbrevet ber om.',
    helpNn: 'Alt over, per 31. desember, slik tildelingsbrevet ber om.',
    fixed: '12-31',
  },
];

function kindName(s: Say, kind: ReportKind): string {
  const found = REPORT_KINDS.find((entry) => entry.kind === kind);
  return found ? s(found.nb, found.nn) : kind;
}

function runStatus(s: Say, run: ReportRun): string {
  if (run.status === 'queued') return s('I kø', 'I kø');
  if (run.status === 'running') return s(`Lages (${run.progress} %)`, `Blir laga (${run.progress} %)`);
  if (run.status === 'completed') return s('Ferdig', 'Ferdig');
  return s('Feilet', 'Feila');
}

/** Asks again every second while `again` says the answer is not final; stops when the page goes. */
function usePolling(reload: () => void, again: boolean): void {
  useEffect(() => {
    if (!again) return undefined;
    const timer = window.setTimeout(reload, 1000);
    return () => window.clearTimeout(timer);
  });
}

/** "1234567.50" or 12 as the page writes a figure: "1 234 567,50" (the api's exact strings, for display only). */
const figure = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });
function formatFigure(kind: 'text' | 'nok' | 'count' | 'days', value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (kind === 'text') return String(value);
  if (kind === 'nok') return figure.format(Number(value));
  return count.format(Number(value));
}

/** The reports finance and the ministry have ordered; finance (and admin, and the ministry) may order one. */
export function ReportsPage() {
  const s = useText();
  const navigate = useNavigate();
  const runs = useLoad(() => answer<ReportRun[]>(api.GET('/reports')), []);
  const thisYear = new Date().getFullYear();
  const [kind, setKind] = useState<ReportKind>('accounting-status');
  const [year, setYear] = useState(String(thisYear));
  const [asOf, setAsOf] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const fixed = REPORT_KINDS.find((entry) => entry.kind === kind)?.fixed;

  async function order(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setProblem(undefined);
    const errors: Record<string, string> = {};
    const date = fixed ? '' : asOf.trim();
    if (!/^\d{4}$/.test(year.trim()))
      errors.budgetYear = s('«Budsjettår» må være et årstall med fire siffer.', '«Budsjettår» må vere eit årstal med fire siffer.');
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.asOf = s('«Per dato» må være en dato (ÅÅÅÅ-MM-DD).', '«Per dato» må vere ein dato (ÅÅÅÅ-MM-DD).');
    else if (date && !date.startsWith(`${year.trim()}-`))
      errors.asOf = s(`«Per dato» må ligge i budsjettåret ${year.trim()}.`, `«Per dato» må liggje i budsjettåret ${year.trim()}.`);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      const run = await answer<ReportRun>(api.POST('/reports', { body: { kind, budgetYear: Number(year.trim()), ...(date ? { asOf: date } : {}) } as never }));
      navigate(`/rapporter/${run.id}`, {
        state: {
          flash: s(
            `${kindName(s, run.kind)} for ${run.budgetYear} er bestilt. Siden viser hvor langt den er kommet.`,
            `${kindName(s, run.kind)} for ${run.budgetYear} er bestilt. Sida viser kor langt han har kome.`,
          ),
        },
      });
    } catch (failure) {
      setProblem(failure);
    }
  }

  return (
    <Page title={s('Rapporter', 'Rapportar')}>
      <section className="section stack" aria-labelledby="bestill">
        <Heading level={2} data-size="md" id="bestill">
          {s('Bestill rapport', 'Bestill rapport')}
        </Heading>
        <form onSubmit={(event) => void order(event)} className="stack" noValidate>
          <Fieldset>
            <Fieldset.Legend>{s('Rapport', 'Rapport')}</Fieldset.Legend>
            {REPORT_KINDS.map((entry) => (
              <Radio
                key={entry.kind}
                name="kind"
                value={entry.kind}
                label={s(entry.nb, entry.nn)}
                description={s(entry.helpNb, entry.helpNn)}
                checked={kind === entry.kind}
                onChange={() => setKind(entry.kind)}
              />
            ))}
          </Fieldset>
          <Textfield
            label={s('Budsjettår', 'Budsjettår')}
            inputMode="numeric"
            value={year}
            onChange={(event) => setYear(event.target.value)}
            error={fieldErrors.budgetYear}
            className="short-field"
          />
          {fixed ? (
            <Paragraph>
              {s(
                `Rapporten tas per ${formatDate(`${/^\d{4}$/.test(year.trim()) ? year.trim() : thisYear}-${fixed}`)}.`,
                `Rapporten blir teken per ${formatDate(`${/^\d{4}$/.test(year.trim()) ? year.trim() : thisYear}-${fixed}`)}.`,
              )}
            </Paragraph>
          ) : (
            <Textfield
              label={s('Per dato (valgfritt)', 'Per dato (valfritt)')}
              description={s(
                'ÅÅÅÅ-MM-DD. Står feltet tomt, tas rapporten per i dag, eller per 31. desember for et år som er over.',
                'ÅÅÅÅ-MM-DD. Står feltet tomt, blir rapporten teken per i dag, eller per 31. desember for eit år som er over.',
              )}
              value={asOf}
              onChange={(event) => setAsOf(event.target.value)}
              error={fieldErrors.asOf}
              className="short-field"
            />
          )}
          {problem ? <ProblemAlert error={problem} /> : null}
          <div>
            <Button type="submit">{s('Bestill rapporten', 'Bestill rapporten')}</Button>
          </div>
        </form>
      </section>
      <ReportRunList runs={runs} />
    </Page>
  );
}

/** The ministry reads the reports ordered (and may order one too, the api allows it). */
function ReportRunList({ runs }: { readonly runs: ReturnType<typeof useLoad<ReportRun[]>> }) {
  const s = useText();
  return (
    <section className="section" aria-labelledby="bestilte">
      <Heading level={2} data-size="md" id="bestilte">
        {s('Bestilte rapporter', 'Bestilte rapportar')}
      </Heading>
      {runs.error ? <ProblemAlert error={runs.error} /> : null}
      {!runs.data && !runs.error ? <Loading /> : null}
      {runs.data?.length === 0 ? <Paragraph>{s('Ingen rapporter er bestilt ennå.', 'Ingen rapportar er bestilte enno.')}</Paragraph> : null}
      {runs.data && runs.data.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="bestilte">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{s('Rapport', 'Rapport')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Per dato', 'Per dato')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Bestilt', 'Bestilt')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Status', 'Status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {runs.data.map((run) => (
                <Table.Row key={run.id}>
                  <Table.Cell>
                    <Link to={`/rapporter/${run.id}`}>{`${kindName(s, run.kind)} ${run.budgetYear}`}</Link>
                  </Table.Cell>
                  <Table.Cell>{formatDate(run.asOf)}</Table.Cell>
                  <Table.Cell>
                    {run.requestedBy}, {formatDateTime(run.createdAt)}
                  </Table.Cell>
                  <Table.Cell>{runStatus(s, run)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </section>
  );
}

/** The ministry's list of ordered reports, without the order form. */
export function MinistryReportsPage() {
  const s = useText();
  const runs = useLoad(() => answer<ReportRun[]>(api.GET('/reports')), []);
  return (
    <Page title={s('Rapporter', 'Rapportar')}>
      <ReportRunList runs={runs} />
    </Page>
  );
}

/** One ordered report: its progress while the worker makes it, then the figures and the files. */
export function ReportRunPage() {
  const s = useText();
  const { id = '' } = useParams();
  const { session } = useSession();
  const run = useLoad(() => answer<ReportRun>(api.GET('/reports/{id}', { params: { path: { id } } })), [id]);
  const current = run.data;
  usePolling(run.reload, current !== undefined && (current.status === 'queued' || current.status === 'running'));
  const said = !current
    ? ''
    : current.status === 'queued'
      ? s('I kø: rapporten venter på å bli laget.', 'I kø: rapporten ventar på å bli laga.')
      : current.status === 'running'
        ? s(`Lages: ${current.progress} % ferdig.`, `Blir laga: ${current.progress} % ferdig.`)
        : current.status === 'completed'
          ? s(`Ferdig ${formatDateTime(current.completedAt)}.`, `Ferdig ${formatDateTime(current.completedAt)}.`)
          : s(
              'Rapporten kunne ikke lages. Bestill den på nytt, eller kontakt systemeier hvis det skjer igjen.',
              'Rapporten kunne ikkje lagast. Bestill han på nytt, eller kontakt systemeigar om det skjer igjen.',
            );
  const back = hasRole(session, 'finance', 'admin') ? '/rapporter' : '/departementet/rapporter';
  return (
    <Page title={current ? `${kindName(s, current.kind)} ${current.budgetYear}` : s('Rapport', 'Rapport')}>
      {run.error && !current ? <ProblemAlert error={run.error} /> : null}
      {!current && !run.error ? <Loading /> : null}
      {current ? (
        <>
          <dl className="summary">
            <div>
              <dt>{s('Budsjettår', 'Budsjettår')}</dt>
              <dd>{current.budgetYear}</dd>
            </div>
            <div>
              <dt>{s('Kapittel og post', 'Kapittel og post')}</dt>
              <dd>{current.budgetPost ?? s('Alle poster', 'Alle postar')}</dd>
            </div>
            <div>
              <dt>{s('Per dato', 'Per dato')}</dt>
              <dd>{formatDate(current.asOf)}</dd>
            </div>
            <div>
              <dt>{s('Bestilt av', 'Bestilt av')}</dt>
              <dd>
                {current.requestedBy}, {formatDateTime(current.createdAt)}
              </dd>
            </div>
          </dl>
          <div className="stack">
            <label htmlFor="rapport-fremdrift">{s('Fremdrift', 'Framdrift')}</label>
            <progress
              id="rapport-fremdrift"
              max={100}
              value={current.status === 'queued' ? undefined : current.status === 'completed' ? 100 : current.progress}
              aria-describedby="rapport-status"
            />
            <p id="rapport-status" role="status" aria-live="polite">
              {said}
            </p>
          </div>
          {current.status === 'completed' && current.downloads ? (
            <section className="section stack" aria-labelledby="filer">
              <Heading level={2} data-size="md" id="filer">
                {s('Filer', 'Filer')}
              </Heading>
              <Paragraph>
                {s(
                  'Excel-filen har tallene med summeringsformler; PDF-filen har også diagrammene.',
                  'Excel-fila har tala med summeringsformlar; PDF-fila har òg diagramma.',
                )}
              </Paragraph>
              <div className="row">
                <Button asChild variant="secondary">
                  <a href={current.downloads.xlsx} download>
                    {s('Last ned Excel-fil (xlsx)', 'Last ned Excel-fil (xlsx)')}
                  </a>
                </Button>
                <Button asChild variant="secondary">
                  <a href={current.downloads.pdf} download>
                    {s('Last ned PDF', 'Last ned PDF')}
                  </a>
                </Button>
              </div>
            </section>
          ) : null}
          {current.status === 'completed' && current.report ? <ReportParts document={current.report} /> : null}
          <Paragraph>
            <Link to={back}>{s('Tilbake til rapporter', 'Tilbake til rapportar')}</Link>
          </Paragraph>
        </>
      ) : null}
    </Page>
  );
}

/** Each part of a report as a data table: caption, column headers with scope, a row header, figures right-aligned. */
function ReportParts({ document }: { readonly document: ReportDocument }) {
  const s = useText();
  return (
    <>
      {document.sections.map((part) => {
        const headingId = `rapportdel-${part.key}`;
        const { columns, rows, totals } = part.table;
        const amounts = columns.some((column) => column.kind === 'nok');
        const cell = (column: (typeof columns)[number], value: string | number | null | undefined, index: number, key: string) =>
          index === 0 ? (
            <th key={key} scope="row">
              {formatFigure(column.kind, value)}
            </th>
          ) : (
            <td key={key} className={column.kind === 'text' ? undefined : 'number'}>
              {formatFigure(column.kind, value)}
            </td>
          );
        return (
          <section key={part.key} className="section" aria-labelledby={headingId}>
            <Heading level={2} data-size="md" id={headingId}>
              {part.title}
            </Heading>
            {part.note ? <Paragraph>{part.note}</Paragraph> : null}
            {rows.length === 0 ? (
              <Paragraph>{s('Ingen tall for dette utvalget.', 'Ingen tal for dette utvalet.')}</Paragraph>
            ) : (
              <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
                <table className="ds-table report-table">
                  <caption>{`${part.title}${amounts ? s(', beløp i kroner', ', beløp i kroner') : ''}`}</caption>
                  <thead>
                    <tr>
                      {columns.map((column) => (
                        <th key={column.key} scope="col" className={column.kind === 'text' ? undefined : 'number'}>
                          {column.kind === 'nok' ? `${column.label} (kr)` : column.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row, rowIndex) => (
                      <tr key={rowIndex}>{columns.map((column, index) => cell(column, row[column.key], index, column.key))}</tr>
                    ))}
                  </tbody>
                  {totals ? (
                    <tfoot>
                      <tr>
                        {columns.map((column, index) =>
                          index === 0 ? (
                            <th key={column.key} scope="row">
                              {totals[column.key] === null || totals[column.key] === undefined
                                ? s('Sum', 'Sum')
                                : formatFigure(column.kind, totals[column.key])}
                            </th>
                          ) : column.kind === 'text' && (totals[column.key] === null || totals[column.key] === undefined) ? (
                            <td key={column.key} />
                          ) : (
                            cell(column, totals[column.key], index, column.key)
                          ),
                        )}
                      </tr>
                    </tfoot>
                  ) : null}
                </table>
              </div>
            )}
            {part.chart ? (
              <Paragraph>{s(`Diagrammet «${part.chart.title}» er med i PDF-filen.`, `Diagrammet «${part.chart.title}» er med i PDF-fila.`)}</Paragraph>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

const REPORT_STATUS: Record<RecipientReport['status'], [string, string]> = {
  due: ['Ikke levert', 'Ikkje levert'],
  submitted: ['Levert, til vurdering', 'Levert, til vurdering'],
  more_requested: ['IMDi ber om mer', 'IMDi ber om meir'],
  approved: ['Godkjent', 'Godkjend'],
};

/** The caseworker's list of recipients' reports: those to assess, and those past their deadline. */
export function RecipientReportsPage() {
  const s = useText();
  const submitted = useLoad(
    () => answer<RecipientReport[]>(api.GET('/casework/recipient-reports', { params: { query: { status: 'submitted' } as never } })),
    [],
  );
  const overdue = useLoad(() => answer<RecipientReport[]>(api.GET('/casework/recipient-reports', { params: { query: { overdue: true } as never } })), []);
  const list = (id: string, title: string, data: ReturnType<typeof useLoad<RecipientReport[]>>, empty: string) => (
    <section className="section" aria-labelledby={id}>
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {data.error ? <ProblemAlert error={data.error} /> : null}
      {!data.data && !data.error ? <Loading /> : null}
      {data.data?.length === 0 ? <Paragraph>{empty}</Paragraph> : null}
      {data.data && data.data.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{s('Sak', 'Sak')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Ordning', 'Ordning')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Tilskudd', 'Tilskot')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Frist', 'Frist')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Status', 'Status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.data.map((report) => (
                <Table.Row key={report.id}>
                  <Table.Cell>
                    <Link to={`/saksbehandling/saker/${report.caseId}`}>{report.caseNumber ?? report.caseId}</Link>
                  </Table.Cell>
                  <Table.Cell>
                    {report.schemeCode} {report.budgetYear}
                  </Table.Cell>
                  <Table.Cell className="number">{formatNok(report.grantedNok)}</Table.Cell>
                  <Table.Cell>{formatDate(report.dueOn)}</Table.Cell>
                  <Table.Cell>{s(...REPORT_STATUS[report.status])}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </section>
  );
  return (
    <Page title={s('Rapporter fra tilskuddsmottakere', 'Rapportar frå tilskotsmottakarar')}>
      {list('til-vurdering', s('Til vurdering', 'Til vurdering'), submitted, s('Ingen rapporter venter på vurdering.', 'Ingen rapportar ventar på vurdering.'))}
      {list('etterskudd', s('På etterskudd', 'På etterskot'), overdue, s('Ingen rapporter er på etterskudd.', 'Ingen rapportar er på etterskot.'))}
    </Page>
  );
}

const CONTENT_LABELS: ReadonlyArray<[keyof RecipientReport['content'], string, string]> = [
  ['useOfFunds', 'Hvordan midlene er brukt', 'Korleis midlane er brukte'],
  ['spentNok', 'Brukt beløp', 'Brukt beløp'],
  ['results', 'Resultater', 'Resultat'],
  ['goalAchievement', 'Måloppnåelse', 'Måloppnåing'],
  ['participantsFemale', 'Antall deltakere, kvinner', 'Tal på deltakarar, kvinner'],
  ['participantsMale', 'Antall deltakere, menn', 'Tal på deltakarar, menn'],
  ['auditorConfirmed', 'Bekreftet av revisor', 'Stadfesta av revisor'],
];

/** The recipient's report on the case page: what was sent, the files, and the caseworker's assessment. */
export function RecipientReportSection({ caseId, canReview }: { readonly caseId: string; readonly canReview: boolean }) {
  const s = useText();
  const report = useLoad(async () => {
    try {
      return await answer<RecipientReport>(api.GET('/cases/{id}/report', { params: { path: { id: caseId } } }));
    } catch (error) {
      if (error instanceof ApiProblem && (error.code === 'REPORT_NOT_FOUND' || error.status === 404)) return null;
      throw error;
    }
  }, [caseId]);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>();
  const current = report.data;
  if (current === null) return null;

  async function review(kind: 'approve' | 'request-more'): Promise<void> {
    setProblem(undefined);
    setMessage(undefined);
    const text = comment.trim();
    if (kind === 'request-more' && !text) {
      setCommentError(s('Skriv hva mottakeren må sende mer av.', 'Skriv kva mottakaren må sende meir av.'));
      return;
    }
    setCommentError(undefined);
    try {
      if (kind === 'approve')
        await answer(
          api.POST('/casework/cases/{id}/report/approve', { params: { path: { id: caseId } }, body: { comment: text || 'Rapporten er godkjent.' } as never }),
        );
      else await answer(api.POST('/casework/cases/{id}/report/request-more', { params: { path: { id: caseId } }, body: { comment: text } as never }));
      setComment('');
      setMessage(
        kind === 'approve'
          ? s('Rapporten er godkjent.', 'Rapporten er godkjend.')
          : s('Mottakeren er bedt om mer, med kommentaren din.', 'Mottakaren er beden om meir, med kommentaren din.'),
      );
      report.reload();
    } catch (failure) {
      setProblem(failure);
    }
  }

  const content = current?.content;
  return (
    <section className="section stack" aria-labelledby="mottakerrapport">
      <Heading level={2} data-size="md" id="mottakerrapport">
        {s('Rapport fra mottakeren', 'Rapport frå mottakaren')}
      </Heading>
      {message ? (
        <Alert data-color="success" role="status" className="status-message">
          {message}
        </Alert>
      ) : null}
      {report.error ? <ProblemAlert error={report.error} /> : null}
      {current === undefined && !report.error ? <Loading /> : null}
      {current ? (
        <>
          <dl className="summary">
            <div>
              <dt>{s('Frist', 'Frist')}</dt>
              <dd>
                {formatDate(current.dueOn)}
                {current.overdue ? s(' (fristen er passert)', ' (fristen er passert)') : ''}
              </dd>
            </div>
            <div>
              <dt>{s('Status', 'Status')}</dt>
              <dd>{s(...REPORT_STATUS[current.status])}</dd>
            </div>
            <div>
              <dt>{s('Tilskudd', 'Tilskot')}</dt>
              <dd>{formatNok(current.grantedNok)}</dd>
            </div>
            <div>
              <dt>{s('Levert', 'Levert')}</dt>
              <dd>{current.submittedAt ? formatDateTime(current.submittedAt) : s('Ikke levert', 'Ikkje levert')}</dd>
            </div>
          </dl>
          {current.reviewComment ? (
            <div className="stack">
              <Heading level={3} data-size="xs">
                {current.status === 'more_requested'
                  ? s('IMDi ber om mer', 'IMDi ber om meir')
                  : current.status === 'approved'
                    ? s('Rapporten er godkjent', 'Rapporten er godkjend')
                    : s('IMDi ba om mer', 'IMDi bad om meir')}
              </Heading>
              <Paragraph>{current.reviewComment}</Paragraph>
            </div>
          ) : null}
          {current.submittedAt && content ? (
            <>
              <Heading level={3} data-size="xs">
                {s('Innholdet i rapporten', 'Innhaldet i rapporten')}
              </Heading>
              <dl className="summary">
                {CONTENT_LABELS.filter(([key]) => content[key] !== null && content[key] !== undefined).map(([key, nb, nn]) => (
                  <div key={key}>
                    <dt>{s(nb, nn)}</dt>
                    <dd>
                      {key === 'spentNok'
                        ? formatNok(String(content[key]))
                        : key === 'auditorConfirmed'
                          ? content[key]
                            ? s('Ja', 'Ja')
                            : s('Nei', 'Nei')
                          : String(content[key])}
                    </dd>
                  </div>
                ))}
              </dl>
              {content.accounts && content.accounts.length > 0 ? (
                <div className="table-scroll" tabIndex={0} role="region" aria-label={s('Regnskap for tilskuddet', 'Rekneskap for tilskotet')}>
                  <Table>
                    <caption>{s('Regnskap for tilskuddet', 'Rekneskap for tilskotet')}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell>{s('Post i regnskapet', 'Post i rekneskapen')}</Table.HeaderCell>
                        <Table.HeaderCell>{s('Beløp', 'Beløp')}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {content.accounts.map((line, index) => (
                        <Table.Row key={index}>
                          <Table.Cell>{line.description}</Table.Cell>
                          <Table.Cell className="number">{formatNok(line.amountNok)}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </div>
              ) : null}
            </>
          ) : null}
          <Heading level={3} data-size="xs">
            {s('Vedlegg til rapporten', 'Vedlegg til rapporten')}
          </Heading>
          {current.attachments.length === 0 ? (
            <Paragraph>{s('Ingen vedlegg er lastet opp.', 'Ingen vedlegg er lasta opp.')}</Paragraph>
          ) : (
            <ul className="task-list">
              {current.attachments.map((attachment) => (
                <li key={attachment.id}>
                  <Button asChild variant="secondary">
                    <a href={`/cases/${caseId}/report/attachments/${attachment.id}`} download={attachment.fileName}>
                      {s(`Last ned ${attachment.fileName}`, `Last ned ${attachment.fileName}`)}
                    </a>
                  </Button>{' '}
                  <span className="muted">{Math.max(1, Math.ceil(attachment.sizeBytes / 1024))} kB</span>
                </li>
              ))}
            </ul>
          )}
          {canReview && current.status === 'submitted' ? (
            <div className="stack">
              <Textfield
                label={s('Kommentar til mottakeren', 'Kommentar til mottakaren')}
                description={s('Må fylles ut når du ber om mer; valgfri når du godkjenner.', 'Må fyllast ut når du ber om meir; valfri når du godkjenner.')}
                multiline
                rows={3}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
                error={commentError}
              />
              {problem ? <ProblemAlert error={problem} /> : null}
              <div className="row">
                <Button onClick={() => void review('approve')}>{s('Godkjenn rapport', 'Godkjenn rapport')}</Button>
                <Button variant="secondary" onClick={() => void review('request-more')}>
                  {s('Be om mer', 'Be om meir')}
                </Button>
              </div>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
