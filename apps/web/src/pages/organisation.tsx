import { Alert, Button, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { answer, api, ApiProblem } from '../api/client';
import type { OrganisationView } from '../api/views';
import { addMessages, useLanguage } from '../i18n';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { actingForName, useSession } from '../session';

addMessages({
  nb: {
    'organisation.lead': 'Opplysningene IMDi bruker i brev og ved utbetaling.',
    'organisation.register': 'Organisasjonen er ikke registrert hos IMDi ennå. Fyll ut opplysningene under før du søker.',
    'organisation.name': 'Navn',
    'organisation.kind': 'Type',
    'organisation.account': 'Kontonummer',
    'organisation.accountHelp': '11 siffer, for eksempel 1234 56 78903.',
    'organisation.writtenStandard': 'Målform i brev',
    'organisation.contactName': 'Kontaktperson',
    'organisation.contactEmail': 'E-postadresse til kontaktpersonen',
    'organisation.save': 'Registrer organisasjonen',
    'organisation.saved': 'Organisasjonen er registrert.',
    'organisation.number': 'Organisasjonsnummer',
  },
  nn: {
    'organisation.lead': 'Opplysningane IMDi brukar i brev og ved utbetaling.',
    'organisation.register': 'Organisasjonen er ikkje registrert hos IMDi enno. Fyll ut opplysningane under før du søkjer.',
    'organisation.name': 'Namn',
    'organisation.kind': 'Type',
    'organisation.account': 'Kontonummer',
    'organisation.accountHelp': '11 siffer, til dømes 1234 56 78903.',
    'organisation.writtenStandard': 'Målform i brev',
    'organisation.contactName': 'Kontaktperson',
    'organisation.contactEmail': 'E-postadresse til kontaktpersonen',
    'organisation.save': 'Registrer organisasjonen',
    'organisation.saved': 'Organisasjonen er registrert.',
    'organisation.number': 'Organisasjonsnummer',
  },
});

/** The organisation's details, and its registration when it has none yet. */
export function OrganisationPage() {
  const { t } = useLanguage();
  const { session } = useSession();
  const navigate = useNavigate();
  const acting = session.authenticated ? (session.actingFor ?? '') : '';
  const { data, error } = useLoad(async () => (await answer<OrganisationView[]>(api.GET('/organisations/mine'))).find((organisation) => organisation.organisationNumber === acting) ?? null, [acting]);
  const [values, setValues] = useState({ name: actingForName(session) ?? '', kind: 'organisasjon', accountNumber: '', writtenStandard: 'nb', contactName: '', contactEmail: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  if (error) return <Page title={t('nav.organisation')}><ProblemAlert error={error} /></Page>;
  if (data === undefined) return <Loading />;
  const field = (name: keyof typeof values) => ({ id: `organisasjon-${name}`, value: values[name], error: problems[name], onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }) });
  async function register(): Promise<void> {
    setFailure(undefined);
    try {
      await answer(api.POST('/organisations', { body: { organisationNumber: acting, ...values, accountNumber: values.accountNumber.replace(/[\s.]/g, ''), kind: values.kind as 'organisasjon', writtenStandard: values.writtenStandard as 'nb' } }));
      navigate('/ordninger', { state: { flash: t('organisation.saved') } });
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.errors.length > 0) setProblems(Object.fromEntries(problem.errors.map((entry) => [entry.field, entry.message])));
      else setFailure(problem);
    }
  }
  if (data) {
    return (
      <Page title={data.name} lead={t('organisation.lead')}>
        <dl className="summary">
          <div>
            <dt>{t('organisation.number')}</dt>
            <dd>{data.organisationNumber}</dd>
          </div>
          <div>
            <dt>{t('organisation.kind')}</dt>
            <dd>{t(`kind.${data.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('organisation.writtenStandard')}</dt>
            <dd>{data.writtenStandard === 'nn' ? 'Nynorsk' : 'Bokmål'}</dd>
          </div>
        </dl>
      </Page>
    );
  }
  return (
    <Page title={t('nav.organisation')} lead={t('organisation.lead')}>
      <Alert data-color="info">{t('organisation.register')}</Alert>
      {failure ? <ProblemAlert error={failure} /> : null}
      <form className="stack section" noValidate onKeyDown={(event: KeyboardEvent<HTMLFormElement>) => event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT' && event.preventDefault()} onSubmit={(event) => event.preventDefault()}>
        <Textfield label={t('organisation.name')} {...field('name')} />
        <div className="ds-field">
          <label className="ds-label" htmlFor="organisasjon-kind">
            {t('organisation.kind')}
          </label>
          <Select id="organisasjon-kind" value={values.kind} onChange={(event) => setValues({ ...values, kind: event.target.value })}>
            {['kommune', 'fylkeskommune', 'organisasjon'].map((kind) => (
              <Select.Option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield label={t('organisation.account')} description={t('organisation.accountHelp')} inputMode="numeric" {...field('accountNumber')} />
        <div className="ds-field">
          <label className="ds-label" htmlFor="organisasjon-writtenStandard">
            {t('organisation.writtenStandard')}
          </label>
          <Select id="organisasjon-writtenStandard" value={values.writtenStandard} onChange={(event) => setValues({ ...values, writtenStandard: event.target.value })}>
            <Select.Option value="nb">Bokmål</Select.Option>
            <Select.Option value="nn">Nynorsk</Select.Option>
          </Select>
        </div>
        <Textfield label={t('organisation.contactName')} {...field('contactName')} />
        <Textfield label={t('organisation.contactEmail')} type="email" {...field('contactEmail')} />
        <div>
          <Button type="button" onClick={() => void register()}>
            {t('organisation.save')}
          </Button>
        </div>
      </form>
      <Paragraph />
    </Page>
  );
}
