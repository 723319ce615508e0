import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { answer, api } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { hasRole, useSession } from '../session';
import { RecipientReportSection } from './reports';
import { formatDate, formatDateTime, formatNok, useStatusName, useText } from './text';
import type { ApplicationDetail, CaseOverview, StaffAction } from './views';

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
                  {attachment.fileName}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </Section>

      <Section id="vurdering" title={s('Vurdering', 'Vurdering')}>
        {data.assessment ? (
          <Paragraph>
            {s('Poeng', 'Poeng')}: {data.assessment.totalScore}. {data.assessment.comment}
          </Paragraph>
        ) : (
          <Paragraph>{s('Ikke vurdert ennå.', 'Ikkje vurdert enno.')}</Paragraph>
        )}
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
                  {letter.kind === 'grant' ? s('Tilskuddsbrev', 'Tilskotsbrev') : s('Avslagsbrev', 'Avslagsbrev')} {formatDate(letter.producedAt)}
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
            : s(`${data.payments.length} utbetalinger.`, `${data.payments.length} utbetalingar.`)}
        </Paragraph>
      </Section>

      <Section id="historikk" title={s('Historikk', 'Historikk')}>
        {application.data ? (
          <ol className="timeline">
            {application.data.history.map((entry) => (
              <li key={entry.id}>
                {formatDateTime(entry.occurredAt)}: {entry.action} ({entry.actorId})
              </li>
            ))}
          </ol>
        ) : null}
      </Section>
    </Page>
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
        { name: 'amountNok', nb: 'Beløp i kroner (0 for avslag)', nn: 'Beløp i kroner (0 for avslag)' },
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
      {spec.fields.map((field) =>
        field.multiline ? (
          <Textfield key={field.name} name={field.name} label={s(field.nb, field.nn)} multiline rows={3} />
        ) : (
          <Textfield key={field.name} name={field.name} label={s(field.nb, field.nn)} />
        ),
      )}
      {problem ? <ProblemAlert error={problem} /> : null}
      <div>
        <Button type="submit">{s(`Bekreft: ${action.label.toLowerCase()}`, `Stadfest: ${action.label.toLowerCase()}`)}</Button>
      </div>
    </form>
  );
}
