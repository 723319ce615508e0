import { Heading, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { Link, useSearchParams } from 'react-router';
import { answer, api } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { BUDGET_WORDS, formatNok, useText } from './text';

interface Position {
  readonly frameNok: string;
  readonly committedNok: string;
  readonly paidNok: string;
  readonly reclaimedNok: string;
  readonly availableNok: string;
}

interface PostStatus extends Position {
  readonly budgetPost: string;
  readonly name: string;
  readonly estimate: boolean;
  readonly transferable: boolean;
  readonly earmarkedNok: string;
  readonly exceededByNok: string;
  readonly earmarks: ReadonlyArray<Position & { readonly code: string; readonly name: string }>;
}

interface BudgetStatus {
  readonly budgetYear: number;
  readonly asOf: string | null;
  readonly posts: readonly PostStatus[];
  readonly totals: Position;
}

/** Share of the frame, in whole per cent, for display (the figures themselves stay exact strings). */
function share(part: string, whole: string): number {
  const frame = Number(whole);
  if (!(frame > 0)) return 0;
  return Math.max(0, Math.round((Number(part) / frame) * 100));
}

/** Finance: the year's status per kap./post as a chart of budget use and, with the same figures, as a table. */
export function BudgetPage() {
  const s = useText();
  const w = (key: keyof typeof BUDGET_WORDS) => s(BUDGET_WORDS[key][0], BUDGET_WORDS[key][1]);
  const [params, setParams] = useSearchParams();
  const years = useLoad(() => answer<{ years: number[] }>(api.GET('/budget')), []);
  const latest = years.data?.years.length ? Math.max(...years.data.years) : undefined;
  const year = Number(params.get('ar')) || latest;
  const status = useLoad(() => (year ? answer<BudgetStatus>(api.GET('/budget/{year}', { params: { path: { year } } })) : Promise.resolve(undefined)), [year]);
  const data = status.data;
  return (
    <Page title={s('Budsjettstatus per kap./post', 'Budsjettstatus per kap./post')}>
      <Paragraph>
        <Link to="/okonomi">{s('Utbetalinger', 'Utbetalingar')}</Link> · <Link to="/rapporter">{s('Rapporter med prognose', 'Rapportar med prognose')}</Link>
      </Paragraph>
      <Paragraph>
        {s(
          `${w('available')} er ${w('frame').toLowerCase()} minus ${w('committed').toLowerCase()} og ${w('paid').toLowerCase()}, pluss ${w('reclaimed').toLowerCase()}. Prognosen for resten av året står i rapporten «Regnskapsstatus».`,
          `${w('available')} er ${w('frame').toLowerCase()} minus ${w('committed').toLowerCase()} og ${w('paid').toLowerCase()}, pluss ${w('reclaimed').toLowerCase()}. Prognosen for resten av året står i rapporten «Rekneskapsstatus».`,
        )}
      </Paragraph>
      {years.error ? <ProblemAlert error={years.error} /> : null}
      {years.data && years.data.years.length > 0 ? (
        <div className="stack">
          <label htmlFor="budsjettar">{s('Budsjettår', 'Budsjettår')}</label>
          <Select id="budsjettar" value={String(year ?? '')} onChange={(event) => setParams({ ar: event.target.value })}>
            {[...years.data.years]
              .sort((a, b) => b - a)
              .map((entry) => (
                <Select.Option key={entry} value={String(entry)}>
                  {entry}
                </Select.Option>
              ))}
          </Select>
        </div>
      ) : null}
      {years.data?.years.length === 0 ? <Paragraph>{s('Ingen år har rammer ennå.', 'Ingen år har rammer enno.')}</Paragraph> : null}
      {status.error ? <ProblemAlert error={status.error} /> : null}
      {year && !data && !status.error ? <Loading /> : null}
      {data ? (
        <>
          <section className="section stack" aria-labelledby="forbruk">
            <Heading level={2} data-size="md" id="forbruk">
              {s(`Forbruk av rammen ${data.budgetYear}`, `Forbruk av ramma ${data.budgetYear}`)}
            </Heading>
            <Paragraph>{s('Samme tall står i tabellen under diagrammet.', 'Dei same tala står i tabellen under diagrammet.')}</Paragraph>
            <ul className="budget-legend" aria-label={s('Forklaring', 'Forklaring')}>
              <li>
                <span className="swatch" style={{ background: '#1e4f8a' }} aria-hidden="true" />
                {w('paid')}
              </li>
              <li>
                <span
                  className="swatch"
                  style={{ background: 'repeating-linear-gradient(45deg, #c26b00, #c26b00 4px, #e8a33d 4px, #e8a33d 8px)' }}
                  aria-hidden="true"
                />
                {w('committed')}
              </li>
              <li>
                <span className="swatch" style={{ background: '#ffffff' }} aria-hidden="true" />
                {w('available')}
              </li>
            </ul>
            <ul className="budget-bars">
              {data.posts.map((post) => {
                const paid = share(post.paidNok, post.frameNok) - share(post.reclaimedNok, post.frameNok);
                const committed = share(post.committedNok, post.frameNok);
                const available = Math.max(0, 100 - paid - committed);
                const scale = Math.max(100, paid + committed);
                return (
                  <li key={post.budgetPost} className="stack">
                    <span>
                      <strong>
                        {post.budgetPost} {post.name}
                      </strong>
                      :{' '}
                      {s(
                        `${w('paid').toLowerCase()} ${Math.max(0, paid)} %, ${w('committed').toLowerCase()} ${committed} %, ${w('available').toLowerCase()} ${available} % av ${w('frame').toLowerCase()} ${formatNok(post.frameNok)}`,
                        `${w('paid').toLowerCase()} ${Math.max(0, paid)} %, ${w('committed').toLowerCase()} ${committed} %, ${w('available').toLowerCase()} ${available} % av ${w('frame').toLowerCase()} ${formatNok(post.frameNok)}`,
                      )}
                      {Number(post.exceededByNok) > 0 ? `. ${w('exceeded')}: ${formatNok(post.exceededByNok)}` : ''}
                    </span>
                    <span className="budget-bar" aria-hidden="true">
                      <span className="paid" style={{ width: `${(Math.max(0, paid) / scale) * 100}%` }} />
                      <span className="committed" style={{ width: `${(committed / scale) * 100}%` }} />
                      <span className="available" style={{ width: `${(available / scale) * 100}%` }} />
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>

          <section className="section" aria-labelledby="budsjettabell">
            <Heading level={2} data-size="md" id="budsjettabell">
              {s(`Tall per kap./post ${data.budgetYear}`, `Tal per kap./post ${data.budgetYear}`)}
            </Heading>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="budsjettabell">
              <Table>
                <caption className="visually-hidden">{s(`Budsjettstatus ${data.budgetYear} i kroner`, `Budsjettstatus ${data.budgetYear} i kroner`)}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{s('Kap./post', 'Kap./post')}</Table.HeaderCell>
                    <Table.HeaderCell>{w('frame')}</Table.HeaderCell>
                    <Table.HeaderCell>{w('earmarked')}</Table.HeaderCell>
                    <Table.HeaderCell>{w('committed')}</Table.HeaderCell>
                    <Table.HeaderCell>{w('paid')}</Table.HeaderCell>
                    <Table.HeaderCell>{w('reclaimed')}</Table.HeaderCell>
                    <Table.HeaderCell>{w('available')}</Table.HeaderCell>
                    <Table.HeaderCell>{w('exceeded')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.posts.map((post) => (
                    <Table.Row key={post.budgetPost}>
                      <Table.HeaderCell scope="row">
                        {post.budgetPost} {post.name}
                        {post.estimate ? <span className="muted"> ({s('overslagsbevilgning', 'overslagsløyving')})</span> : null}
                      </Table.HeaderCell>
                      <Table.Cell className="number">{formatNok(post.frameNok)}</Table.Cell>
                      <Table.Cell className="number">{formatNok(post.earmarkedNok)}</Table.Cell>
                      <Table.Cell className="number">{formatNok(post.committedNok)}</Table.Cell>
                      <Table.Cell className="number">{formatNok(post.paidNok)}</Table.Cell>
                      <Table.Cell className="number">{formatNok(post.reclaimedNok)}</Table.Cell>
                      <Table.Cell className="number">{formatNok(post.availableNok)}</Table.Cell>
                      <Table.Cell className="number">{formatNok(post.exceededByNok)}</Table.Cell>
                    </Table.Row>
                  ))}
                  <Table.Row>
                    <Table.HeaderCell scope="row">{s('Sum', 'Sum')}</Table.HeaderCell>
                    <Table.Cell className="number">{formatNok(data.totals.frameNok)}</Table.Cell>
                    <Table.Cell className="number">–</Table.Cell>
                    <Table.Cell className="number">{formatNok(data.totals.committedNok)}</Table.Cell>
                    <Table.Cell className="number">{formatNok(data.totals.paidNok)}</Table.Cell>
                    <Table.Cell className="number">{formatNok(data.totals.reclaimedNok)}</Table.Cell>
                    <Table.Cell className="number">{formatNok(data.totals.availableNok)}</Table.Cell>
                    <Table.Cell className="number">–</Table.Cell>
                  </Table.Row>
                </Table.Body>
              </Table>
            </div>
          </section>
        </>
      ) : null}
    </Page>
  );
}
