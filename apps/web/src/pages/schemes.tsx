import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { answer, api } from '../api/client';
import type { OrganisationView, SchemeView } from '../api/views';
import { dateTimeText } from '../format';
import { addMessages, useLanguage, type Translate } from '../i18n';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { useSession } from '../session';

addMessages({
  nb: {
    'schemes.lead': 'Tilskuddsordningene fra IMDi. Du kan søke på ordningene som er åpne og gjelder for din organisasjon.',
    'schemes.open': 'Åpne for søknad nå',
    'schemes.upcoming': 'Åpner senere',
    'schemes.closed': 'Stengt for søknad',
    'schemes.none': 'Ingen ordninger her nå.',
    'schemes.deadline': 'Søknadsfrist {date}',
    'schemes.continuous': 'Løpende – ingen søknadsfrist',
    'schemes.opens': 'Åpner {date}',
    'schemes.opensUnknown': 'Tidspunkt for neste runde er ikke kunngjort',
    'schemes.closedAt': 'Fristen var {date}. Neste runde kunngjøres her.',
    'schemes.notFor': 'Ikke for {kind}: ordningen er for {who}.',
    'schemes.notRegistered': 'Registrer organisasjonen før du søker.',
    'schemes.read': 'Les om ordningen',
    'scheme.purpose': 'Formål',
    'scheme.who': 'Hvem kan søke',
    'scheme.when': 'Søknadsfrist',
    'scheme.rules': 'Regler for søknaden',
    'scheme.rulesText':
      'Du fyller ut søknaden i én del og kan lagre og fortsette senere. Før du sender, ser du over svarene og bekrefter at de er riktige. Beløp oppgis i hele kroner.',
    'scheme.legal': 'Hjemmel',
    'scheme.start': 'Start søknad',
    'scheme.notOpen': 'Ordningen tar ikke imot søknader nå, så du kan ikke starte en søknad.',
    'scheme.registerFirst': 'Registrer organisasjonen først',
    'kind.kommune': 'kommuner',
    'kind.fylkeskommune': 'fylkeskommuner',
    'kind.organisasjon': 'organisasjoner',
    'kind.ks': 'KS',
  },
  nn: {
    'schemes.lead': 'Tilskotsordningane frå IMDi. Du kan søkje på ordningane som er opne og gjeld for organisasjonen din.',
    'schemes.open': 'Opne for søknad no',
    'schemes.upcoming': 'Opnar seinare',
    'schemes.closed': 'Stengde for søknad',
    'schemes.none': 'Ingen ordningar her no.',
    'schemes.deadline': 'Søknadsfrist {date}',
    'schemes.continuous': 'Løpande – ingen søknadsfrist',
    'schemes.opens': 'Opnar {date}',
    'schemes.opensUnknown': 'Tidspunkt for neste runde er ikkje kunngjort',
    'schemes.closedAt': 'Fristen var {date}. Neste runde blir kunngjort her.',
    'schemes.notFor': 'Ikkje for {kind}: ordninga er for {who}.',
    'schemes.notRegistered': 'Registrer organisasjonen før du søkjer.',
    'schemes.read': 'Les om ordninga',
    'scheme.purpose': 'Føremål',
    'scheme.who': 'Kven kan søkje',
    'scheme.when': 'Søknadsfrist',
    'scheme.rules': 'Reglar for søknaden',
    'scheme.rulesText':
      'Du fyller ut søknaden i éin del og kan lagre og halde fram seinare. Før du sender, ser du over svara og stadfestar at dei er rette. Beløp blir oppgitt i heile kroner.',
    'scheme.legal': 'Heimel',
    'scheme.start': 'Start søknad',
    'scheme.notOpen': 'Ordninga tek ikkje imot søknader no, så du kan ikkje starte ein søknad.',
    'scheme.registerFirst': 'Registrer organisasjonen først',
    'kind.kommune': 'kommunar',
    'kind.fylkeskommune': 'fylkeskommunar',
    'kind.organisasjon': 'organisasjonar',
    'kind.ks': 'KS',
  },
});

const OPEN = new Set(['open', 'continuous']);

function whoText(scheme: SchemeView, t: Translate): string {
  return scheme.applicantTypes.map((kind) => t(`kind.${kind}`)).join(', ');
}

function windowText(scheme: SchemeView, t: Translate, language: 'nb' | 'nn'): string {
  const { status, deadlineAt, opensAt } = scheme.window;
  if (status === 'continuous') return t('schemes.continuous');
  if (status === 'open') return t('schemes.deadline', { date: dateTimeText(deadlineAt, language) });
  if (status === 'upcoming') return opensAt ? t('schemes.opens', { date: dateTimeText(opensAt, language) }) : t('schemes.opensUnknown');
  if (status === 'closed') return t('schemes.closedAt', { date: dateTimeText(deadlineAt, language) });
  return t('schemes.opensUnknown');
}

/** Why this organisation may not apply, or undefined when it may. */
function notForUs(scheme: SchemeView, organisation: OrganisationView | null | undefined, t: Translate): string | undefined {
  if (!organisation) return t('schemes.notRegistered');
  if (!scheme.applicantTypes.includes(organisation.kind)) return t('schemes.notFor', { kind: t(`kind.${organisation.kind}`), who: whoText(scheme, t) });
  return undefined;
}

function useOrganisation() {
  const { session } = useSession();
  const acting = session.authenticated ? session.actingFor : null;
  // null: not registered yet; undefined: still loading.
  return useLoad(
    async () => (await answer<OrganisationView[]>(api.GET('/organisations/mine'))).find((organisation) => organisation.organisationNumber === acting) ?? null,
    [acting],
  );
}

/** The schemes split as an applicant asks: what can I apply to now, what comes later, what has closed. */
export function SchemesPage() {
  const { t, language } = useLanguage();
  const schemes = useLoad(() => answer<SchemeView[]>(api.GET('/schemes')), []);
  const organisation = useOrganisation();
  const groups: Array<[string, string, SchemeView[]]> = [
    ['apne', t('schemes.open'), (schemes.data ?? []).filter((scheme) => OPEN.has(scheme.window.status))],
    ['kommende', t('schemes.upcoming'), (schemes.data ?? []).filter((scheme) => scheme.window.status === 'upcoming')],
    ['stengte', t('schemes.closed'), (schemes.data ?? []).filter((scheme) => scheme.window.status === 'closed')],
  ];
  return (
    <Page title={t('nav.schemes')} lead={t('schemes.lead')}>
      {schemes.error ? <ProblemAlert error={schemes.error} /> : !schemes.data ? <Loading /> : null}
      {schemes.data
        ? groups.map(([id, title, list]) => (
            <section key={id} className="section" aria-labelledby={id}>
              <Heading level={2} data-size="md" id={id}>
                {title} ({list.length})
              </Heading>
              {list.length === 0 ? <Paragraph>{t('schemes.none')}</Paragraph> : null}
              <div className="cards">
                {list.map((scheme) => {
                  const why = OPEN.has(scheme.window.status) && organisation.data !== undefined ? notForUs(scheme, organisation.data, t) : undefined;
                  return (
                    <Card key={scheme.code} data-color="neutral">
                      <Heading level={3} data-size="xs">
                        <Link to={`/ordninger/${scheme.code}`}>{scheme.name[language]}</Link>
                      </Heading>
                      <Paragraph data-size="sm">{windowText(scheme, t, language)}</Paragraph>
                      <Paragraph data-size="sm">
                        {t('scheme.who')}: {whoText(scheme, t)}
                      </Paragraph>
                      {why ? <Paragraph data-size="sm">{why}</Paragraph> : null}
                    </Card>
                  );
                })}
              </div>
            </section>
          ))
        : null}
    </Page>
  );
}

/** One scheme: what it is for, who may apply, when, the rules, and (only when it can be done) Start søknad. */
export function SchemePage() {
  const { t, language } = useLanguage();
  const { code } = useParams();
  const [query] = useSearchParams();
  const year = query.get('year');
  const navigate = useNavigate();
  const { session } = useSession();
  const [failure, setFailure] = useState<unknown>(undefined);
  const scheme = useLoad(
    () => answer<SchemeView>(api.GET('/schemes/{code}', { params: { path: { code: code ?? '' }, query: year ? { year: Number(year) } : {} } })),
    [code, year],
  );
  const organisation = useOrganisation();
  if (scheme.error)
    return (
      <Page title={t('notFound.title')}>
        <ProblemAlert error={scheme.error} />
      </Page>
    );
  if (!scheme.data || organisation.data === undefined) return <Loading />;
  const view = scheme.data;
  const open = OPEN.has(view.window.status);
  const why = notForUs(view, organisation.data, t);
  async function start(): Promise<void> {
    if (!session.authenticated || !session.actingFor) return;
    try {
      const created = await answer<{ id: string }>(
        api.POST('/applications', { body: { organisationNumber: session.actingFor, schemeCode: view.code, budgetYear: view.budgetYear, form: {} } }),
      );
      navigate(`/soknader/${created.id}`);
    } catch (problem) {
      setFailure(problem);
    }
  }
  return (
    <Page title={view.name[language]}>
      <dl className="summary">
        <div>
          <dt>{t('scheme.purpose')}</dt>
          <dd>{view.purpose[language]}</dd>
        </div>
        <div>
          <dt>{t('scheme.who')}</dt>
          <dd>{whoText(view, t)}</dd>
        </div>
        <div>
          <dt>{t('scheme.when')}</dt>
          <dd>{windowText(view, t, language)}</dd>
        </div>
        <div>
          <dt>{t('scheme.legal')}</dt>
          <dd>{view.legalBasis}</dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="regler">
        <Heading level={2} data-size="sm" id="regler">
          {t('scheme.rules')}
        </Heading>
        <Paragraph>{t('scheme.rulesText')}</Paragraph>
      </section>
      {failure ? <ProblemAlert error={failure} /> : null}
      {!open ? (
        <Alert data-color="warning">{t('scheme.notOpen')}</Alert>
      ) : why ? (
        <Alert data-color="warning">
          {why} {!organisation.data ? <Link to="/organisasjon">{t('scheme.registerFirst')}</Link> : null}
        </Alert>
      ) : (
        <Button type="button" onClick={() => void start()}>
          {t('scheme.start')}
        </Button>
      )}
    </Page>
  );
}
