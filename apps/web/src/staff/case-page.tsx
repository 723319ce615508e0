import { Alert, Button, ErrorSummary, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { answer, api, ApiProblem, messageBesideField } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { hasRole, useSession } from '../session';
import { RecipientReportSection } from './reports';
import { useLanguage } from '../i18n';
import { formatDate, formatDateTime, formatNok, useStatusName, useText } from './text';
import type { ApplicationDetail, AssessmentResult, CaseNote, CaseOverview, StaffAction } from './views';

/** A case as sections (application, assessment, decision, letters, payments, history) and the actions the server offers now, nothing more. */
export function CasePage() {
  const s = useText();
  const statusName = useStatusName();
  const { id = '' } = useParams();
  const { session } = useSession();
  const [message, setMessage] = useState<string | undefined>();
  const overview = useLoad(() => answer<CaseOverview>(api.GET('/casework/cases/{id}', { params: { path: { id } } })), [id]);
  const application = useLoad(() => answer<ApplicationDetail>(api.GET('/applications/{id}', { params: { path: { id } } })), [id]);
  const data = overview.data;

  function done(text: string): void {
    setMessage(text);
    overview.reload();
    application.reload();
  }

  if (overview.error)
    return (
      <Page title={s('Sak', 'Sak')}>
        <ProblemAlert error={overview.error} />
      </Page>
    );
  if (!data)
    return (
      <Page title={s('Sak', 'Sak')}>
        <Loading />
      </Page>
    );
  const title = `${s('Sak', 'Sak')} ${data.caseNumber ?? ''} – ${data.organisation?.name ?? ''}`;
  return (
    <Page title={title}>
      <Paragraph>
        <Link to="/saksbehandling">{s('Tilbake til arbeidskøen', 'Tilbake til arbeidskøen')}</Link>
      </Paragraph>
      {message ? (
        <Alert data-color="success" role="status" className="status-message">
          {message}
        </Alert>
      ) : null}
      <dl className="summary">
        <div>
          <dt>{s('Status', 'Status')}</dt>
          <dd>{statusName(data.status)}</dd>
        </div>
        <div>
          <dt>{s('Ordning', 'Ordning')}</dt>
          <dd>
            {data.schemeCode} {data.budgetYear}
          </dd>
        </div>
        <div>
          <dt>{s('Organisasjon', 'Organisasjon')}</dt>
          <dd>
            {data.organisation?.name} ({data.organisation?.organisationNumber})
          </dd>
        </div>
        <div>
          <dt>{s('Saksbehandler', 'Sakshandsamar')}</dt>
          <dd>{data.assignedTo ?? s('Ikke tildelt', 'Ikkje tildelt')}</dd>
        </div>
      </dl>
      {data.provisionalAnswer ? (
        <Paragraph>
          {s('Foreløpig svar sendt', 'Førebels svar sendt')} {formatDate(data.provisionalAnswer.sentAt)};{' '}
          {s('søkeren venter vedtak innen', 'søkjaren ventar vedtak innan')} {formatDate(data.provisionalAnswer.expectedDecisionDate)}.
        </Paragraph>
      ) : null}
      {data.callerHasConflict ? (
        <Alert data-color="warning">
          {s(
            'Du har meldt deg inhabil overfor denne søkeren og kan ikke behandle saken.',
            'Du har meldt deg inhabil overfor denne søkjaren og kan ikkje handsame saka.',
          )}
        </Alert>
      ) : null}

      <section className="section" aria-labelledby="handlinger">
        <Heading level={2} data-size="md" id="handlinger">
          {s('Handlinger', 'Handlingar')}
        </Heading>
        {data.actions.length === 0 ? <Paragraph>{s('Det er ingenting du kan gjøre i saken nå.', 'Det er ingenting du kan gjere i saka no.')}</Paragraph> : null}
        <Actions overview={data} onDone={done} />
      </section>

      <Section id="soknad" title={s('Søknaden', 'Søknaden')}>
        {application.data ? (
          <dl className="summary">
            {Object.entries(application.data.form).map(([field, value]) => (
              <div key={field}>
                <dt>{field}</dt>
                <dd>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</dd>
              </div>
            ))}
          </dl>
        ) : application.error ? (
          <ProblemAlert error={application.error} />
        ) : (
          <Loading />
        )}
        {application.data && application.data.attachments.length > 0 ? (
          <ul>
            {application.data.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={`/applications/${id}/attachments/${attachment.id}`} target="_blank" rel="noreferrer">
                  {s(`Åpne vedlegget ${attachment.fileName} i ny fane`, `Opne vedlegget ${attachment.fileName} i ny fane`)}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </Section>

      <Section id="vurdering" title={s('Vurdering', 'Vurdering')}>
        <AssessmentSummary overview={data} />
      </Section>

      <Section id="vedtak" title={s('Vedtak', 'Vedtak')}>
        {data.decision ? (
          <dl className="summary">
            <div>
              <dt>{s('Beløp', 'Beløp')}</dt>
              <dd>
                {formatNok(data.decision.amountNok)} ({s('søkt', 'søkt')} {formatNok(data.decision.requestedNok)})
              </dd>
            </div>
            <div>
              <dt>{s('Kap./post', 'Kap./post')}</dt>
              <dd>{data.decision.budgetPost}</dd>
            </div>
            <div>
              <dt>{s('Begrunnelse', 'Grunngiving')}</dt>
              <dd>{data.decision.reasons}</dd>
            </div>
            <div>
              <dt>{s('Foreslått av / godkjent av', 'Føreslått av / godkjend av')}</dt>
              <dd>
                {data.decision.proposedBy} / {data.decision.approvedBy ?? '–'}
              </dd>
            </div>
          </dl>
        ) : (
          <Paragraph>{s('Ingen vedtak eller forslag ennå.', 'Ingen vedtak eller forslag enno.')}</Paragraph>
        )}
        {data.ministryNotification.required ? (
          <Paragraph>
            {s('Forhåndsorientering av departementet', 'Førehandsorientering av departementet')}:{' '}
            {data.ministryNotification.deliveredAt ? formatDateTime(data.ministryNotification.deliveredAt) : s('ikke levert', 'ikkje levert')}
          </Paragraph>
        ) : null}
        {data.ministryNotification.deliveryFailure ? (
          <div className="stack">
            <Alert data-color="danger">
              {s('E-posten til departementet kunne ikke leveres', 'E-posten til departementet kunne ikkje leverast')}:{' '}
              {data.ministryNotification.deliveryFailure}.{' '}
              {s('Tilskuddsbrevet kan ikke lages før den er levert.', 'Tilskotsbrevet kan ikkje lagast før han er levert.')}
            </Alert>
            {data.ministryNotification.messageId ? (
              <div>
                <Button
                  variant="secondary"
                  onClick={() =>
                    void answer(api.POST('/messages/{id}/resend', { params: { path: { id: data.ministryNotification.messageId! } }, body: {} })).then(
                      () => done(s('Forhåndsorienteringen er sendt på nytt.', 'Førehandsorienteringa er send på nytt.')),
                      () =>
                        done(
                          s('Forhåndsorienteringen kunne ikke sendes på nytt. Prøv igjen.', 'Førehandsorienteringa kunne ikkje sendast på nytt. Prøv igjen.'),
                        ),
                    )
                  }
                >
                  {s('Send forhåndsorienteringen på nytt', 'Send førehandsorienteringa på nytt')}
                </Button>
              </div>
            ) : null}
          </div>
        ) : null}
      </Section>

      {data.appeal ? (
        <Section id="klage" title={data.appeal.kind === 'klage' ? s('Klage', 'Klage') : s('Fornyet vurdering', 'Fornya vurdering')}>
          <AppealSummary appeal={data.appeal} />
        </Section>
      ) : null}

      {['accepted', 'paid', 'report_due', 'report_approved', 'closed'].includes(data.status) ? (
        <RecipientReportSection caseId={id} canReview={hasRole(session, 'caseworker')} />
      ) : null}

      <Section id="brev" title={s('Brev', 'Brev')}>
        {data.letters.length === 0 ? (
          <Paragraph>{s('Ingen brev er sendt.', 'Ingen brev er sende.')}</Paragraph>
        ) : (
          <ul>
            {data.letters.map((letter) => (
              <li key={letter.id}>
                <a href={`/cases/${id}/letters/${letter.id}`} target="_blank" rel="noreferrer">
                  {letter.kind === 'grant' ? s('Tilskuddsbrev', 'Tilskotsbrev') : s('Avslagsbrev', 'Avslagsbrev')} {formatDate(letter.producedAt)}{' '}
                  {s('(PDF, åpnes i ny fane)', '(PDF, blir opna i ny fane)')}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="utbetalinger" title={s('Utbetalinger', 'Utbetalingar')}>
        <Paragraph>
          {data.payments.length === 0
            ? s('Ingen utbetalinger ennå.', 'Ingen utbetalingar enno.')
            : data.payments.length === 1
              ? s('1 utbetaling.', '1 utbetaling.')
              : s(`${data.payments.length} utbetalinger.`, `${data.payments.length} utbetalingar.`)}
        </Paragraph>
      </Section>

      <Section id="notater" title={s('Notater', 'Notat')}>
        <NotesSection caseId={id} canWrite={data.canWriteNotes} />
      </Section>

      <Section id="historikk" title={s('Historikk', 'Historikk')}>
        {application.data ? <Timeline entries={application.data.history} /> : null}
      </Section>
    </Page>
  );
}

/** The latest appeal: IMDi's answer and, for a forwarded klage, the ministry's decision and reasons (fvl. § 34). */
function AppealSummary({ appeal }: { readonly appeal: NonNullable<CaseOverview['appeal']> }) {
  const s = useText();
  const imdi =
    appeal.outcome === null
      ? s('Venter på IMDis behandling.', 'Ventar på handsaminga til IMDi.')
      : appeal.outcome === 'reversed'
        ? s('IMDi omgjorde vedtaket; et nytt vedtak følger.', 'IMDi gjorde om vedtaket; eit nytt vedtak følgjer.')
        : appeal.forwardedAt
          ? s(
              `IMDi opprettholdt vedtaket og sendte klagen til departementet ${formatDate(appeal.forwardedAt)}.`,
              `IMDi heldt fast på vedtaket og sende klaga til departementet ${formatDate(appeal.forwardedAt)}.`,
            )
          : s('IMDi opprettholdt vedtaket etter en fornyet vurdering.', 'IMDi heldt fast på vedtaket etter ei fornya vurdering.');
  const ministry = appeal.ministryDecision;
  return (
    <dl className="summary">
      <div>
        <dt>{s('Mottatt', 'Motteken')}</dt>
        <dd>
          {formatDate(appeal.receivedAt)}
          {appeal.late ? ` (${s('etter klagefristen', 'etter klagefristen')})` : ''}
        </dd>
      </div>
      <div>
        <dt>{s('Klagerens begrunnelse', 'Grunngivinga til klagaren')}</dt>
        <dd>{appeal.grounds}</dd>
      </div>
      <div>
        <dt>{s('IMDis behandling', 'Handsaminga til IMDi')}</dt>
        <dd>{imdi}</dd>
      </div>
      {appeal.forwardedAt ? (
        <div>
          <dt>{s('Departementets avgjørelse', 'Avgjerda til departementet')}</dt>
          <dd>
            {ministry
              ? `${
                  ministry.outcome === 'upheld'
                    ? s('Klagen ble ikke tatt til følge: IMDis vedtak står.', 'Klaga vart ikkje teken til følgje: vedtaket til IMDi står.')
                    : s(
                        'Klageren fikk medhold: saken går tilbake til IMDi for nytt vedtak.',
                        'Klagaren fekk medhald: saka går tilbake til IMDi for nytt vedtak.',
                      )
                } (${formatDate(ministry.decidedAt)}${ministry.decidedByName ? `, ${ministry.decidedByName}` : ''})`
              : s('Venter på departementet.', 'Ventar på departementet.')}
          </dd>
        </div>
      ) : null}
      {ministry ? (
        <div>
          <dt>{s('Departementets begrunnelse', 'Grunngivinga til departementet')}</dt>
          <dd>{ministry.reasons}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function Section({ id, title, children }: { readonly id: string; readonly title: string; readonly children: ReactNode }) {
  return (
    <section className="section" aria-labelledby={id}>
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** One button per action the server offers; each opens its own small form. */
function Actions({ overview, onDone }: { readonly overview: CaseOverview; readonly onDone: (message: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="stack">
      <div className="row">
        {overview.actions.map((action) =>
          action.code === 'previewLetter' ? (
            <Button key={action.code} asChild variant="secondary">
              <a href={`/casework/cases/${overview.caseId}/letters/preview`} target="_blank" rel="noreferrer">
                {action.label}
              </a>
            </Button>
          ) : (
            <Button
              key={action.code}
              variant={open === action.code ? 'primary' : 'secondary'}
              aria-expanded={open === action.code}
              onClick={() => setOpen(open === action.code ? null : action.code)}
            >
              {action.label}
            </Button>
          ),
        )}
      </div>
      {overview.actions
        .filter((action) => action.code === open)
        .map((action) => (
          <ActionForm
            key={action.code}
            action={action}
            overview={overview}
            onDone={(message) => {
              setOpen(null);
              onDone(message);
            }}
          />
        ))}
    </div>
  );
}

interface FieldSpec {
  readonly name: string;
  readonly nb: string;
  readonly nn: string;
  readonly multiline?: boolean;
  readonly defaultValue?: string;
}

function ActionForm({
  action,
  overview,
  onDone,
}: {
  readonly action: StaffAction;
  readonly overview: CaseOverview;
  readonly onDone: (message: string) => void;
}) {
  const s = useText();
  const [problem, setProblem] = useState<unknown>();
  const formId = useId();
  const id = overview.caseId;
  const path = { params: { path: { id } } };
  const specs: Record<string, { fields: FieldSpec[]; submit: (values: Record<string, string>) => Promise<unknown>; done: [string, string] }> = {
    assign: {
      fields: [{ name: 'caseworkerId', nb: 'Brukernavn til saksbehandleren', nn: 'Brukarnamnet til sakshandsamaren' }],
      submit: (v) => answer(api.POST('/casework/cases/{id}/assign', { ...path, body: { caseworkerId: v.caseworkerId } })),
      done: ['Saken er tildelt.', 'Saka er tildelt.'],
    },
    declareConflict: {
      fields: [{ name: 'reason', nb: 'Hvorfor er du inhabil?', nn: 'Kvifor er du inhabil?', multiline: true }],
      submit: (v) =>
        answer(api.POST('/casework/conflicts', { body: { organisationNumber: overview.organisation?.organisationNumber ?? '', reason: v.reason } })),
      done: [
        'Inhabiliteten er registrert. Du kan ikke behandle saker fra denne søkeren.',
        'Inhabiliteten er registrert. Du kan ikkje handsame saker frå denne søkjaren.',
      ],
    },
    rejectFormally: {
      fields: [
        { name: 'reason', nb: 'Begrunnelse for avvisningen', nn: 'Grunngiving for avvisinga', multiline: true },
        { name: 'legalBasis', nb: 'Hjemmel', nn: 'Heimel' },
      ],
      submit: (v) => answer(api.POST('/applications/{id}/reject-formally', { ...path, body: { reason: v.reason, legalBasis: v.legalBasis } })),
      done: ['Søknaden er avvist.', 'Søknaden er avvist.'],
    },
    propose: {
      fields: [
        {
          name: 'amountNok',
          nb: 'Beløp i kroner (0 for avslag)',
          nn: 'Beløp i kroner (0 for avslag)',
          defaultValue: overview.assessmentGuide.suggestedNok ?? undefined,
        },
        { name: 'reasons', nb: 'Begrunnelse', nn: 'Grunngiving', multiline: true },
        { name: 'conditions', nb: 'Særlige vilkår (valgfritt)', nn: 'Særlege vilkår (valfritt)', multiline: true },
      ],
      submit: (v) =>
        answer(
          api.POST('/casework/cases/{id}/proposal', {
            ...path,
            body: { amountNok: v.amountNok.replace(/\s/g, '').replace(',', '.'), reasons: v.reasons, conditions: v.conditions || undefined },
          }),
        ),
      done: ['Forslaget til vedtak er sendt til godkjenning.', 'Forslaget til vedtak er sendt til godkjenning.'],
    },
    approve: { fields: [], submit: () => answer(api.POST('/casework/cases/{id}/approve', path)), done: ['Vedtaket er godkjent.', 'Vedtaket er godkjent.'] },
    returnForAssessment: {
      fields: [{ name: 'comment', nb: 'Kommentar til saksbehandleren', nn: 'Kommentar til sakshandsamaren', multiline: true }],
      submit: (v) => answer(api.POST('/casework/cases/{id}/return', { ...path, body: { comment: v.comment } })),
      done: ['Forslaget er sendt tilbake.', 'Forslaget er sendt tilbake.'],
    },
    gatherMinistryNotification: {
      fields: [],
      submit: () => answer(api.POST('/casework/ministry-notifications', { body: { schemeCode: overview.schemeCode, budgetYear: overview.budgetYear } })),
      done: ['Forhåndsorienteringen er sendt til departementet.', 'Førehandsorienteringa er send til departementet.'],
    },
    sendLetter: { fields: [], submit: () => answer(api.POST('/casework/cases/{id}/letters', path)), done: ['Brevet er sendt.', 'Brevet er sendt.'] },
    reverseAppeal: {
      fields: [],
      submit: () => answer(api.POST('/casework/cases/{id}/appeal/reverse', path)),
      done: ['Vedtaket er omgjort; lag et nytt forslag.', 'Vedtaket er gjort om; lag eit nytt forslag.'],
    },
    upholdAppeal: {
      fields: [{ name: 'summary', nb: 'Oppsummering til departementet', nn: 'Oppsummering til departementet', multiline: true }],
      submit: (v) => answer(api.POST('/casework/cases/{id}/appeal/uphold', { ...path, body: { summary: v.summary } })),
      done: ['Klagen er sendt til departementet.', 'Klaga er send til departementet.'],
    },
    sendProvisionalAnswer: {
      fields: [
        {
          name: 'expectedDecisionDate',
          nb: 'Når kan søkeren vente vedtak? (ÅÅÅÅ-MM-DD, valgfritt – ellers om 30 dager)',
          nn: 'Når kan søkjaren vente vedtak? (ÅÅÅÅ-MM-DD, valfritt – elles om 30 dagar)',
        },
      ],
      submit: (v) =>
        answer(
          api.POST('/casework/cases/{id}/provisional-answer', {
            ...path,
            body: v.expectedDecisionDate ? { expectedDecisionDate: v.expectedDecisionDate } : {},
          }),
        ),
      done: ['Foreløpig svar er sendt til søkeren.', 'Førebels svar er sendt til søkjaren.'],
    },
    reclaimNotice: {
      fields: [
        { name: 'amountNok', nb: 'Beløp i kroner', nn: 'Beløp i kroner' },
        { name: 'reason', nb: 'Begrunnelse', nn: 'Grunngiving', multiline: true },
        { name: 'commentDeadline', nb: 'Frist for uttalelse (ÅÅÅÅ-MM-DD)', nn: 'Frist for fråsegn (ÅÅÅÅ-MM-DD)' },
      ],
      submit: (v) =>
        answer(
          api.POST('/payments/cases/{id}/reclaim-notices', { ...path, body: { amountNok: v.amountNok, reason: v.reason, commentDeadline: v.commentDeadline } }),
        ),
      done: ['Varselet om tilbakekreving er sendt.', 'Varselet om tilbakekrevjing er sendt.'],
    },
  };
  const spec = specs[action.code];
  if (action.code === 'assess') return <AssessmentForm label={action.label} overview={overview} onDone={onDone} />;
  if (!spec) return <Paragraph>{s('Denne handlingen gjøres foreløpig over API-et.', 'Denne handlinga blir førebels gjord over API-et.')}</Paragraph>;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setProblem(undefined);
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(spec.fields.map((field) => [field.name, String(form.get(field.name) ?? '')]));
    try {
      await spec.submit(values);
      onDone(s(...spec.done));
    } catch (failure) {
      setProblem(failure);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack action-form" aria-label={action.label} noValidate>
      <FormProblems problem={problem} fieldIds={Object.fromEntries(spec.fields.map((field) => [field.name, `${formId}-${field.name}`]))} />
      {spec.fields.map((field) => (
        <Textfield
          key={field.name}
          id={`${formId}-${field.name}`}
          name={field.name}
          label={s(field.nb, field.nn)}
          defaultValue={field.defaultValue}
          error={fieldProblem(problem, field.name)}
          {...(field.multiline ? { multiline: true, rows: 3 } : {})}
        />
      ))}
      <div>
        <Button type="submit">{s(`Bekreft: ${action.label.toLowerCase()}`, `Stadfest: ${action.label.toLowerCase()}`)}</Button>
      </div>
    </form>
  );
}

/** The server's message for one field, shown beside it (Designsystemet's ValidationMessage through `error`). */
function fieldProblem(problem: unknown, field: string): string | undefined {
  if (!(problem instanceof ApiProblem)) return undefined;
  const found = problem.errors.find((entry) => entry.field === field || entry.field.split(/[.[]/)[0] === field);
  return found ? messageBesideField(found) || problem.detail : undefined;
}

/** What must be corrected, linking to each field; a refusal that names no field is shown as one alert. */
function FormProblems({ problem, fieldIds }: { readonly problem: unknown; readonly fieldIds: Readonly<Record<string, string>> }) {
  const s = useText();
  if (!problem) return null;
  if (!(problem instanceof ApiProblem) || problem.errors.length === 0) return <ProblemAlert error={problem} />;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{s('Dette må rettes før du kan gå videre:', 'Dette må rettast før du kan gå vidare:')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {problem.errors.map((entry, index) => {
          const target = fieldIds[entry.field] ?? fieldIds[entry.field.split(/[.[]/)[0]];
          const text = entry.message || problem.detail;
          return (
            <ErrorSummary.Item key={`${entry.field}-${index}`}>
              {target ? <ErrorSummary.Link href={`#${target}`}>{text}</ErrorSummary.Link> : text}
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** The recorded scores per criterion with their weights, the weighted total and the amount it suggests, with the rule. */
function AssessmentSummary({ overview }: { readonly overview: CaseOverview }) {
  const s = useText();
  const { language } = useLanguage();
  const guide = overview.assessmentGuide;
  const assessment = overview.assessment;
  if (guide.criteria.length === 0) return <Paragraph>{s('Ordningen poengsetter ikke søknader.', 'Ordninga poengset ikkje søknader.')}</Paragraph>;
  return (
    <div className="stack">
      <Paragraph>
        {s(
          `Hvert kriterium får ${guide.scale.min}–${guide.scale.max} poeng, ganget med vekten; høyeste sum er ${guide.maxTotalScore}.`,
          `Kvart kriterium får ${guide.scale.min}–${guide.scale.max} poeng, gonga med vekta; høgaste sum er ${guide.maxTotalScore}.`,
        )}
      </Paragraph>
      {assessment ? null : <Paragraph>{s('Ikke vurdert ennå.', 'Ikkje vurdert enno.')}</Paragraph>}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={s('Kriterier og poeng', 'Kriterium og poeng')}>
        <Table>
          <caption>{s('Kriterier og poeng', 'Kriterium og poeng')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s('Kriterium', 'Kriterium')}</Table.HeaderCell>
              <Table.HeaderCell>{s('Vekt', 'Vekt')}</Table.HeaderCell>
              <Table.HeaderCell>{s('Poeng', 'Poeng')}</Table.HeaderCell>
              <Table.HeaderCell>{s('Merknad', 'Merknad')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {guide.criteria.map((criterion) => {
              const score = assessment?.scores.find((entry) => entry.criterion === criterion.code);
              return (
                <Table.Row key={criterion.code}>
                  <Table.Cell>{language === 'nn' ? criterion.label.nn : criterion.label.nb}</Table.Cell>
                  <Table.Cell>{criterion.weight} %</Table.Cell>
                  <Table.Cell>{score ? `${score.score} ${s('av', 'av')} ${guide.scale.max}` : '–'}</Table.Cell>
                  <Table.Cell>{score?.comment || '–'}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
      {assessment ? (
        <dl className="summary">
          <div>
            <dt>{s('Vektet poengsum', 'Vekta poengsum')}</dt>
            <dd>
              {assessment.totalScore} {s('av', 'av')} {guide.maxTotalScore}
            </dd>
          </div>
          <div>
            <dt>{s('Søkt beløp', 'Søkt beløp')}</dt>
            <dd>{formatNok(guide.requestedNok)}</dd>
          </div>
          <div>
            <dt>{s('Foreslått beløp', 'Føreslått beløp')}</dt>
            <dd>{guide.suggestedNok === null ? '–' : guide.suggestedNok === '0.00' ? s('Avslag', 'Avslag') : formatNok(guide.suggestedNok)}</dd>
          </div>
          <div>
            <dt>{s('Samlet vurdering', 'Samla vurdering')}</dt>
            <dd>{assessment.comment}</dd>
          </div>
          <div>
            <dt>{s('Vurdert', 'Vurdert')}</dt>
            <dd>{formatDateTime(assessment.assessedAt)}</dd>
          </div>
        </dl>
      ) : null}
      <Paragraph data-size="sm">{language === 'nn' ? guide.suggestionRule.nn : guide.suggestionRule.nb}</Paragraph>
    </div>
  );
}

/** Scores on the scheme's criteria and scale; the server weighs them and suggests an amount. */
function AssessmentForm({ label, overview, onDone }: { readonly label: string; readonly overview: CaseOverview; readonly onDone: (message: string) => void }) {
  const s = useText();
  const { language } = useLanguage();
  const formId = useId();
  const guide = overview.assessmentGuide;
  const previous = overview.assessment;
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      guide.criteria.map((criterion) => [criterion.code, String(previous?.scores.find((entry) => entry.criterion === criterion.code)?.score ?? '')]),
    ),
  );
  const [missing, setMissing] = useState<readonly string[]>([]);
  const [problem, setProblem] = useState<unknown>();
  const labelOf = (criterion: (typeof guide.criteria)[number]) => (language === 'nn' ? criterion.label.nn : criterion.label.nb);
  const scale = Array.from({ length: guide.scale.max - guide.scale.min + 1 }, (_, index) => guide.scale.min + index);
  const chosen = guide.criteria.filter((criterion) => scores[criterion.code] !== '');
  const runningTotal = chosen.reduce((total, criterion) => total + Number(scores[criterion.code]) * criterion.weight, 0);
  const scoreId = (code: string) => `${formId}-score-${code}`;
  const commentId = `${formId}-comment`;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setProblem(undefined);
    const form = new FormData(event.currentTarget);
    const unscoredCriteria = guide.criteria.filter((criterion) => scores[criterion.code] === '');
    const unscored = unscoredCriteria.map((criterion) => criterion.code);
    setMissing(unscored);
    const comment = String(form.get('comment') ?? '');
    if (unscored.length > 0 || comment.trim() === '') {
      setProblem(
        new ApiProblem(400, 'LOCAL', '', [
          ...unscoredCriteria.map((criterion) => ({
            field: `score-${criterion.code}`,
            rule: 'required',
            message: s(`Gi poeng for «${labelOf(criterion)}».`, `Gi poeng for «${labelOf(criterion)}».`),
          })),
          ...(comment.trim() === '' ? [{ field: 'comment', rule: 'required', message: s('Skriv en samlet vurdering.', 'Skriv ei samla vurdering.') }] : []),
        ]),
      );
      return;
    }
    try {
      const result = await answer<AssessmentResult>(
        api.POST('/casework/cases/{id}/assessment', {
          params: { path: { id: overview.caseId } },
          body: {
            comment,
            scores: guide.criteria.map((criterion) => ({
              criterion: criterion.code,
              score: Number(scores[criterion.code]),
              comment: String(form.get(`note-${criterion.code}`) ?? ''),
            })),
          },
        }),
      );
      onDone(
        s(
          `Vurderingen er lagret: ${result.totalScore} av ${guide.maxTotalScore} poeng.${result.suggestedNok ? ` Foreslått beløp: ${result.suggestedNok === '0.00' ? 'avslag' : formatNok(result.suggestedNok)}.` : ''}`,
          `Vurderinga er lagra: ${result.totalScore} av ${guide.maxTotalScore} poeng.${result.suggestedNok ? ` Føreslått beløp: ${result.suggestedNok === '0.00' ? 'avslag' : formatNok(result.suggestedNok)}.` : ''}`,
        ),
      );
    } catch (failure) {
      setProblem(failure);
    }
  }

  const fieldIds = {
    ...Object.fromEntries(guide.criteria.map((criterion) => [`score-${criterion.code}`, scoreId(criterion.code)])),
    comment: commentId,
    scores: scoreId(guide.criteria[0]?.code ?? ''),
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="stack action-form" aria-label={label} noValidate>
      <FormProblems problem={problem} fieldIds={fieldIds} />
      <Paragraph>
        {s(
          `Gi ${guide.scale.min}–${guide.scale.max} poeng for hvert kriterium (${guide.scale.max} er best). Poengene ganges med vekten.`,
          `Gi ${guide.scale.min}–${guide.scale.max} poeng for kvart kriterium (${guide.scale.max} er best). Poenga blir gonga med vekta.`,
        )}
      </Paragraph>
      {guide.criteria.map((criterion) => {
        const error = missing.includes(criterion.code) ? fieldProblem(problem, `score-${criterion.code}`) : fieldProblem(problem, 'scores');
        return (
          <div key={criterion.code} className="stack">
            <Field>
              <Label htmlFor={scoreId(criterion.code)}>{`${labelOf(criterion)} (${s('vekt', 'vekt')} ${criterion.weight} %)`}</Label>
              <Select
                id={scoreId(criterion.code)}
                value={scores[criterion.code]}
                aria-invalid={error ? true : undefined}
                onChange={(event) => setScores({ ...scores, [criterion.code]: event.target.value })}
              >
                <Select.Option value="">{s('Velg poeng', 'Vel poeng')}</Select.Option>
                {scale.map((value) => (
                  <Select.Option key={value} value={String(value)}>
                    {value}
                  </Select.Option>
                ))}
              </Select>
              {error ? <ValidationMessage>{error}</ValidationMessage> : null}
            </Field>
            <Textfield
              name={`note-${criterion.code}`}
              label={s(`Merknad til «${labelOf(criterion)}» (valgfritt)`, `Merknad til «${labelOf(criterion)}» (valfritt)`)}
              defaultValue={previous?.scores.find((entry) => entry.criterion === criterion.code)?.comment ?? ''}
            />
          </div>
        );
      })}
      <Paragraph aria-live="polite">
        {s('Vektet poengsum så langt', 'Vekta poengsum så langt')}: {runningTotal} {s('av', 'av')} {guide.maxTotalScore}
      </Paragraph>
      <Textfield
        id={commentId}
        name="comment"
        label={s('Samlet vurdering', 'Samla vurdering')}
        multiline
        rows={3}
        defaultValue={previous?.comment ?? ''}
        error={fieldProblem(problem, 'comment')}
      />
      <div>
        <Button type="submit">{s(`Bekreft: ${label.toLowerCase()}`, `Stadfest: ${label.toLowerCase()}`)}</Button>
      </div>
    </form>
  );
}

/** Internal notes, newest first, and a form to add one; the applicant never sees them. */
function NotesSection({ caseId, canWrite }: { readonly caseId: string; readonly canWrite: boolean }) {
  const s = useText();
  const formId = useId();
  const notes = useLoad(() => answer<CaseNote[]>(api.GET('/casework/cases/{id}/notes', { params: { path: { id: caseId } } })), [caseId]);
  const [problem, setProblem] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setProblem(undefined);
    setSaved(false);
    const form = event.currentTarget;
    const text = String(new FormData(form).get('text') ?? '');
    try {
      await answer(api.POST('/casework/cases/{id}/notes', { params: { path: { id: caseId } }, body: { text } }));
      form.reset();
      setSaved(true);
      notes.reload();
    } catch (failure) {
      setProblem(failure);
    }
  }

  return (
    <div className="stack">
      {notes.error ? <ProblemAlert error={notes.error} /> : null}
      {notes.data && notes.data.length === 0 ? <Paragraph>{s('Ingen notater ennå.', 'Ingen notat enno.')}</Paragraph> : null}
      {notes.data && notes.data.length > 0 ? (
        <ul className="notes">
          {notes.data.map((note) => (
            <li key={note.id}>
              <Paragraph data-size="sm">
                {formatDateTime(note.writtenAt)} – {note.writtenByName ?? note.writtenBy}
              </Paragraph>
              <Paragraph className="note-text">{note.text}</Paragraph>
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        <form onSubmit={(event) => void submit(event)} className="stack action-form" aria-label={s('Nytt notat', 'Nytt notat')} noValidate>
          <FormProblems problem={problem} fieldIds={{ text: `${formId}-text` }} />
          <Textfield
            id={`${formId}-text`}
            name="text"
            label={s('Nytt notat (bare for saksbehandlere)', 'Nytt notat (berre for sakshandsamarar)')}
            multiline
            rows={3}
            error={fieldProblem(problem, 'text')}
          />
          {saved ? <Paragraph role="status">{s('Notatet er lagret.', 'Notatet er lagra.')}</Paragraph> : null}
          <div>
            <Button type="submit">{s('Lagre notatet', 'Lagre notatet')}</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** What each recorded step means, in words: the case's transitions and casework's own entries. */
const HISTORY_WORDS: Record<string, [string, string]> = {
  'case.opened': ['Saken ble opprettet', 'Saka vart oppretta'],
  'case.submit': ['Søknaden ble sendt inn', 'Søknaden vart send inn'],
  'case.withdraw': ['Søkeren trakk søknaden', 'Søkjaren trekte søknaden'],
  'case.rejectFormally': ['Søknaden ble avvist formelt', 'Søknaden vart avvist formelt'],
  'case.startAssessment': ['Vurderingen startet', 'Vurderinga starta'],
  'case.assessed': ['Søknaden ble vurdert og poengsatt', 'Søknaden vart vurdert og poengsett'],
  'case.assigned': ['Saken ble tildelt en saksbehandler', 'Saka vart tildelt ein sakshandsamar'],
  'case.propose': ['Forslag til vedtak ble lagt fram', 'Forslag til vedtak vart lagt fram'],
  'case.returnForAssessment': ['Forslaget ble sendt tilbake til saksbehandleren', 'Forslaget vart sendt tilbake til sakshandsamaren'],
  'case.approve': ['Vedtaket ble godkjent', 'Vedtaket vart godkjent'],
  'case.refuse': ['Avslaget ble godkjent', 'Avslaget vart godkjent'],
  'case.notifyMinistry': ['Departementet ble orientert', 'Departementet vart orientert'],
  'case.sendLetter': ['Brevet ble sendt', 'Brevet vart sendt'],
  'case.accept': ['Tilskuddet ble akseptert', 'Tilskotet vart akseptert'],
  'case.recordPayment': ['Tilskuddet ble utbetalt', 'Tilskotet vart utbetalt'],
  'case.requireReport': ['Rapport ble krevd', 'Rapport vart kravd'],
  'case.report-submitted': ['Rapporten kom inn', 'Rapporten kom inn'],
  'case.report-more-requested': ['Det ble bedt om mer i rapporten', 'Det vart bede om meir i rapporten'],
  'case.approveReport': ['Rapporten ble godkjent', 'Rapporten vart godkjend'],
  'case.report-approved': ['Rapporten ble godkjent', 'Rapporten vart godkjend'],
  'case.close': ['Saken ble avsluttet', 'Saka vart avslutta'],
  'case.appeal': ['Vedtaket ble påklaget', 'Vedtaket vart påklaga'],
  'case.uphold': ['Vedtaket ble opprettholdt og klagen sendt til departementet', 'Vedtaket vart halde ved lag og klaga send til departementet'],
  'case.ministryReverse': [
    'Departementet ga klageren medhold, og saken ble sendt tilbake til vurdering',
    'Departementet gav klagaren medhald, og saka vart send tilbake til vurdering',
  ],
  'appeal.ministry-decided': ['Departementet avgjorde klagen', 'Departementet avgjorde klaga'],
  'case.provisional-answer-sent': ['Søkeren fikk foreløpig svar', 'Søkjaren fekk førebels svar'],
  'case.note-added': ['Et notat ble skrevet', 'Eit notat vart skrive'],
};

/** The steps only the applicant takes. */
const APPLICANT_STEPS = new Set(['case.submit', 'case.withdraw', 'case.accept', 'case.appeal', 'case.report-submitted']);

/** Who did it, in words: the applicant, IMDi or the system on its own, never a user id. */
function actorWords(entry: ApplicationDetail['history'][number], s: (nb: string, nn: string) => string): string {
  if (entry.actorId === 'system') return s('(automatisk)', '(automatisk)');
  if (APPLICANT_STEPS.has(entry.action) || / for \d{9}$/.test(entry.actorId)) return s('(søkeren)', '(søkjaren)');
  if (entry.action === 'case.ministryReverse' || entry.action === 'appeal.ministry-decided') return s('(departementet)', '(departementet)');
  return s('(IMDi)', '(IMDi)');
}

/** The case's history as a timeline in words, oldest first. */
function Timeline({ entries }: { readonly entries: ApplicationDetail['history'] }) {
  const s = useText();
  const { language } = useLanguage();
  if (entries.length === 0) return <Paragraph>{s('Ingenting er registrert ennå.', 'Ingenting er registrert enno.')}</Paragraph>;
  return (
    <ol className="timeline">
      {entries.map((entry) => {
        const words = HISTORY_WORDS[entry.action];
        const what = words ? words[language === 'nn' ? 1 : 0] : s('Saken ble endret', 'Saka vart endra');
        return (
          <li key={entry.id}>
            <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>: {what} {actorWords(entry, s)}.
          </li>
        );
      })}
    </ol>
  );
}
