import { Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { answer, api } from '../api/client';
import type { PublicJournalLine } from '../api/views';
import { dateText } from '../format';
import { addMessages, useLanguage } from '../i18n';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';

addMessages({
  nb: {
    'publicJournal.title': 'Offentlig journal',
    'publicJournal.lead':
      'Dokumenter IMDi har mottatt, sendt og skrevet i tilskuddssaker, etter offentleglova. Navn på privatpersoner er fjernet, og skjermede opplysninger er ikke vist. Du kan be om innsyn i dokumentene.',
    'publicJournal.from': 'Fra dato',
    'publicJournal.to': 'Til dato',
    'publicJournal.show': 'Vis journalen',
    'publicJournal.count': '{count} journalposter fra {from} til {to}',
    'publicJournal.countOne': '1 journalpost fra {from} til {to}',
    'publicJournal.none': 'Ingen journalposter i denne perioden.',
    'publicJournal.case': 'Sak',
    'publicJournal.journalNumber': 'Journalnummer',
    'publicJournal.journalDate': 'Journaldato',
    'publicJournal.documentDate': 'Dokumentdato',
    'publicJournal.type': 'Dokumenttype',
    'publicJournal.parties': 'Avsender/mottaker',
    'publicJournal.unit': 'Ansvarlig enhet',
    'publicJournal.screened': 'Skjermet',
    'publicJournal.answeredBy': 'Besvart med',
    'publicJournal.export': 'Last ned journalen for {day}:',
    'type.Inngående dokument': 'Inngående dokument',
    'type.Utgående dokument': 'Utgående dokument',
    'type.Organinternt dokument for oppfølging': 'Internt dokument for oppfølging',
    'type.Organinternt dokument uten oppfølging': 'Internt dokument uten oppfølging',
  },
  nn: {
    'publicJournal.title': 'Offentleg journal',
    'publicJournal.lead':
      'Dokument IMDi har motteke, sendt og skrive i tilskotssaker, etter offentleglova. Namn på privatpersonar er fjerna, og skjerma opplysningar er ikkje viste. Du kan be om innsyn i dokumenta.',
    'publicJournal.from': 'Frå dato',
    'publicJournal.to': 'Til dato',
    'publicJournal.show': 'Vis journalen',
    'publicJournal.count': '{count} journalpostar frå {from} til {to}',
    'publicJournal.countOne': '1 journalpost frå {from} til {to}',
    'publicJournal.none': 'Ingen journalpostar i denne perioden.',
    'publicJournal.case': 'Sak',
    'publicJournal.journalNumber': 'Journalnummer',
    'publicJournal.journalDate': 'Journaldato',
    'publicJournal.documentDate': 'Dokumentdato',
    'publicJournal.type': 'Dokumenttype',
    'publicJournal.parties': 'Avsendar/mottakar',
    'publicJournal.unit': 'Ansvarleg eining',
    'publicJournal.screened': 'Skjerma',
    'publicJournal.answeredBy': 'Svart med',
    'publicJournal.export': 'Last ned journalen for {day}:',
    'type.Inngående dokument': 'Inngåande dokument',
    'type.Utgående dokument': 'Utgåande dokument',
    'type.Organinternt dokument for oppfølging': 'Internt dokument for oppfølging',
    'type.Organinternt dokument uten oppfølging': 'Internt dokument utan oppfølging',
  },
});

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function osloToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The public journal (offentleglova): no login; public titles only, persons and screened fields masked. */
export function PublicJournalPage() {
  const { t, language } = useLanguage();
  const [query, setQuery] = useSearchParams();
  const today = osloToday();
  const asked = (name: string): string | undefined => {
    const value = query.get(name);
    return value !== null && DAY_PATTERN.test(value) ? value : undefined;
  };
  const to = asked('til') ?? today;
  const from = asked('fra') ?? daysBefore(to, 7);
  const lines = useLoad(() => answer<PublicJournalLine[]>(api.GET('/public-journal', { params: { query: { from, to } } })), [from, to]);

  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setQuery({ fra: String(form.get('fra') ?? from), til: String(form.get('til') ?? to) });
  };

  return (
    <Page title={t('publicJournal.title')} lead={t('publicJournal.lead')}>
      <form className="filter-grid journal-period" onSubmit={choose} aria-label={t('publicJournal.show')}>
        <Textfield label={t('publicJournal.from')} name="fra" type="date" defaultValue={from} key={`fra-${from}`} />
        <Textfield label={t('publicJournal.to')} name="til" type="date" defaultValue={to} key={`til-${to}`} />
        <Button type="submit" variant="secondary">
          {t('publicJournal.show')}
        </Button>
      </form>
      {from === to ? (
        <Paragraph data-size="sm">
          {t('publicJournal.export', { day: dateText(from, language) })} <a href={`/public-journal/export/${from}/csv`}>CSV</a>,{' '}
          <a href={`/public-journal/export/${from}/json`}>JSON</a>
        </Paragraph>
      ) : null}
      {lines.error ? <ProblemAlert error={lines.error} /> : !lines.data ? <Loading /> : null}
      {lines.data ? (
        <section className="section" aria-labelledby="journalposter">
          <Heading level={2} data-size="md" id="journalposter">
            {t(lines.data.length === 1 ? 'publicJournal.countOne' : 'publicJournal.count', {
              count: lines.data.length,
              from: dateText(from, language),
              to: dateText(to, language),
            })}
          </Heading>
          {lines.data.length === 0 ? <Paragraph>{t('publicJournal.none')}</Paragraph> : null}
          <ol className="journal-lines">
            {lines.data.map((line) => (
              <li key={line.journalnummer}>
                <Card data-color="neutral">
                  <Heading level={3} data-size="xs">
                    {line.tittel}
                  </Heading>
                  <Paragraph data-size="sm">
                    {t('publicJournal.case')} {line.saksnummer}: {line.sakstittel}
                  </Paragraph>
                  <dl className="journal-facts">
                    <dt>{t('publicJournal.journalNumber')}</dt>
                    <dd>
                      {line.journalnummer} ({line.saksnummer}-{line.dokumentnummer})
                    </dd>
                    <dt>{t('publicJournal.type')}</dt>
                    <dd>{t(`type.${line.journalposttype}`)}</dd>
                    <dt>{t('publicJournal.journalDate')}</dt>
                    <dd>{dateText(line.journaldato, language)}</dd>
                    <dt>{t('publicJournal.documentDate')}</dt>
                    <dd>{dateText(line.dokumentdato, language)}</dd>
                    {line.avsenderMottaker.length > 0 ? (
                      <>
                        <dt>{t('publicJournal.parties')}</dt>
                        <dd>{line.avsenderMottaker.join(', ')}</dd>
                      </>
                    ) : null}
                    <dt>{t('publicJournal.unit')}</dt>
                    <dd>{line.administrativEnhet}</dd>
                    {line.skjermingshjemmel ? (
                      <>
                        <dt>{t('publicJournal.screened')}</dt>
                        <dd>{line.skjermingshjemmel}</dd>
                      </>
                    ) : null}
                    {line.avskrevetAv ? (
                      <>
                        <dt>{t('publicJournal.answeredBy')}</dt>
                        <dd>{line.avskrevetAv}</dd>
                      </>
                    ) : null}
                  </dl>
                </Card>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Page>
  );
}
