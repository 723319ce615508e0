import { Alert, Button, Checkbox, ErrorSummary, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { answer, api, ApiProblem } from '../api/client';
import type { ApplicationDetail, JsonSchema, SchemeView } from '../api/views';
import { answerText, clean, inLanguage, SchemaFields, validate, type FormError, type FormValues } from '../form';
import { addMessages, useLanguage } from '../i18n';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';

addMessages({
  nb: {
    'application.title': 'Søknad om {scheme}',
    'application.lead': 'Du kan lagre og fortsette senere, også fra en annen økt. Søknaden er ikke sendt før du har sett over svarene og sendt den.',
    'application.tasks': 'Slik søker du',
    'application.task.form': 'Fyll ut søknaden',
    'application.task.check': 'Se over svarene og send inn',
    'application.state.notStarted': 'Ikke påbegynt',
    'application.state.started': 'Påbegynt',
    'application.state.done': 'Fullført',
    'application.state.locked': 'Kan ikke starte ennå',
    'application.form.title': 'Fyll ut søknaden',
    'application.form.rules':
      'Alle felt må fylles ut med mindre de er merket som valgfrie. Beløp oppgis i hele kroner. Du får vite om alt som mangler samtidig.',
    'application.save': 'Lagre og gå videre',
    'application.saveLater': 'Lagre og fortsett senere',
    'application.saved': 'Utkastet er lagret. Du kan fortsette når du vil fra «Mine søknader og saker».',
    'application.errors': 'Dette må rettes før du kan gå videre:',
    'application.check.title': 'Se over svarene før du sender',
    'application.change': 'Endre',
    'application.declaration.legend': 'Bekreftelse',
    'application.declaration': 'Jeg bekrefter at opplysningene er riktige og fullstendige, og at jeg har rett til å søke for organisasjonen.',
    'application.declaration.missing': 'Du må bekrefte at opplysningene er riktige før du sender.',
    'application.submit': 'Send søknaden',
    'application.receipt.title': 'Søknaden er sendt',
    'application.receipt.caseNumber': 'Saksnummeret ditt er {caseNumber}',
    'application.receipt.next': 'IMDi behandler søknaden etter fristen. Du får beskjed når det er fattet vedtak, og kan følge saken på saksiden.',
    'application.receipt.pdf': 'Last ned kvitteringen (PDF)',
    'application.receipt.case': 'Gå til saken',
    'application.notDraft': 'Søknaden er sendt og kan ikke endres.',
  },
  nn: {
    'application.title': 'Søknad om {scheme}',
    'application.lead': 'Du kan lagre og halde fram seinare, også frå ei anna økt. Søknaden er ikkje sendt før du har sett over svara og sendt han.',
    'application.tasks': 'Slik søkjer du',
    'application.task.form': 'Fyll ut søknaden',
    'application.task.check': 'Sjå over svara og send inn',
    'application.state.notStarted': 'Ikkje påbyrja',
    'application.state.started': 'Påbyrja',
    'application.state.done': 'Fullført',
    'application.state.locked': 'Kan ikkje starte enno',
    'application.form.title': 'Fyll ut søknaden',
    'application.form.rules':
      'Alle felt må fyllast ut med mindre dei er merkte som valfrie. Beløp blir oppgitt i heile kroner. Du får vite om alt som manglar samtidig.',
    'application.save': 'Lagre og gå vidare',
    'application.saveLater': 'Lagre og hald fram seinare',
    'application.saved': 'Utkastet er lagra. Du kan halde fram når du vil frå «Mine søknader og saker».',
    'application.errors': 'Dette må rettast før du kan gå vidare:',
    'application.check.title': 'Sjå over svara før du sender',
    'application.change': 'Endre',
    'application.declaration.legend': 'Stadfesting',
    'application.declaration': 'Eg stadfestar at opplysningane er rette og fullstendige, og at eg har rett til å søkje for organisasjonen.',
    'application.declaration.missing': 'Du må stadfeste at opplysningane er rette før du sender.',
    'application.submit': 'Send søknaden',
    'application.receipt.title': 'Søknaden er sendt',
    'application.receipt.caseNumber': 'Saksnummeret ditt er {caseNumber}',
    'application.receipt.next': 'IMDi handsamar søknaden etter fristen. Du får melding når det er gjort vedtak, og kan følgje saka på sakssida.',
    'application.receipt.pdf': 'Last ned kvitteringa (PDF)',
    'application.receipt.case': 'Gå til saka',
    'application.notDraft': 'Søknaden er sendt og kan ikkje endrast.',
  },
});

function useApplication(id: string) {
  return useLoad(async () => {
    const application = await answer<ApplicationDetail>(api.GET('/applications/{id}', { params: { path: { id } } }));
    const scheme = await answer<SchemeView>(
      api.GET('/schemes/{code}', { params: { path: { code: application.schemeCode }, query: { year: application.budgetYear } } }),
    );
    return { application, scheme };
  }, [id]);
}

/** Enter in a one-line field never sends a form: only the buttons do. */
function noEnterSubmit(event: KeyboardEvent<HTMLFormElement>): void {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT') event.preventDefault();
}

function Errors({ errors, heading }: { readonly errors: readonly FormError[]; readonly heading: string }) {
  const summary = useRef<HTMLElement>(null);
  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <ErrorSummary ref={summary as never} tabIndex={-1}>
      <ErrorSummary.Heading>{heading}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map((error) => (
          <ErrorSummary.Item key={`${error.id}-${error.message}`}>
            <ErrorSummary.Link href={`#${error.id}`}>{error.message}</ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** The application as a task list: fill in, then check and send; each task says where it stands. */
export function ApplicationPage() {
  const { t, language } = useLanguage();
  const id = useParams().id ?? '';
  const { data, error } = useApplication(id);
  if (error)
    return (
      <Page title={t('error.title')}>
        <ProblemAlert error={error} />
      </Page>
    );
  if (!data) return <Loading />;
  const { application, scheme } = data;
  const schema = inLanguage(scheme.formSchema as JsonSchema, language);
  const filled = Object.keys(application.form ?? {}).length > 0;
  const done = filled && validate(schema, application.form as FormValues, t).length === 0;
  const state = (label: string, color: 'neutral' | 'info' | 'success') => (
    <Tag data-color={color} data-size="sm">
      {label}
    </Tag>
  );
  return (
    <Page title={t('application.title', { scheme: scheme.name[language] })} lead={t('application.lead')}>
      {application.status !== 'draft' ? (
        <Alert data-color="info">
          {t('application.notDraft')} <Link to={`/saker/${id}`}>{t('application.receipt.case')}</Link>
        </Alert>
      ) : null}
      <Heading level={2} data-size="sm">
        {t('application.tasks')}
      </Heading>
      <ol className="task-list">
        <li>
          <Link to={`/soknader/${id}/skjema`}>{t('application.task.form')}</Link>
          {state(
            done ? t('application.state.done') : filled ? t('application.state.started') : t('application.state.notStarted'),
            done ? 'success' : filled ? 'info' : 'neutral',
          )}
        </li>
        <li>
          {done ? <Link to={`/soknader/${id}/kontroll`}>{t('application.task.check')}</Link> : <span>{t('application.task.check')}</span>}
          {state(done ? t('application.state.notStarted') : t('application.state.locked'), 'neutral')}
        </li>
      </ol>
    </Page>
  );
}

/** The form itself: every field with its rules up front; all errors at once in a summary; save and continue. */
export function ApplicationFormPage() {
  const { t, language } = useLanguage();
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const { data, error } = useApplication(id);
  const [values, setValues] = useState<FormValues | undefined>(undefined);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [failure, setFailure] = useState<unknown>(undefined);
  useEffect(() => {
    if (data && values === undefined) setValues({ ...(data.application.form as FormValues) });
  }, [data, values]);
  if (error)
    return (
      <Page title={t('error.title')}>
        <ProblemAlert error={error} />
      </Page>
    );
  if (!data || !values) return <Loading />;
  const schema = inLanguage(data.scheme.formSchema as JsonSchema, language);
  async function save(then: 'continue' | 'later'): Promise<void> {
    setFailure(undefined);
    const found = then === 'continue' ? validate(schema, values!, t) : [];
    try {
      await answer(api.PUT('/applications/{id}/form', { params: { path: { id } }, body: { form: clean(schema, values!) as Record<string, never> } }));
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.errors.length > 0) {
        setErrors(problem.errors.map((entry) => ({ id: `felt-${entry.field.replace(/^form\./, '').replace(/\./g, '-')}`, message: entry.message })));
      } else setFailure(problem);
      return;
    }
    setErrors(found);
    if (found.length > 0) return;
    if (then === 'later') navigate('/', { state: { flash: t('application.saved') } });
    else navigate(`/soknader/${id}/kontroll`);
  }
  return (
    <Page title={t('application.form.title')} lead={data.scheme.name[language]}>
      <Paragraph>{t('application.form.rules')}</Paragraph>
      <Errors errors={errors} heading={t('application.errors')} />
      {failure ? <ProblemAlert error={failure} /> : null}
      <form className="stack" noValidate onKeyDown={noEnterSubmit} onSubmit={(event) => event.preventDefault()}>
        <SchemaFields schema={schema} values={values} onChange={setValues} errors={errors} />
        <div className="row">
          <Button type="button" onClick={() => void save('continue')}>
            {t('application.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => void save('later')}>
            {t('application.saveLater')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

function flatten(schema: JsonSchema, values: FormValues, prefix = ''): Array<[string, string, string]> {
  const rows: Array<[string, string, string]> = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const label = `${prefix}${property.title ?? name}`;
    if (property.type === 'array' && property.items) {
      ((values[name] as FormValues[] | undefined) ?? []).forEach((row, index) => rows.push(...flatten(property.items!, row, `${label} ${index + 1}: `)));
    } else rows.push([name, label, answerText(values[name])]);
  }
  return rows;
}

/** Check your answers, then the declaration, then send. */
export function CheckAnswersPage() {
  const { t, language } = useLanguage();
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const { data, error } = useApplication(id);
  const [declared, setDeclared] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const key = useRef(`web-${crypto.randomUUID()}`);
  if (error)
    return (
      <Page title={t('error.title')}>
        <ProblemAlert error={error} />
      </Page>
    );
  if (!data) return <Loading />;
  const schema = inLanguage(data.scheme.formSchema as JsonSchema, language);
  async function submit(): Promise<void> {
    setFailure(undefined);
    if (!declared) {
      setErrors([{ id: 'erklaering', message: t('application.declaration.missing') }]);
      return;
    }
    setErrors([]);
    setSending(true);
    try {
      const result = await answer<{ caseNumber: string }>(
        api.POST('/applications/{id}/submit', { params: { path: { id } }, headers: { 'idempotency-key': key.current } }),
      );
      navigate(`/soknader/${id}/kvittering`, { state: { caseNumber: result.caseNumber } });
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.errors.length > 0) setErrors(problem.errors.map((entry) => ({ id: 'svar', message: entry.message })));
      else setFailure(problem);
    } finally {
      setSending(false);
    }
  }
  return (
    <Page title={t('application.check.title')} lead={data.scheme.name[language]}>
      <Errors errors={errors} heading={t('application.errors')} />
      {failure ? <ProblemAlert error={failure} /> : null}
      <dl className="summary" id="svar" tabIndex={-1}>
        {flatten(schema, data.application.form as FormValues).map(([name, label, text]) => (
          <div key={`${label}`}>
            <dt>{label}</dt>
            <dd>{text}</dd>
            <dd>
              <Link to={`/soknader/${id}/skjema#felt-${name}`}>
                {t('application.change')}
                <span className="visually-hidden"> {label}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <form className="stack section" noValidate onKeyDown={noEnterSubmit} onSubmit={(event) => event.preventDefault()}>
        <Heading level={2} data-size="sm">
          {t('application.declaration.legend')}
        </Heading>
        <Checkbox
          id="erklaering"
          label={t('application.declaration')}
          checked={declared}
          onChange={(event) => setDeclared(event.target.checked)}
          error={errors.find((entry) => entry.id === 'erklaering')?.message}
        />
        <div>
          <Button type="button" onClick={() => void submit()} disabled={sending}>
            {t('application.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

/** The receipt: the case number, the PDF, and what happens next. */
export function ReceiptPage() {
  const { t } = useLanguage();
  const id = useParams().id ?? '';
  const { data, error } = useApplication(id);
  if (error)
    return (
      <Page title={t('error.title')}>
        <ProblemAlert error={error} />
      </Page>
    );
  if (!data) return <Loading />;
  return (
    <Page title={t('application.receipt.title')}>
      <Alert data-color="success">
        <Heading level={2} data-size="xs">
          {t('application.receipt.caseNumber', { caseNumber: data.application.caseNumber ?? '–' })}
        </Heading>
      </Alert>
      <Paragraph className="section">{t('application.receipt.next')}</Paragraph>
      <div className="row">
        <a href={`/applications/${id}/receipt`}>{t('application.receipt.pdf')}</a>
        <Link to={`/saker/${id}`}>{t('application.receipt.case')}</Link>
      </div>
    </Page>
  );
}
