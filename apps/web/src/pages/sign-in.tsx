import { Alert, Button, Card, Fieldset, Heading, Paragraph, Radio, useRadioGroup } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { answer, api } from '../api/client';
import type { SessionState } from '../api/views';
import { useLanguage } from '../i18n';
import { Page, ProblemAlert } from '../page';
import { safeNext, useSession } from '../session';

/** Login happens at the providers: the agency's for staff, ID-porten for people applying for an organisation. */
export function LoginPage() {
  const { t } = useLanguage();
  const { session } = useSession();
  const [query] = useSearchParams();
  const next = safeNext(query.get('neste'));
  if (session.authenticated) return <Navigate to={next ?? '/'} replace />;
  const suffix = next ? `?neste=${encodeURIComponent(next)}` : '';
  const { providers } = session;
  return (
    <Page title={t('login.title')}>
      {!providers.applicant && !providers.staff ? <Alert data-color="warning">{t('login.none')}</Alert> : null}
      <div className="cards">
        {providers.applicant ? (
          <Card>
            <Heading level={2} data-size="sm">
              {t('login.applicant.heading')}
            </Heading>
            <Paragraph>{t('login.applicant.text')}</Paragraph>
            <Button asChild>
              <a href={`/auth/login/applicant${suffix}`}>{t('login.applicant.link')}</a>
            </Button>
          </Card>
        ) : null}
        {providers.staff ? (
          <Card>
            <Heading level={2} data-size="sm">
              {t('login.staff.heading')}
            </Heading>
            <Paragraph>{t('login.staff.text')}</Paragraph>
            <Button asChild variant="secondary">
              <a href={`/auth/login/staff${suffix}`}>{t('login.staff.link')}</a>
            </Button>
          </Card>
        ) : null}
      </div>
    </Page>
  );
}

export function LoggedOutPage() {
  const { t } = useLanguage();
  return (
    <Page title={t('loggedOut.title')}>
      <Paragraph>{t('loggedOut.text')}</Paragraph>
      <Paragraph>
        <a href="/logg-inn">{t('loggedOut.again')}</a>
      </Paragraph>
    </Page>
  );
}

/** After ID-porten: which organisation the person acts for (only those Altinn says they may), changeable later. */
export function ChooseOrganisationPage() {
  const { t } = useLanguage();
  const { session, replace } = useSession();
  const navigate = useNavigate();
  const [query] = useSearchParams();
  const [error, setError] = useState<unknown>(undefined);
  const representations = session.authenticated ? session.representations : [];
  const initial = session.authenticated ? (session.actingFor ?? representations[0]?.organisationNumber ?? '') : '';
  const { getRadioProps, value } = useRadioGroup({ name: 'organisationNumber', value: initial });
  if (!session.authenticated) return <Navigate to="/logg-inn?neste=/velg-organisasjon" replace />;
  if (representations.length === 0) {
    return (
      <Page title={t('choose.none.title')}>
        <Paragraph>{t('choose.none.text')}</Paragraph>
      </Page>
    );
  }
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      const now = await answer<SessionState>(api.POST('/auth/organisation', { body: { organisationNumber: value } }));
      replace(now);
      const name = representations.find((party) => party.organisationNumber === value)?.name ?? value;
      navigate(safeNext(query.get('neste')) ?? '/', { state: { flash: t('choose.done', { organisation: name }) } });
    } catch (problem) {
      setError(problem);
    }
  }
  return (
    <Page title={t('choose.title')} lead={t('choose.intro')}>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <Fieldset>
          <Fieldset.Legend>{t('choose.legend')}</Fieldset.Legend>
          {representations.map((party) => (
            <Radio
              key={party.organisationNumber}
              label={`${party.name} (${party.organisationNumber.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3')})`}
              {...getRadioProps(party.organisationNumber)}
            />
          ))}
        </Fieldset>
        {error ? <ProblemAlert error={error} /> : null}
        <div>
          <Button type="submit">{t('choose.submit')}</Button>
        </div>
      </form>
    </Page>
  );
}
