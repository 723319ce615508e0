import { Alert, Button, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { answer, api, ApiProblem, messageBesideField } from '../api/client';
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
    'organisation.contactPhone': 'Telefonnummer til kontaktpersonen',
    'organisation.changeContact': 'Kontaktperson',
    'organisation.saveContact': 'Lagre kontaktperson',
    'organisation.contactChanged': 'Kontaktpersonen er endret.',
    'organisation.save': 'Registrer organisasjonen',
    'organisation.saved': 'Organisasjonen er registrert.',
    'organisation.number': 'Organisasjonsnummer',
    'organisation.changeAccount': 'Endre kontonummer',
    'organisation.newAccount': 'Nytt kontonummer',
    'organisation.confirmTitle': 'Bekreft nytt kontonummer',
    'organisation.confirmText': 'Utbetalinger fra IMDi går heretter til konto {account}. Stemmer dette?',
    'organisation.confirm': 'Ja, bruk dette kontonummeret',
    'organisation.cancel': 'Avbryt',
    'organisation.accountChanged': 'Kontonummeret er endret.',
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
    'organisation.contactPhone': 'Telefonnummer til kontaktpersonen',
    'organisation.changeContact': 'Kontaktperson',
    'organisation.saveContact': 'Lagre kontaktperson',
    'organisation.contactChanged': 'Kontaktpersonen er endra.',
    'organisation.save': 'Registrer organisasjonen',
    'organisation.saved': 'Organisasjonen er registrert.',
    'organisation.number': 'Organisasjonsnummer',
    'organisation.changeAccount': 'Endre kontonummer',
    'organisation.newAccount': 'Nytt kontonummer',
    'organisation.confirmTitle': 'Stadfest nytt kontonummer',
    'organisation.confirmText': 'Utbetalingar frå IMDi går heretter til konto {account}. Stemmer dette?',
    'organisation.confirm': 'Ja, bruk dette kontonummeret',
    'organisation.cancel': 'Avbryt',
    'organisation.accountChanged': 'Kontonummeret er endra.',
  },
});

/** The organisation's details, and its registration when it has none yet. */
export function OrganisationPage() {
  const { t } = useLanguage();
  const { session } = useSession();
  const navigate = useNavigate();
  const acting = session.authenticated ? (session.actingFor ?? '') : '';
  const { data, error } = useLoad(
    async () => (await answer<OrganisationView[]>(api.GET('/organisations/mine'))).find((organisation) => organisation.organisationNumber === acting) ?? null,
    [acting],
  );
  const [values, setValues] = useState({
    name: actingForName(session) ?? '',
    kind: 'organisasjon',
    accountNumber: '',
    writtenStandard: 'nb',
    contactName: '',
    contactEmail: '',
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  if (error)
    return (
      <Page title={t('nav.organisation')}>
        <ProblemAlert error={error} />
      </Page>
    );
  if (data === undefined) return <Loading />;
  const field = (name: keyof typeof values) => ({
    id: `organisasjon-${name}`,
    value: values[name],
    error: problems[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });
  async function register(): Promise<void> {
    setFailure(undefined);
    try {
      await answer(
        api.POST('/organisations', {
          body: {
            organisationNumber: acting,
            ...values,
            accountNumber: values.accountNumber.replace(/[\s.]/g, ''),
            kind: values.kind as 'organisasjon',
            writtenStandard: values.writtenStandard as 'nb',
          },
        }),
      );
      navigate('/ordninger', { state: { flash: t('organisation.saved') } });
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.errors.length > 0)
        setProblems(Object.fromEntries(problem.errors.map((entry) => [entry.field, messageBesideField(entry)])));
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
        <ChangeContact organisation={data} />
        <ChangeAccount organisationNumber={data.organisationNumber} />
      </Page>
    );
  }
  return (
    <Page title={t('nav.organisation')} lead={t('organisation.lead')}>
      <Alert data-color="info">{t('organisation.register')}</Alert>
      {failure ? <ProblemAlert error={failure} /> : null}
      <form
        className="stack section"
        noValidate
        onKeyDown={(event: KeyboardEvent<HTMLFormElement>) =>
          event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT' && event.preventDefault()
        }
        onSubmit={(event) => event.preventDefault()}
      >
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
          <Select
            id="organisasjon-writtenStandard"
            value={values.writtenStandard}
            onChange={(event) => setValues({ ...values, writtenStandard: event.target.value })}
          >
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

/** Another contact person: the one IMDi's mails about the organisation's cases go to. */
function ChangeContact({ organisation }: { readonly organisation: OrganisationView }) {
  const { t } = useLanguage();
  const [values, setValues] = useState({
    contactName: organisation.contactName ?? '',
    contactEmail: organisation.contactEmail ?? '',
    contactPhone: organisation.contactPhone ?? '',
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  const field = (name: keyof typeof values) => ({
    id: `kontakt-${name}`,
    value: values[name],
    error: problems[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });
  async function save(): Promise<void> {
    setFailure(undefined);
    setProblems({});
    setDone(false);
    try {
      await answer(
        api.PUT('/organisations/{organisationNumber}/contact', { params: { path: { organisationNumber: organisation.organisationNumber } }, body: values }),
      );
      setDone(true);
    } catch (error) {
      if (error instanceof ApiProblem && error.errors.length > 0) setProblems(Object.fromEntries(error.errors.map((entry) => [entry.field, entry.message])));
      else setFailure(error);
    }
  }
  return (
    <section className="section" aria-labelledby="kontaktperson">
      <h2 id="kontaktperson" className="ds-heading" data-size="sm">
        {t('organisation.changeContact')}
      </h2>
      {done ? (
        <Alert data-color="success" role="status">
          {t('organisation.contactChanged')}
        </Alert>
      ) : null}
      {failure ? <ProblemAlert error={failure} /> : null}
      <form
        className="stack"
        noValidate
        onKeyDown={(event: KeyboardEvent<HTMLFormElement>) =>
          event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT' && event.preventDefault()
        }
        onSubmit={(event) => event.preventDefault()}
      >
        <Textfield label={t('organisation.contactName')} {...field('contactName')} />
        <Textfield label={t('organisation.contactEmail')} type="email" {...field('contactEmail')} />
        <Textfield label={`${t('organisation.contactPhone')} ${t('form.optional')}`} type="tel" {...field('contactPhone')} />
        <div>
          <Button type="button" variant="secondary" onClick={() => void save()}>
            {t('organisation.saveContact')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** A new account number, with a confirmation step before payments go to it. */
function ChangeAccount({ organisationNumber }: { readonly organisationNumber: string }) {
  const { t } = useLanguage();
  const [account, setAccount] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  async function change(): Promise<void> {
    setFailure(undefined);
    try {
      await answer(
        api.PUT('/organisations/{organisationNumber}/account', {
          params: { path: { organisationNumber } },
          body: { accountNumber: account.replace(/[\s.]/g, '') },
        }),
      );
      setConfirming(false);
      setDone(true);
    } catch (error) {
      setConfirming(false);
      if (error instanceof ApiProblem && error.errors.length > 0) setProblem(error.errors.map((entry) => entry.message).join(' '));
      else setFailure(error);
    }
  }
  return (
    <section className="section" aria-labelledby="konto">
      <h2 id="konto" className="ds-heading" data-size="sm">
        {t('organisation.changeAccount')}
      </h2>
      {done ? (
        <Alert data-color="success" role="status">
          {t('organisation.accountChanged')}
        </Alert>
      ) : null}
      {failure ? <ProblemAlert error={failure} /> : null}
      {confirming ? (
        <div className="stack">
          <Alert data-color="warning">
            <strong>{t('organisation.confirmTitle')}</strong> {t('organisation.confirmText', { account })}
          </Alert>
          <div className="row">
            <Button type="button" onClick={() => void change()}>
              {t('organisation.confirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t('organisation.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <form
          className="stack"
          noValidate
          onKeyDown={(event: KeyboardEvent<HTMLFormElement>) =>
            event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT' && event.preventDefault()
          }
          onSubmit={(event) => event.preventDefault()}
        >
          <Textfield
            id="nytt-kontonummer"
            label={t('organisation.newAccount')}
            description={t('organisation.accountHelp')}
            inputMode="numeric"
            value={account}
            error={problem}
            onChange={(event) => setAccount(event.target.value)}
          />
          <div>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setProblem(undefined);
                setDone(false);
                setConfirming(true);
              }}
            >
              {t('organisation.changeAccount')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
