import { Alert, Heading, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { Link, useSearchParams } from 'react-router';
import { answer, api } from '../api/client';
import type { BudgetStatus, BudgetYears } from '../api/views';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { BUDGET_WORDS, formatDate, formatNok, useText } from './text';

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
  const years = useLoad(() => answer<BudgetYears>(api.GET('/budget')), []);
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
          `${w('available')} er ${w('frame').toLowerCase()} minus ${w('committed').toLowerCase()} og ${w('paid').toLowerCase()}, pluss ${w('reclaimed').toLowerCase()}. Prognosen for resten av året står under tabellen, regnet på samme måte som i rapporten «Regnskapsstatus».`,
          `${w('available')} er ${w('frame').toLowerCase()} minus ${w('committed').toLowerCase()} og ${w('paid').toLowerCase()}, pluss ${w('reclaimed').toLowerCase()}. Prognosen for resten av året står under tabellen, rekna på same måten som i rapporten «Rekneskapsstatus».`,
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
              <li>
                <span className="swatch forecast-swatch" aria-hidden="true" />
                {w('paidByYearEnd')}
              </li>
            </ul>
            <ul className="budget-bars">
              {data.posts.map((post) => {
                const paid = share(post.paidNok, post.frameNok) - share(post.reclaimedNok, post.frameNok);
                const committed = share(post.committedNok, post.frameNok);
                const available = Math.max(0, 100 - paid - committed);
                const forecast = share(post.forecast.paidByYearEndNok, post.frameNok) - share(post.reclaimedNok, post.frameNok);
                const scale = Math.max(100, paid + committed, forecast);
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
                      {s(
                        `; ${w('paidByYearEnd').toLowerCase()} ${Math.max(0, forecast)} % (${formatNok(post.forecast.paidByYearEndNok)})`,
                        `; ${w('paidByYearEnd').toLowerCase()} ${Math.max(0, forecast)} % (${formatNok(post.forecast.paidByYearEndNok)})`,
                      )}
                    </span>
                    <span className="budget-bar" aria-hidden="true">
                      <span className="paid" style={{ width: `${(Math.max(0, paid) / scale) * 100}%` }} />
                      <span className="committed" style={{ width: `${(committed / scale) * 100}%` }} />
                      <span className="available" style={{ width: `${(available / scale) * 100}%` }} />
                      <span className="forecast-marker" style={{ left: `calc(${(Math.max(0, forecast) / scale) * 100}% - 2px)` }} />
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

          <ForecastSection data={data} />
        </>
      ) : null}
    </Page>
  );
}

/** The year-end forecast per kap./post: its rule in words, then the figures in a table. */
function ForecastSection({ data }: { readonly data: BudgetStatus }) {
  const s = useText();
  const w = (key: keyof typeof BUDGET_WORDS) => s(BUDGET_WORDS[key][0], BUDGET_WORDS[key][1]);
  const year = data.budgetYear;
  const cutOff = formatDate(data.forecastCutOff);
  const unavailable = data.totals.forecast.perCapitaUnavailable;
  const columns = ['paid', 'dueUnpaid', 'plannedRestOfYear', 'perCapitaRestOfYear', 'paidByYearEnd', 'remainingAtYearEnd', 'heldBack'] as const;
  const figures = (position: BudgetStatus['totals']): Record<(typeof columns)[number], string> => ({
    paid: position.paidNok,
    dueUnpaid: position.forecast.dueUnpaidNok,
    plannedRestOfYear: position.forecast.plannedRestOfYearNok,
    perCapitaRestOfYear: position.forecast.perCapitaRestOfYearNok,
    paidByYearEnd: position.forecast.paidByYearEndNok,
    remainingAtYearEnd: position.forecast.remainingAtYearEndNok,
    heldBack: position.forecast.heldBackNok,
  });
  return (
    <section className="section stack" aria-labelledby="prognose">
      <Heading level={2} data-size="md" id="prognose">
        {s(`Prognose for resten av ${year}`, `Prognose for resten av ${year}`)}
      </Heading>
      <Paragraph>
        {s(
          `Prognosen viser hva hver kap./post vil ha utbetalt innen 31.12.${year} hvis alt som er planlagt, blir utbetalt, og hvor mye av rammen som da står igjen. Den er regnet per ${cutOff} slik:`,
          `Prognosen viser kva kvar kap./post vil ha betalt ut innan 31.12.${year} dersom alt som er planlagt, blir betalt ut, og kor mykje av ramma som då står att. Han er rekna per ${cutOff} slik:`,
        )}
      </Paragraph>
      <dl className="forecast-rule">
        <dt>{w('dueUnpaid')}</dt>
        <dd>
          {s(
            `planlagte utbetalinger av tilsagn som forfalt senest ${cutOff} og ennå ikke er utbetalt. Neste utbetalingskjøring betaler dem.`,
            `planlagde utbetalingar av tilsegn som forfall seinast ${cutOff} og enno ikkje er betalte ut. Neste utbetalingskøyring betaler dei.`,
          )}
        </dd>
        <dt>{w('plannedRestOfYear')}</dt>
        <dd>
          {s(
            `planlagte utbetalinger av tilsagn som forfaller etter ${cutOff} og senest 31.12.${year}.`,
            `planlagde utbetalingar av tilsegn som forfell etter ${cutOff} og seinast 31.12.${year}.`,
          )}
        </dd>
        <dt>{w('perCapitaRestOfYear')}</dt>
        <dd>
          {s(
            'det kommunene har krav på for hele året etter dagens bosettingsopplysninger og bekreftede satser, minus det per capita-kjøringene allerede har gjort opp.',
            'det kommunane har krav på for heile året etter dagens busetjingsopplysningar og stadfesta satsar, minus det per capita-køyringane alt har gjort opp.',
          )}
        </dd>
        <dt>{w('paidByYearEnd')}</dt>
        <dd>
          {s(
            `${w('paid')} + ${w('dueUnpaid').toLowerCase()} + ${w('plannedRestOfYear').toLowerCase()} + ${w('perCapitaRestOfYear').toLowerCase()}.`,
            `${w('paid')} + ${w('dueUnpaid').toLowerCase()} + ${w('plannedRestOfYear').toLowerCase()} + ${w('perCapitaRestOfYear').toLowerCase()}.`,
          )}
        </dd>
        <dt>{w('remainingAtYearEnd')}</dt>
        <dd>
          {s(
            `${w('frame')} − ${w('paidByYearEnd').toLowerCase()} + ${w('reclaimed').toLowerCase()}. Et negativt tall betyr at posten ventes å bli overskredet.`,
            `${w('frame')} − ${w('paidByYearEnd').toLowerCase()} + ${w('reclaimed').toLowerCase()}. Eit negativt tal tyder at posten er venta å bli overskriden.`,
          )}
        </dd>
      </dl>
      <Paragraph>
        {s(
          `Ikke med i prognosen: beløp som holdes tilbake til en rapport er godkjent (vist i kolonnen «${w('heldBack')}», fordi datoen ikke er kjent), tilsagn som ennå ikke er akseptert (de har ingen utbetalingsplan), og per capita-ordninger der årets satser ikke er bekreftet.`,
          `Ikkje med i prognosen: beløp som blir haldne tilbake til ein rapport er godkjend (vist i kolonnen «${w('heldBack')}», fordi datoen ikkje er kjend), tilsegn som enno ikkje er aksepterte (dei har inga utbetalingsplan), og per capita-ordningar der satsane for året ikkje er stadfesta.`,
        )}
      </Paragraph>
      {unavailable.length > 0 ? (
        <Alert data-color="warning">
          {s(
            `Per capita-prognosen mangler for ${unavailable.join(', ')}: årets satser er ikke bekreftet av administrator.`,
            `Per capita-prognosen manglar for ${unavailable.join(', ')}: satsane for året er ikkje stadfesta av administrator.`,
          )}
        </Alert>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="prognose">
        <Table>
          <caption className="visually-hidden">{s(`Prognose for ${year} i kroner`, `Prognose for ${year} i kroner`)}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s('Kap./post', 'Kap./post')}</Table.HeaderCell>
              {columns.map((column) => (
                <Table.HeaderCell key={column}>{w(column)}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.posts.map((post) => {
              const row = figures(post);
              return (
                <Table.Row key={post.budgetPost}>
                  <Table.HeaderCell scope="row">
                    {post.budgetPost} {post.name}
                  </Table.HeaderCell>
                  {columns.map((column) => (
                    <Table.Cell key={column} className="number">
                      {formatNok(row[column])}
                    </Table.Cell>
                  ))}
                </Table.Row>
              );
            })}
            <Table.Row>
              <Table.HeaderCell scope="row">{s('Sum', 'Sum')}</Table.HeaderCell>
              {columns.map((column) => (
                <Table.Cell key={column} className="number">
                  {formatNok(figures(data.totals)[column])}
                </Table.Cell>
              ))}
            </Table.Row>
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
