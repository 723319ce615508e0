import { Alert, Button, Checkbox, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { answer, api } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { formatDate, formatNok, useText } from './text';
import type { Batch, BatchLines, PayoutRun } from './views';

export function BatchesPage() {
  const s = useText();
  const batches = useLoad(() => answer<Batch[]>(api.GET('/payments/batches')), []);
  return (
    <Page title={s('Betalingsbunter', 'Betalingsbuntar')}>
      {batches.error ? <ProblemAlert error={batches.error} /> : null}
      {!batches.data && !batches.error ? <Loading /> : null}
      {batches.data?.length === 0 ? <Paragraph>{s('Ingen bunter ennå.', 'Ingen buntar enno.')}</Paragraph> : null}
      <ul className="task-list">
        {batches.data?.map((batch) => (
          <li key={batch.id}>
            <Link to={`/okonomi/bunter/${batch.id}`}>
              {s('Bunt', 'Bunt')} {batch.budgetYear} {s('kap./post', 'kap./post')} {batch.budgetPost}: {batch.numberOfPayments} {s('betalinger', 'betalingar')},{' '}
              {formatNok(batch.totalNok)}
            </Link>
            <span>{batch.status === 'prepared' ? s('Venter på godkjenning', 'Ventar på godkjenning') : s('Godkjent', 'Godkjend')}</span>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** A batch's lines (payee, account, amount, reference, case) and totals per post, read before the second person approves it. */
export function BatchPage() {
  const s = useText();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [checked, setChecked] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>();
  const page = Number(params.get('side') ?? '1') || 1;
  const search = params.get('search') ?? '';
  const view = useLoad(
    () =>
      answer<BatchLines>(api.GET('/payments/batches/{id}/lines', { params: { path: { id }, query: { page, pageSize: 50, ...(search ? { search } : {}) } } })),
    [id, page, search],
  );

  function filter(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('search') ?? '').trim();
    setParams(value ? { search: value } : {});
  }

  async function approve(): Promise<void> {
    setProblem(undefined);
    try {
      await answer(api.POST('/payments/batches/{id}/approve', { params: { path: { id } } }));
      setMessage(s('Bunten er godkjent og kan sendes til banken.', 'Bunten er godkjend og kan sendast til banken.'));
      view.reload();
    } catch (failure) {
      setProblem(failure);
    }
  }

  const data = view.data;
  return (
    <Page title={s('Betalingsbunt', 'Betalingsbunt')}>
      <Paragraph>
        <Link to="/okonomi/bunter">{s('Alle bunter', 'Alle buntar')}</Link> · <Link to="/okonomi">{s('Utbetalinger', 'Utbetalingar')}</Link>
      </Paragraph>
      {message ? (
        <Alert data-color="success" role="status" className="status-message">
          {message}
        </Alert>
      ) : null}
      {view.error ? <ProblemAlert error={view.error} /> : null}
      {!data && !view.error ? <Loading /> : null}
      {data ? (
        <>
          <dl className="summary">
            <div>
              <dt>{s('Kap./post og år', 'Kap./post og år')}</dt>
              <dd>
                {data.batch.budgetPost} {data.batch.budgetYear}
              </dd>
            </div>
            <div>
              <dt>{s('Betalinger', 'Betalingar')}</dt>
              <dd>{data.batch.numberOfPayments}</dd>
            </div>
            <div>
              <dt>{s('Sum', 'Sum')}</dt>
              <dd>{formatNok(data.batch.totalNok)}</dd>
            </div>
            <div>
              <dt>{s('Laget av', 'Laga av')}</dt>
              <dd>{data.batch.preparedBy}</dd>
            </div>
            <div>
              <dt>{s('Status', 'Status')}</dt>
              <dd>
                {data.batch.status === 'prepared'
                  ? s('Venter på godkjenning', 'Ventar på godkjenning')
                  : s(`Godkjent av ${data.batch.approvedBy}`, `Godkjend av ${data.batch.approvedBy}`)}
              </dd>
            </div>
          </dl>

          <section className="section" aria-labelledby="summer">
            <Heading level={2} data-size="md" id="summer">
              {s('Summer per kap./post og ordning', 'Summar per kap./post og ordning')}
            </Heading>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="summer">
              <Table>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{s('Kap./post', 'Kap./post')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Ordning', 'Ordning')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Antall', 'Tal')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Sum', 'Sum')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.totals.map((total) => (
                    <Table.Row key={`${total.budgetPost}-${total.schemeCode}`}>
                      <Table.Cell>{total.budgetPost}</Table.Cell>
                      <Table.Cell>{total.schemeCode}</Table.Cell>
                      <Table.Cell className="number">{total.numberOfPayments}</Table.Cell>
                      <Table.Cell className="number">{formatNok(total.totalNok)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </section>

          <section className="section" aria-labelledby="linjer">
            <Heading level={2} data-size="md" id="linjer">
              {s('Betalingene', 'Betalingane')}
            </Heading>
            <form onSubmit={filter} className="row" role="search" aria-label={s('Filtrer betalingene', 'Filtrer betalingane')}>
              <Textfield
                label={s('Saksnummer, organisasjonsnummer eller referanse', 'Saksnummer, organisasjonsnummer eller referanse')}
                name="search"
                defaultValue={search}
              />
              <Button type="submit" variant="secondary">
                {s('Filtrer', 'Filtrer')}
              </Button>
            </form>
            <Paragraph>{s(`${data.matching} betalinger passer.`, `${data.matching} betalingar passar.`)}</Paragraph>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="linjer">
              <Table zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{s('Mottaker', 'Mottakar')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Konto', 'Konto')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Beløp', 'Beløp')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Melding til mottaker', 'Melding til mottakar')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Sak', 'Sak')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Betalingsdato', 'Betalingsdato')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.lines.map((line) => (
                    <Table.Row key={line.endToEndId}>
                      <Table.Cell>
                        {line.payeeName}
                        <br />
                        <span className="muted">{line.organisationNumber}</span>
                      </Table.Cell>
                      <Table.Cell>{line.accountNumber.replace(/^(\d{4})(\d{2})(\d{5})$/, '$1.$2.$3')}</Table.Cell>
                      <Table.Cell className="number">{formatNok(line.amountNok)}</Table.Cell>
                      <Table.Cell>{line.remittance}</Table.Cell>
                      <Table.Cell>{line.caseNumber ?? '–'}</Table.Cell>
                      <Table.Cell>{formatDate(line.executionDate)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            {data.matching > data.pageSize ? (
              <nav aria-label={s('Sider', 'Sider')} className="row pager">
                <Button variant="secondary" disabled={page <= 1} onClick={() => setParams({ ...(search ? { search } : {}), side: String(page - 1) })}>
                  {s('Forrige side', 'Førre side')}
                </Button>
                <Button
                  variant="secondary"
                  disabled={page * data.pageSize >= data.matching}
                  onClick={() => setParams({ ...(search ? { search } : {}), side: String(page + 1) })}
                >
                  {s('Neste side', 'Neste side')}
                </Button>
              </nav>
            ) : null}
          </section>

          {data.batch.status === 'approved' ? (
            <section className="section stack" aria-labelledby="filer">
              <Heading level={2} data-size="md" id="filer">
                {s('Filer', 'Filer')}
              </Heading>
              <Paragraph>
                {s(
                  'Betalingsfilen (ISO 20022 pain.001) går til banken; utbetalingsgrunnlaget går til regnskapssystemet. Summene er de samme som buntens.',
                  'Betalingsfila (ISO 20022 pain.001) går til banken; utbetalingsgrunnlaget går til rekneskapssystemet. Summane er dei same som buntens.',
                )}
              </Paragraph>
              <div className="row">
                <Button asChild variant="secondary">
                  <a href={`/payments/batches/${id}/pain001.xml`} download={`pain001-${id}.xml`}>
                    {s('Last ned betalingsfil (pain.001, XML)', 'Last ned betalingsfil (pain.001, XML)')}
                  </a>
                </Button>
                <Button asChild variant="secondary">
                  <a href={`/payments/batches/${id}/utbetalingsgrunnlag.csv`} download={`utbetalingsgrunnlag-${id}.csv`}>
                    {s('Last ned utbetalingsgrunnlag (CSV)', 'Last ned utbetalingsgrunnlag (CSV)')}
                  </a>
                </Button>
              </div>
            </section>
          ) : null}

          {data.batch.status === 'prepared' ? (
            <section className="section stack" aria-labelledby="godkjenn">
              <Heading level={2} data-size="md" id="godkjenn">
                {s('Godkjenn bunten', 'Godkjenn bunten')}
              </Heading>
              <Paragraph>{s('Bunten må godkjennes av en annen enn den som laget den.', 'Bunten må godkjennast av ein annan enn den som laga han.')}</Paragraph>
              <Checkbox
                label={s('Jeg har kontrollert mottakere, kontonumre og beløp', 'Eg har kontrollert mottakarar, kontonummer og beløp')}
                checked={checked}
                onChange={(event) => setChecked(event.target.checked)}
              />
              {problem ? <ProblemAlert error={problem} /> : null}
              <div>
                <Button disabled={!checked} onClick={() => void approve()}>
                  {s('Godkjenn bunten', 'Godkjenn bunten')}
                </Button>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

const RUN_STATUS: Record<PayoutRun['status'], [string, string]> = {
  queued: ['I kø', 'I kø'],
  running: ['Kjører', 'Køyrer'],
  completed: ['Fullført', 'Fullført'],
  refused: ['Avvist', 'Avvist'],
};

/** Payouts: start a run for a kap./post (what is due up to a date), and the runs started before. */
export function PayoutsPage() {
  const s = useText();
  const navigate = useNavigate();
  const runs = useLoad(() => answer<PayoutRun[]>(api.GET('/payments/runs')), []);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();

  async function start(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setProblem(undefined);
    const form = new FormData(event.currentTarget);
    const text = (name: string): string => String(form.get(name) ?? '').trim();
    const errors: Record<string, string> = {};
    if (!/^\d{4}$/.test(text('budgetYear')))
      errors.budgetYear = s('«Budsjettår» må være et årstall med fire siffer.', '«Budsjettår» må vere eit årstal med fire siffer.');
    if (!/^[1-9]\d{2,3}\.\d{2}$/.test(text('budgetPost')))
      errors.budgetPost = s('«Kapittel og post» skrives som kap.post, for eksempel 496.62.', '«Kapittel og post» blir skrive som kap.post, til dømes 496.62.');
    if (text('asOf') && !/^\d{4}-\d{2}-\d{2}$/.test(text('asOf')))
      errors.asOf = s('«Forfall til og med» må være en dato (ÅÅÅÅ-MM-DD).', '«Forfall til og med» må vere ein dato (ÅÅÅÅ-MM-DD).');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      const run = await answer<PayoutRun>(
        api.POST('/payments/runs', {
          body: { budgetYear: Number(text('budgetYear')), budgetPost: text('budgetPost'), ...(text('asOf') ? { asOf: text('asOf') } : {}) } as never,
        }),
      );
      navigate(`/okonomi/kjoringer/${run.id}`, {
        state: { flash: s(`Utbetalingskjøringen for ${run.budgetPost} er startet.`, `Utbetalingskøyringa for ${run.budgetPost} er starta.`) },
      });
    } catch (failure) {
      setProblem(failure);
    }
  }

  return (
    <Page title={s('Utbetalinger', 'Utbetalingar')}>
      <Paragraph>
        <Link to="/okonomi/bunter">{s('Betalingsbunter', 'Betalingsbuntar')}</Link> ·{' '}
        <Link to="/okonomi/per-capita">{s('Per capita-tilskudd', 'Per capita-tilskot')}</Link> ·{' '}
        <Link to="/okonomi/tilbakekreving">{s('Tilbakekreving', 'Tilbakekrevjing')}</Link> ·{' '}
        <Link to="/okonomi/budsjett">{s('Budsjettstatus', 'Budsjettstatus')}</Link> · <Link to="/rapporter">{s('Rapporter', 'Rapportar')}</Link>
      </Paragraph>
      <section className="section stack" aria-labelledby="ny-kjoring">
        <Heading level={2} data-size="md" id="ny-kjoring">
          {s('Start utbetalingskjøring', 'Start utbetalingskøyring')}
        </Heading>
        <Paragraph>
          {s(
            'Kjøringen samler det som har forfalt på posten i en betalingsbunt, som en annen i økonomi godkjenner.',
            'Køyringa samlar det som har forfalle på posten i ein betalingsbunt, som ein annan i økonomi godkjenner.',
          )}
        </Paragraph>
        <form onSubmit={(event) => void start(event)} className="stack" noValidate>
          <Textfield
            label={s('Budsjettår', 'Budsjettår')}
            name="budgetYear"
            inputMode="numeric"
            defaultValue={String(new Date().getFullYear())}
            error={fieldErrors.budgetYear}
          />
          <Textfield
            label={s('Kapittel og post', 'Kapittel og post')}
            name="budgetPost"
            description={s('For eksempel 496.62', 'Til dømes 496.62')}
            error={fieldErrors.budgetPost}
          />
          <Textfield
            label={s('Forfall til og med (valgfritt)', 'Forfall til og med (valfritt)')}
            name="asOf"
            description={s('ÅÅÅÅ-MM-DD; tomt betyr i dag.', 'ÅÅÅÅ-MM-DD; tomt tyder i dag.')}
            error={fieldErrors.asOf}
          />
          {problem ? <ProblemAlert error={problem} /> : null}
          <div>
            <Button type="submit">{s('Start utbetalingskjøring', 'Start utbetalingskøyring')}</Button>
          </div>
        </form>
      </section>
      <section className="section" aria-labelledby="kjoringer">
        <Heading level={2} data-size="md" id="kjoringer">
          {s('Kjøringer', 'Køyringar')}
        </Heading>
        {runs.error ? <ProblemAlert error={runs.error} /> : null}
        {!runs.data && !runs.error ? <Loading /> : null}
        {runs.data?.length === 0 ? <Paragraph>{s('Ingen kjøringer ennå.', 'Ingen køyringar enno.')}</Paragraph> : null}
        <ul className="task-list">
          {runs.data?.map((run) => (
            <li key={run.id}>
              <Link to={`/okonomi/kjoringer/${run.id}`}>
                {run.budgetPost} ({run.budgetYear}), {s('forfall til', 'forfall til')} {formatDate(run.asOf)}
              </Link>{' '}
              <span>
                {s(...RUN_STATUS[run.status])}, {run.paymentsCreated} {s('betalinger', 'betalingar')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

/** One payout run, followed until the worker has finished it, then the way to its batch. */
export function PayoutRunPage() {
  const s = useText();
  const { id = '' } = useParams();
  const run = useLoad(() => answer<PayoutRun>(api.GET('/payments/runs/{id}', { params: { path: { id } } })), [id]);
  const current = run.data;
  const again = current !== undefined && (current.status === 'queued' || current.status === 'running');
  useEffect(() => {
    if (!again) return undefined;
    const timer = window.setTimeout(run.reload, 1000);
    return () => window.clearTimeout(timer);
  });
  return (
    <Page
      title={
        current ? s(`Utbetalingskjøring ${current.budgetPost}`, `Utbetalingskøyring ${current.budgetPost}`) : s('Utbetalingskjøring', 'Utbetalingskøyring')
      }
    >
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
              <dd>{current.budgetPost}</dd>
            </div>
            {current.kind === 'per-capita' ? (
              <div>
                <dt>{s('Ordning og periode', 'Ordning og periode')}</dt>
                <dd>
                  {current.schemeCode} {current.period}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{current.kind === 'per-capita' ? s('Betalingsdato', 'Betalingsdato') : s('Forfall til og med', 'Forfall til og med')}</dt>
              <dd>{formatDate(current.asOf)}</dd>
            </div>
          </dl>
          <p role="status" aria-live="polite" id="kjoring-status">
            {current.status === 'refused'
              ? s(`Avvist: ${current.refused?.message ?? ''}`, `Avvist: ${current.refused?.message ?? ''}`)
              : current.status === 'completed'
                ? s(`Fullført: ${current.paymentsCreated} betalinger laget.`, `Fullført: ${current.paymentsCreated} betalingar laga.`)
                : s(
                    `${RUN_STATUS[current.status][0]}: venter på at kjøringen blir ferdig.`,
                    `${RUN_STATUS[current.status][1]}: ventar på at køyringa blir ferdig.`,
                  )}
          </p>
          {current.skipped && current.skipped.length > 0 ? (
            <Alert data-color="warning">
              <Paragraph>{s('Disse fikk ingen betaling:', 'Desse fekk inga betaling:')}</Paragraph>
              <ul>
                {current.skipped.map((skip) => (
                  <li key={skip.organisationNumber}>
                    {skip.organisationNumber}: {skip.message}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {current.status === 'completed' ? (
            <Paragraph>
              {current.batchId ? (
                <Link to={`/okonomi/bunter/${current.batchId}`}>{s('Åpne betalingsbunten', 'Opne betalingsbunten')}</Link>
              ) : (
                s('Kjøringen laget ingen bunt.', 'Køyringa laga ingen bunt.')
              )}
            </Paragraph>
          ) : null}
          <Paragraph>
            <Link to="/okonomi">{s('Tilbake til utbetalinger', 'Tilbake til utbetalingar')}</Link>
          </Paragraph>
        </>
      ) : null}
    </Page>
  );
}
