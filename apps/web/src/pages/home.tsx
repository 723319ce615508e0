import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { answer, api } from '../api/client';
import type { ApplicationSummary, OrganisationView, SchemeView } from '../api/views';
import { dateText, kroner } from '../format';
import { addMessages, useLanguage } from '../i18n';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { useSession } from '../session';
import { StatusTag } from '../status';

addMessages({
  nb: {
    'home.lead': 'Her ser du søknadene organisasjonen har begynt på eller sendt, og hva som skjer med dem.',
    'home.none': 'Organisasjonen har ingen søknader ennå.',
    'home.find': 'Finn en ordning å søke på',
    'home.drafts': 'Påbegynte søknader',
    'home.cases': 'Innsendte søknader og saker',
    'home.continue': 'Fortsett søknaden',
    'home.open': 'Se saken',
    'home.started': 'Påbegynt {date}',
    'home.submitted': 'Sendt {date} · saksnummer {caseNumber}',
    'home.requested': 'Søkt beløp: {amount}',
  },
  nn: {
    'home.lead': 'Her ser du søknadene organisasjonen har byrja på eller sendt, og kva som skjer med dei.',
    'home.none': 'Organisasjonen har ingen søknader enno.',
    'home.find': 'Finn ei ordning å søkje på',
    'home.drafts': 'Påbyrja søknader',
    'home.cases': 'Innsende søknader og saker',
    'home.continue': 'Hald fram med søknaden',
    'home.open': 'Sjå saka',
    'home.started': 'Påbyrja {date}',
    'home.submitted': 'Sendt {date} · saksnummer {caseNumber}',
    'home.requested': 'Søkt beløp: {amount}',
  },
});

export function schemeName(schemes: readonly SchemeView[] | undefined, code: string, language: 'nb' | 'nn'): string {
  return schemes?.find((scheme) => scheme.code === code)?.name[language] ?? code;
}

/** "Mine søknader og saker": drafts to continue and cases to follow, each with a status that says what it means. */
export function HomePage() {
  const { t, language } = useLanguage();
  const { session } = useSession();
  const acting = session.authenticated ? session.actingFor : null;
  const { data, error } = useLoad(async () => {
    const [applications, schemes, organisations] = await Promise.all([
      answer<ApplicationSummary[]>(api.GET('/applications')),
      answer<SchemeView[]>(api.GET('/schemes')),
      answer<OrganisationView[]>(api.GET('/organisations/mine')),
    ]);
    return {
      applications,
      schemes,
      municipality: organisations.some((organisation) => organisation.organisationNumber === acting && organisation.kind === 'kommune'),
    };
  }, [acting]);
  const drafts = data?.applications.filter((application) => application.status === 'draft') ?? [];
  const cases = data?.applications.filter((application) => application.status !== 'draft') ?? [];
  const entry = (application: ApplicationSummary, draft: boolean) => (
    <Card key={application.id} data-color="neutral">
      <Heading level={3} data-size="xs">
        {schemeName(data?.schemes, application.schemeCode, language)} {application.budgetYear}
      </Heading>
      <StatusTag status={application.status} />
      <Paragraph data-size="sm">
        {draft
          ? t('home.started', { date: dateText(application.createdAt, language) })
          : t('home.submitted', { date: dateText(application.submittedAt, language), caseNumber: application.caseNumber ?? '–' })}
        {application.requestedNok ? ` · ${t('home.requested', { amount: kroner(application.requestedNok) })}` : ''}
      </Paragraph>
      <Link to={draft ? `/soknader/${application.id}` : `/saker/${application.id}`}>{draft ? t('home.continue') : t('home.open')}</Link>
    </Card>
  );
  return (
    <Page title={t('nav.home')} lead={t('home.lead')}>
      <Button asChild>
        <Link to="/ordninger">{t('home.find')}</Link>
      </Button>
      {data?.municipality ? (
        <Paragraph className="section">
          <Link to="/kommune">{t('home.municipality')}</Link>
        </Paragraph>
      ) : null}
      {error ? <ProblemAlert error={error} /> : !data ? <Loading /> : null}
      {data && data.applications.length === 0 ? (
        <Alert data-color="info" className="section">
          {t('home.none')}
        </Alert>
      ) : null}
      {drafts.length > 0 ? (
        <section className="section" aria-labelledby="utkast">
          <Heading level={2} data-size="md" id="utkast">
            {t('home.drafts')}
          </Heading>
          <div className="cards">{drafts.map((application) => entry(application, true))}</div>
        </section>
      ) : null}
      {cases.length > 0 ? (
        <section className="section" aria-labelledby="saker">
          <Heading level={2} data-size="md" id="saker">
            {t('home.cases')}
          </Heading>
          <div className="cards">{cases.map((application) => entry(application, false))}</div>
        </section>
      ) : null}
    </Page>
  );
}
