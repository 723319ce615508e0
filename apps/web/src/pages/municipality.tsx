import { Alert, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { answer, api } from '../api/client';
import type { AssignmentLetterView, PerCapitaSettlementView } from '../api/views';
import { dateText, kroner } from '../format';
import { addMessages, useLanguage } from '../i18n';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';

addMessages({
  nb: {
    'municipality.title': 'Kommunens oppdrag',
    'municipality.lead': 'Oppdragsbrevene IMDi har sendt kommunen, og oppgjørene av per capita-tilskudd.',
    'municipality.letters': 'Oppdragsbrev',
    'municipality.none': 'Kommunen har ikke fått noen oppdragsbrev.',
    'municipality.frame': 'Ramme: {amount}',
    'municipality.date': 'Datert {date}',
    'municipality.open': 'Åpne oppdragsbrevet for {year} (PDF, åpnes i ny fane)',
    'home.municipality': 'Kommunens oppdragsbrev',
    'settlements.title': 'Per capita-tilskudd',
    'settlements.lead':
      'Oppgjørene IMDi har gjort for kommunen: hvor mange personer og hvilke satser hver periode er beregnet for, beløpet og når det ble utbetalt.',
    'settlements.none': 'Kommunen har ingen oppgjør av per capita-tilskudd ennå.',
    'settlements.caption': 'Oppgjør av per capita-tilskudd, nyeste først',
    'settlements.period': 'Periode',
    'settlements.scheme': 'Ordning',
    'settlements.persons': 'Personer',
    'settlements.rate': 'Sats per person og år',
    'settlements.amount': 'Beløp',
    'settlements.paidOn': 'Utbetalt',
    'settlements.quarter': '{quarter}. kvartal {year}',
    'settlements.followUp': 'etteroppgjør {number}',
    'settlements.ratePersons': '{label}: {persons} × {rate}',
    'settlements.notPaid': 'Ikke utbetalt',
    'settlements.owed': 'Perioden i alt: {amount}',
    'settlements.credit': 'For mye utbetalt tidligere: {amount}, trekkes fra neste utbetaling',
  },
  nn: {
    'municipality.title': 'Oppdraga til kommunen',
    'municipality.lead': 'Oppdragsbreva IMDi har sendt kommunen, og oppgjera av per capita-tilskot.',
    'municipality.letters': 'Oppdragsbrev',
    'municipality.none': 'Kommunen har ikkje fått nokon oppdragsbrev.',
    'municipality.frame': 'Ramme: {amount}',
    'municipality.date': 'Datert {date}',
    'municipality.open': 'Opne oppdragsbrevet for {year} (PDF, blir opna i ny fane)',
    'home.municipality': 'Oppdragsbreva til kommunen',
    'settlements.title': 'Per capita-tilskot',
    'settlements.lead': 'Oppgjera IMDi har gjort for kommunen: kor mange personar og kva satsar kvar periode er rekna for, beløpet og når det vart utbetalt.',
    'settlements.none': 'Kommunen har ingen oppgjer av per capita-tilskot enno.',
    'settlements.caption': 'Oppgjer av per capita-tilskot, nyaste først',
    'settlements.period': 'Periode',
    'settlements.scheme': 'Ordning',
    'settlements.persons': 'Personar',
    'settlements.rate': 'Sats per person og år',
    'settlements.amount': 'Beløp',
    'settlements.paidOn': 'Utbetalt',
    'settlements.quarter': '{quarter}. kvartal {year}',
    'settlements.followUp': 'etteroppgjer {number}',
    'settlements.ratePersons': '{label}: {persons} × {rate}',
    'settlements.notPaid': 'Ikkje utbetalt',
    'settlements.owed': 'Perioden i alt: {amount}',
    'settlements.credit': 'For mykje utbetalt tidlegare: {amount}, blir trekt frå neste utbetaling',
  },
});

/** A municipality's assignment letters (oppdragsbrev), each PDF in a new tab, and its per-capita settlements. */
export function MunicipalityPage() {
  const { t, language } = useLanguage();
  const { data, error } = useLoad(() => answer<AssignmentLetterView[]>(api.GET('/assignment-letters')), []);
  const settlements = useLoad(() => answer<PerCapitaSettlementView[]>(api.GET('/per-capita-settlements')), []);
  return (
    <Page title={t('municipality.title')} lead={t('municipality.lead')}>
      {error ? <ProblemAlert error={error} /> : !data ? <Loading /> : null}
      {data ? (
        <section className="section" aria-labelledby="oppdragsbrev">
          <Heading level={2} data-size="md" id="oppdragsbrev">
            {t('municipality.letters')}
          </Heading>
          {data.length === 0 ? (
            <Alert data-color="info">{t('municipality.none')}</Alert>
          ) : (
            <div className="cards">
              {data.map((letter) => (
                <Card key={letter.id} data-color="neutral">
                  <Heading level={3} data-size="xs">
                    {letter.schemeName[language]} {letter.budgetYear}
                  </Heading>
                  <Paragraph data-size="sm">
                    {t('municipality.frame', { amount: kroner(letter.frameNok) })} · {t('municipality.date', { date: dateText(letter.date, language) })}
                  </Paragraph>
                  <a href={`/assignment-letters/${letter.id}`} target="_blank" rel="noopener noreferrer">
                    {t('municipality.open', { year: String(letter.budgetYear) })}
                  </a>
                </Card>
              ))}
            </div>
          )}
        </section>
      ) : null}
      {settlements.error ? <ProblemAlert error={settlements.error} /> : null}
      {settlements.data ? <SettlementsSection settlements={settlements.data} /> : null}
    </Page>
  );
}

function periodText(period: string, t: ReturnType<typeof useLanguage>['t']): string {
  const [, year, quarter] = /^(\d{4})-Q([1-4])$/.exec(period) ?? [];
  return year && quarter ? t('settlements.quarter', { quarter, year }) : period;
}

/** The municipality's per-capita settlements: a table in its own scrolling region, so the page reflows at 320 px. */
function SettlementsSection({ settlements }: { readonly settlements: readonly PerCapitaSettlementView[] }) {
  const { t, language } = useLanguage();
  return (
    <section className="section" aria-labelledby="per-capita">
      <Heading level={2} data-size="md" id="per-capita">
        {t('settlements.title')}
      </Heading>
      <Paragraph>{t('settlements.lead')}</Paragraph>
      {settlements.length === 0 ? (
        <Alert data-color="info">{t('settlements.none')}</Alert>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="per-capita-caption">
          <Table>
            <caption id="per-capita-caption">{t('settlements.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('settlements.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('settlements.scheme')}</Table.HeaderCell>
                <Table.HeaderCell className="number">{t('settlements.persons')}</Table.HeaderCell>
                <Table.HeaderCell>{t('settlements.rate')}</Table.HeaderCell>
                <Table.HeaderCell className="number">{t('settlements.amount')}</Table.HeaderCell>
                <Table.HeaderCell>{t('settlements.paidOn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {settlements.map((line) => (
                <Table.Row key={line.id}>
                  <Table.Cell>
                    {periodText(line.period, t)}
                    {line.sequence > 1 ? ` (${t('settlements.followUp', { number: String(line.sequence - 1) })})` : null}
                  </Table.Cell>
                  <Table.Cell>{line.schemeName[language]}</Table.Cell>
                  <Table.Cell className="number">{line.persons}</Table.Cell>
                  <Table.Cell>
                    <ul className="plain">
                      {line.rates.map((rate) => (
                        <li key={rate.rateCode}>
                          {t('settlements.ratePersons', { label: rate.label, persons: String(rate.persons), rate: kroner(rate.rateNok) })}
                        </li>
                      ))}
                    </ul>
                  </Table.Cell>
                  <Table.Cell className="number">
                    {kroner(line.paidNok)}
                    {line.differenceNok.startsWith('-') ? (
                      <div className="note">{t('settlements.credit', { amount: kroner(line.differenceNok.slice(1)) })}</div>
                    ) : line.paidNok !== line.owedNok ? (
                      <div className="note">{t('settlements.owed', { amount: kroner(line.owedNok) })}</div>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell>{line.paidOn ? dateText(line.paidOn, language) : t('settlements.notPaid')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
