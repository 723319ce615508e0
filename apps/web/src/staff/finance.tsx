import { Alert, Button, Checkbox, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { answer, api } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { formatDate, formatNok, useText } from './text';
import type { Batch, BatchLines } from './views';

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
              {s('Bunt', 'Bunt')} {batch.budgetYear} {s('kap./post', 'kap./post')} {batch.budgetPost}: {batch.numberOfPayments} {s('betalinger', 'betalingar')}, {formatNok(batch.totalNok)}
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
  const view = useLoad(() => answer<BatchLines>(api.GET('/payments/batches/{id}/lines', { params: { path: { id }, query: { page, pageSize: 50, ...(search ? { search } : {}) } } })), [id, page, search]);

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
        <Link to="/okonomi/bunter">{s('Alle bunter', 'Alle buntar')}</Link>
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
              <dd>{data.batch.status === 'prepared' ? s('Venter på godkjenning', 'Ventar på godkjenning') : s(`Godkjent av ${data.batch.approvedBy}`, `Godkjend av ${data.batch.approvedBy}`)}</dd>
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
              <Textfield label={s('Saksnummer, organisasjonsnummer eller referanse', 'Saksnummer, organisasjonsnummer eller referanse')} name="search" defaultValue={search} />
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
                <Button variant="secondary" disabled={page * data.pageSize >= data.matching} onClick={() => setParams({ ...(search ? { search } : {}), side: String(page + 1) })}>
                  {s('Neste side', 'Neste side')}
                </Button>
              </nav>
            ) : null}
          </section>

          {data.batch.status === 'prepared' ? (
            <section className="section stack" aria-labelledby="godkjenn">
              <Heading level={2} data-size="md" id="godkjenn">
                {s('Godkjenn bunten', 'Godkjenn bunten')}
              </Heading>
              <Paragraph>{s('Bunten må godkjennes av en annen enn den som laget den.', 'Bunten må godkjennast av ein annan enn den som laga han.')}</Paragraph>
              <Checkbox label={s('Jeg har kontrollert mottakere, kontonumre og beløp', 'Eg har kontrollert mottakarar, kontonummer og beløp')} checked={checked} onChange={(event) => setChecked(event.target.checked)} />
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
