import { Alert, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { answer, api } from '../api/client';
import type { AssignmentLetterView } from '../api/views';
import { dateText, kroner } from '../format';
import { addMessages, useLanguage } from '../i18n';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';

addMessages({
  nb: {
    'municipality.title': 'Kommunens oppdrag',
    'municipality.lead': 'Oppdragsbrevene IMDi har sendt kommunen: ordningen kommunen forvalter, året og rammen.',
    'municipality.letters': 'Oppdragsbrev',
    'municipality.none': 'Kommunen har ikke fått noen oppdragsbrev.',
    'municipality.frame': 'Ramme: {amount}',
    'municipality.date': 'Datert {date}',
    'municipality.open': 'Åpne oppdragsbrevet for {year} (PDF, åpnes i ny fane)',
    'home.municipality': 'Kommunens oppdragsbrev',
  },
  nn: {
    'municipality.title': 'Oppdraga til kommunen',
    'municipality.lead': 'Oppdragsbreva IMDi har sendt kommunen: ordninga kommunen forvaltar, året og ramma.',
    'municipality.letters': 'Oppdragsbrev',
    'municipality.none': 'Kommunen har ikkje fått nokon oppdragsbrev.',
    'municipality.frame': 'Ramme: {amount}',
    'municipality.date': 'Datert {date}',
    'municipality.open': 'Opne oppdragsbrevet for {year} (PDF, blir opna i ny fane)',
    'home.municipality': 'Oppdragsbreva til kommunen',
  },
});

/** A municipality's assignment letters (oppdragsbrev): scheme, year, frame and date, each PDF in a new tab. */
export function MunicipalityPage() {
  const { t, language } = useLanguage();
  const { data, error } = useLoad(() => answer<AssignmentLetterView[]>(api.GET('/assignment-letters')), []);
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
    </Page>
  );
}
