import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { answer, api, ApiProblem } from '../api/client';
import type { ApplicationDetail, DecisionLetterView, RecipientCaseView, RecipientReportView, SchemeView } from '../api/views';
import { dateText, dateTimeText, kroner } from '../format';
import { addMessages, useLanguage } from '../i18n';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { StatusTag } from '../status';
import { AppealOutcomeSection, DecisionSection, PayoutSection, ReclaimSection, ReportSection } from './case-outcome';

addMessages({
  nb: {
    'case.title': 'Sak {caseNumber}',
    'case.scheme': 'Ordning',
    'case.status': 'Status',
    'case.requested': 'Søkt beløp',
    'case.submitted': 'Sendt',
    'case.letters': 'Brev',
    'case.noLetters': 'Ingen brev ennå. Vedtaksbrevet kommer her.',
    'case.letter.grant': 'Vedtaksbrev: innvilget',
    'case.letter.refusal': 'Vedtaksbrev: avslag',
    'case.letter.other': 'Brev',
    'case.accept': 'Aksepter tilskuddet',
    'case.accept.text': 'Tilskuddet er innvilget. Les vedtaksbrevet, og aksepter vilkårene for at tilskuddet skal bli utbetalt.',
    'case.accepted': 'Du har akseptert tilskuddet.',
    'case.timeline': 'Hva har skjedd',
    'case.report': 'Rapportering',
    'case.receipt': 'Kvittering (PDF)',
    'case.appeal': 'Klag på vedtaket',
    'case.appeal.text': 'Er du uenig i vedtaket, kan du klage. Skriv hva du er uenig i og hvorfor (minst 10 tegn).',
    'case.appeal.grounds': 'Begrunnelse for klagen',
    'case.appeal.send': 'Send klagen',
    'case.appeal.sent': 'Klagen er sendt.',
  },
  nn: {
    'case.title': 'Sak {caseNumber}',
    'case.scheme': 'Ordning',
    'case.status': 'Status',
    'case.requested': 'Søkt beløp',
    'case.submitted': 'Sendt',
    'case.letters': 'Brev',
    'case.noLetters': 'Ingen brev enno. Vedtaksbrevet kjem her.',
    'case.letter.grant': 'Vedtaksbrev: innvilga',
    'case.letter.refusal': 'Vedtaksbrev: avslag',
    'case.letter.other': 'Brev',
    'case.accept': 'Aksepter tilskotet',
    'case.accept.text': 'Tilskotet er innvilga. Les vedtaksbrevet, og aksepter vilkåra for at tilskotet skal bli utbetalt.',
    'case.accepted': 'Du har akseptert tilskotet.',
    'case.timeline': 'Kva har skjedd',
    'case.report': 'Rapportering',
    'case.receipt': 'Kvittering (PDF)',
    'case.appeal': 'Klag på vedtaket',
    'case.appeal.text': 'Er du usamd i vedtaket, kan du klage. Skriv kva du er usamd i og kvifor (minst 10 teikn).',
    'case.appeal.grounds': 'Grunngiving for klaga',
    'case.appeal.send': 'Send klaga',
    'case.appeal.sent': 'Klaga er sendt.',
  },
});

/** The case as the applicant follows it: status in words, letters, what to do now, and what has happened. */
export function CasePage() {
  const { t, language } = useLanguage();
  const id = useParams().id ?? '';
  const [failure, setFailure] = useState<unknown>(undefined);
  const [accepted, setAccepted] = useState(false);
  const { data, error, reload } = useLoad(async () => {
    const application = await answer<ApplicationDetail>(api.GET('/applications/{id}', { params: { path: { id } } }));
    const submitted = application.submittedAt !== null;
    const [scheme, letters, outcome, report] = await Promise.all([
      answer<SchemeView>(api.GET('/schemes/{code}', { params: { path: { code: application.schemeCode }, query: { year: application.budgetYear } } })),
      answer<DecisionLetterView[]>(api.GET('/cases/{id}/letters', { params: { path: { id } } })).catch(() => [] as DecisionLetterView[]),
      submitted ? answer<RecipientCaseView>(api.GET('/cases/{id}/outcome', { params: { path: { id } } })) : Promise.resolve(null),
      // A reporting duty exists from acceptance on; before that the api answers 404.
      submitted ? answer<RecipientReportView>(api.GET('/cases/{id}/report', { params: { path: { id } } })).catch(() => null) : Promise.resolve(null),
    ]);
    return { application, scheme, letters, outcome, report };
  }, [id]);
  // Payments makes the plan from the acceptance a moment later (it hears of it through the outbox):
  // look again each second, for at most a minute, until the plan is there.
  const planLooks = useRef(0);
  const planPending = accepted && data?.outcome?.payouts.instalments.length === 0;
  useEffect(() => {
    if (!planPending || planLooks.current >= 60) return;
    const timer = setTimeout(() => {
      planLooks.current += 1;
      reload();
    }, 1000);
    return () => clearTimeout(timer);
  }, [planPending, data, reload]);
  if (error)
    return (
      <Page title={t('error.title')}>
        <ProblemAlert error={error} />
      </Page>
    );
  if (!data) return <Loading />;
  const { application, scheme, letters, outcome, report } = data;
  const { actions } = application;
  async function accept(): Promise<void> {
    try {
      await answer(api.POST('/cases/{id}/accept', { params: { path: { id } } }));
      setAccepted(true);
      reload();
    } catch (problem) {
      setFailure(problem);
    }
  }
  return (
    <Page title={t('case.title', { caseNumber: application.caseNumber ?? '–' })}>
      <dl className="summary">
        <div>
          <dt>{t('case.scheme')}</dt>
          <dd>
            {scheme.name[language]} {application.budgetYear}
          </dd>
        </div>
        <div>
          <dt>{t('case.status')}</dt>
          <dd>
            <StatusTag status={application.status} />
          </dd>
        </div>
        <div>
          <dt>{t('case.requested')}</dt>
          <dd>{kroner(application.requestedNok)}</dd>
        </div>
        <div>
          <dt>{t('case.submitted')}</dt>
          <dd>{dateTimeText(application.submittedAt, language)}</dd>
        </div>
      </dl>
      {failure ? <ProblemAlert error={failure} /> : null}
      {outcome ? <DecisionSection outcome={outcome} /> : null}
      {accepted ? (
        <Alert data-color="success" role="status">
          {t('case.accepted')}
        </Alert>
      ) : null}
      {actions.includes('accept') ? (
        <section className="section" aria-labelledby="aksept">
          <Heading level={2} data-size="sm" id="aksept">
            {t('case.accept')}
          </Heading>
          <Paragraph>{t('case.accept.text')}</Paragraph>
          {outcome?.acceptBy ? <Paragraph>{t('outcome.acceptBy', { date: dateText(outcome.acceptBy, language) })}</Paragraph> : null}
          <Button type="button" onClick={() => void accept()}>
            {t('case.accept')}
          </Button>
        </section>
      ) : null}
      {actions.includes('appeal') ? <Appeal id={id} onDone={reload} /> : null}
      {outcome ? <AppealOutcomeSection outcome={outcome} /> : null}
      {outcome ? <PayoutSection outcome={outcome} planComing={planPending} /> : null}
      {report ? <ReportSection key={`${report.status}-${report.submittedAt ?? ''}`} report={report} onChange={reload} /> : null}
      {outcome ? <ReclaimSection outcome={outcome} onChange={reload} /> : null}
      <section className="section" aria-labelledby="brev">
        <Heading level={2} data-size="sm" id="brev">
          {t('case.letters')}
        </Heading>
        {letters.length === 0 ? <Paragraph>{t('case.noLetters')}</Paragraph> : null}
        <ul>
          {letters.map((letter) => (
            <li key={letter.id}>
              <a href={`/cases/${id}/letters/${letter.id}`}>
                {t(letter.kind === 'grant' ? 'case.letter.grant' : letter.kind === 'refusal' ? 'case.letter.refusal' : 'case.letter.other')}
              </a>{' '}
              ({dateText(letter.producedAt, language)})
            </li>
          ))}
          <li>
            <a href={`/applications/${id}/receipt`}>{t('case.receipt')}</a>
          </li>
        </ul>
      </section>
      <section className="section" aria-labelledby="historikk">
        <Heading level={2} data-size="sm" id="historikk">
          {t('case.timeline')}
        </Heading>
        <ol className="timeline">
          {application.history
            .filter((entry) => entry.action in TIMELINE)
            .map((entry) => (
              <li key={entry.id}>
                {dateTimeText(entry.occurredAt, language)}: {TIMELINE[entry.action]![language]}
              </li>
            ))}
        </ol>
      </section>
      <Paragraph>
        <Link to="/">{t('nav.home')}</Link>
      </Paragraph>
    </Page>
  );
}

/**
 * What each step on the case means to the applicant, in words; IMDi's internal steps (assignment,
 * assessment, proposal, returns) are left out of the applicant's timeline.
 */
const TIMELINE: Record<string, { nb: string; nn: string }> = {
  'case.opened': { nb: 'Søknaden ble påbegynt', nn: 'Søknaden vart påbyrja' },
  'case.submit': { nb: 'Søknaden ble sendt til IMDi', nn: 'Søknaden vart send til IMDi' },
  'case.withdraw': { nb: 'Søknaden ble trukket', nn: 'Søknaden vart trekt' },
  'case.rejectFormally': { nb: 'Søknaden ble avvist', nn: 'Søknaden vart avvist' },
  'case.startAssessment': { nb: 'IMDi begynte å behandle søknaden', nn: 'IMDi byrja å handsame søknaden' },
  'case.approve': { nb: 'IMDi vedtok å innvilge tilskuddet', nn: 'IMDi vedtok å innvilge tilskotet' },
  'case.refuse': { nb: 'IMDi vedtok å avslå søknaden', nn: 'IMDi vedtok å avslå søknaden' },
  'case.sendLetter': { nb: 'Vedtaksbrevet ble sendt', nn: 'Vedtaksbrevet vart sendt' },
  'case.accept': { nb: 'Tilskuddet ble akseptert', nn: 'Tilskotet vart akseptert' },
  'case.recordPayment': { nb: 'Tilskuddet ble utbetalt', nn: 'Tilskotet vart utbetalt' },
  'case.requireReport': { nb: 'Rapporten skal leveres', nn: 'Rapporten skal leverast' },
  'case.report-submitted': { nb: 'Rapporten ble sendt', nn: 'Rapporten vart send' },
  'case.report-more-requested': { nb: 'IMDi ba om mer i rapporten', nn: 'IMDi bad om meir i rapporten' },
  'case.approveReport': { nb: 'Rapporten ble godkjent', nn: 'Rapporten vart godkjend' },
  'case.close': { nb: 'Saken ble avsluttet', nn: 'Saka vart avslutta' },
  'case.appeal': { nb: 'Klagen ble mottatt', nn: 'Klaga vart motteken' },
  'case.uphold': { nb: 'IMDi holdt fast på vedtaket', nn: 'IMDi heldt fast på vedtaket' },
  'appeal.ministry-decided': { nb: 'Departementet avgjorde klagen', nn: 'Departementet avgjorde klaga' },
  'case.ministryReverse': { nb: 'Saken gikk tilbake til IMDi for nytt vedtak', nn: 'Saka gjekk tilbake til IMDi for nytt vedtak' },
  'case.reclaim-notified': { nb: 'IMDi varslet krav om tilbakebetaling', nn: 'IMDi varsla krav om tilbakebetaling' },
  'case.reclaim-notice-commented': { nb: 'Uttalelsen til varselet ble mottatt', nn: 'Fråsegna til varselet vart motteken' },
  'case.reclaim-demanded': { nb: 'IMDi krevde tilbakebetaling', nn: 'IMDi kravde tilbakebetaling' },
  'case.reclaim-appealed': { nb: 'Klagen på kravet ble mottatt', nn: 'Klaga på kravet vart motteken' },
  'case.repayment-registered': { nb: 'Tilbakebetalingen ble registrert', nn: 'Tilbakebetalinga vart registrert' },
};

/** An appeal against the decision, by the scheme's route; the server says when one may be made. */
function Appeal({ id, onDone }: { readonly id: string; readonly onDone: () => void }) {
  const { t } = useLanguage();
  const [grounds, setGrounds] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  async function send(): Promise<void> {
    setProblem(undefined);
    setFailure(undefined);
    try {
      await answer(api.POST('/cases/{id}/appeal', { params: { path: { id } }, body: { grounds } }));
      onDone();
    } catch (error) {
      if (error instanceof ApiProblem && error.errors.length > 0) setProblem(error.errors.map((entry) => entry.message).join(' '));
      else setFailure(error);
    }
  }
  return (
    <section className="section" aria-labelledby="klage">
      <Heading level={2} data-size="sm" id="klage">
        {t('case.appeal')}
      </Heading>
      <Paragraph>{t('case.appeal.text')}</Paragraph>
      {failure ? <ProblemAlert error={failure} /> : null}
      <form className="stack" noValidate onSubmit={(event) => event.preventDefault()}>
        <Textfield
          id="klage-grunner"
          label={t('case.appeal.grounds')}
          multiline
          rows={4}
          value={grounds}
          error={problem}
          onChange={(event) => setGrounds(event.target.value)}
        />
        <div>
          <Button type="button" variant="secondary" onClick={() => void send()}>
            {t('case.appeal.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
