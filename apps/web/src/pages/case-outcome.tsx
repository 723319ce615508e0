import { Alert, Button, Checkbox, Field, Fieldset, Heading, Input, Label, Paragraph, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { answer, api, ApiProblem } from '../api/client';
import type { RecipientCaseView, RecipientReportView } from '../api/views';
import { dateText, kroner } from '../format';
import { addMessages, useLanguage } from '../i18n';
import { ProblemAlert } from '../page';

addMessages({
  nb: {
    'outcome.decision': 'Vedtak',
    'outcome.granted': 'Innvilget',
    'outcome.partly_granted': 'Delvis innvilget',
    'outcome.refused': 'Avslått',
    'outcome.result': 'Resultat',
    'outcome.amount': 'Innvilget beløp',
    'outcome.requested': 'Søkt beløp',
    'outcome.decidedAt': 'Vedtaksdato',
    'outcome.reasons': 'Begrunnelse',
    'outcome.conditions': 'Vilkår',
    'outcome.acceptBy': 'Frist for å akseptere: {date}',
    'outcome.plan': 'Utbetalingsplan',
    'outcome.noPlan': 'Utbetalingsplanen lages når du har akseptert tilskuddet.',
    'outcome.planComing': 'Utbetalingsplanen lages nå og vises her straks.',
    'outcome.part': 'Del {number}: {amount}',
    'outcome.due': 'forfaller {date}',
    'outcome.heldForReport': 'holdes tilbake til rapporten er godkjent',
    'outcome.heldForAccount': 'venter på nytt kontonummer',
    'outcome.paid': 'Utbetalt',
    'outcome.notPaid': 'Ikke utbetalt ennå',
    'outcome.payments': 'Utbetalinger',
    'outcome.noPayments': 'Ingen utbetalinger ennå.',
    'outcome.payment': '{amount} med utbetalingsdato {date}',
    'outcome.paymentRejected': 'Banken avviste betalingen: {reason}',
    'outcome.reclaims': 'Tilbakebetaling',
    'outcome.notice': 'Varsel om krav om tilbakebetaling av {amount}',
    'outcome.notice.deadline': 'Frist for å uttale deg: {date}',
    'outcome.notice.comment': 'Din uttalelse',
    'outcome.notice.send': 'Send uttalelsen',
    'outcome.notice.letter': 'Varselet om tilbakebetaling (PDF, åpnes i ny fane)',
    'outcome.notice.yourComment': 'Du uttalte deg {date}: {comment}',
    'outcome.reclaim': 'Krav om tilbakebetaling av {amount}, frist {date}',
    'outcome.reclaim.outstanding': 'Utestående: {amount}',
    'outcome.reclaim.appeal': 'Klag på kravet (frist {date})',
    'outcome.reclaim.appealed': 'Du klaget {date}.',
    'outcome.reclaim.grounds': 'Begrunnelse for klagen',
    'outcome.reclaim.letter': 'Vedtaksbrevet om tilbakebetaling, vår ref. {reference} (PDF, åpnes i ny fane)',
    'outcome.reclaim.letterNoReference': 'Vedtaksbrevet om tilbakebetaling (PDF, åpnes i ny fane)',
    'report.title': 'Rapportering',
    'report.due': 'Rapporten skal sendes innen {date}.',
    'report.overdue': 'Fristen for rapporten er passert.',
    'report.status.due': 'Ikke sendt',
    'report.status.submitted': 'Sendt, til behandling',
    'report.status.more_requested': 'IMDi ber om mer',
    'report.status.approved': 'Godkjent',
    'report.reviewComment': 'Kommentar fra IMDi: {comment}',
    'report.useOfFunds': 'Hvordan ble pengene brukt?',
    'report.spentNok': 'Brukt beløp i kroner',
    'report.results': 'Hvilke resultater fikk dere?',
    'report.goalAchievement': 'I hvilken grad nådde dere målene?',
    'report.participantsFemale': 'Antall deltakere, kvinner',
    'report.participantsMale': 'Antall deltakere, menn',
    'report.accounts': 'Regnskap',
    'report.accountLine': 'Linje {number}',
    'report.accountDescription': 'Hva pengene gikk til',
    'report.accountAmount': 'Beløp i kroner',
    'report.addLine': 'Legg til linje i regnskapet',
    'report.auditor': 'Regnskapet er bekreftet av revisor',
    'report.send': 'Send rapporten',
    'report.sent': 'Rapporten er sendt.',
    'report.textHint': 'Minst 10 tegn.',
    'report.attachments': 'Vedlegg til rapporten',
    'report.attachments.none': 'Ingen vedlegg.',
    'report.attach': 'Legg ved en fil, for eksempel signert regnskap eller revisorattest',
    'report.attach.rules':
      'Tillatt: PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, TXT og CSV, høyst 10 MB per fil. Filen lastes opp straks du velger den, og sendes med rapporten.',
    'report.attach.tooLarge': '{file} er {size}. Et vedlegg kan være høyst 10 MB.',
    'report.attach.uploading': 'Laster opp {file} …',
    'report.attach.done': '{file} er lagt ved.',
    'report.attachment': 'Last ned {file} ({size})',
    'appeal.title': 'Klagen din',
    'appeal.renewedTitle': 'Anmodningen din om fornyet vurdering',
    'appeal.received': 'Mottatt',
    'appeal.late': '{date} (etter klagefristen)',
    'appeal.result': 'Resultat',
    'appeal.imdi.pending': 'IMDi behandler klagen.',
    'appeal.imdi.reversed': 'IMDi har gitt deg medhold og gjør om vedtaket. Du får et nytt vedtak.',
    'appeal.imdi.forwarded': 'IMDi holder fast på vedtaket og sendte klagen til departementet {date}. Departementet avgjør klagen.',
    'appeal.imdi.upheld': 'IMDi har vurdert saken på nytt og holder fast på vedtaket.',
    'appeal.ministry.upheld': 'Departementet har ikke tatt klagen til følge. Vedtaket står.',
    'appeal.ministry.reversed': 'Departementet har gitt deg medhold. IMDi behandler saken på nytt og fatter et nytt vedtak.',
    'appeal.ministry.decidedAt': 'Avgjort av departementet',
    'appeal.ministry.reasons': 'Departementets begrunnelse',
    'appeal.ministry.final': 'Departementets avgjørelse i klagesaken er endelig og kan ikke påklages videre (forvaltningsloven § 28 tredje ledd).',
  },
  nn: {
    'outcome.decision': 'Vedtak',
    'outcome.granted': 'Innvilga',
    'outcome.partly_granted': 'Delvis innvilga',
    'outcome.refused': 'Avslått',
    'outcome.result': 'Resultat',
    'outcome.amount': 'Innvilga beløp',
    'outcome.requested': 'Søkt beløp',
    'outcome.decidedAt': 'Vedtaksdato',
    'outcome.reasons': 'Grunngiving',
    'outcome.conditions': 'Vilkår',
    'outcome.acceptBy': 'Frist for å akseptere: {date}',
    'outcome.plan': 'Utbetalingsplan',
    'outcome.noPlan': 'Utbetalingsplanen blir laga når du har akseptert tilskotet.',
    'outcome.planComing': 'Utbetalingsplanen blir laga no og blir vist her straks.',
    'outcome.part': 'Del {number}: {amount}',
    'outcome.due': 'forfell {date}',
    'outcome.heldForReport': 'blir halde tilbake til rapporten er godkjend',
    'outcome.heldForAccount': 'ventar på nytt kontonummer',
    'outcome.paid': 'Utbetalt',
    'outcome.notPaid': 'Ikkje utbetalt enno',
    'outcome.payments': 'Utbetalingar',
    'outcome.noPayments': 'Ingen utbetalingar enno.',
    'outcome.payment': '{amount} med utbetalingsdato {date}',
    'outcome.paymentRejected': 'Banken avviste betalinga: {reason}',
    'outcome.reclaims': 'Tilbakebetaling',
    'outcome.notice': 'Varsel om krav om tilbakebetaling av {amount}',
    'outcome.notice.deadline': 'Frist for å uttale deg: {date}',
    'outcome.notice.comment': 'Fråsegna di',
    'outcome.notice.send': 'Send fråsegna',
    'outcome.notice.letter': 'Varselet om tilbakebetaling (PDF, blir opna i ny fane)',
    'outcome.notice.yourComment': 'Du uttalte deg {date}: {comment}',
    'outcome.reclaim': 'Krav om tilbakebetaling av {amount}, frist {date}',
    'outcome.reclaim.outstanding': 'Uteståande: {amount}',
    'outcome.reclaim.appeal': 'Klag på kravet (frist {date})',
    'outcome.reclaim.appealed': 'Du klaga {date}.',
    'outcome.reclaim.grounds': 'Grunngiving for klaga',
    'outcome.reclaim.letter': 'Vedtaksbrevet om tilbakebetaling, vår ref. {reference} (PDF, blir opna i ny fane)',
    'outcome.reclaim.letterNoReference': 'Vedtaksbrevet om tilbakebetaling (PDF, blir opna i ny fane)',
    'report.title': 'Rapportering',
    'report.due': 'Rapporten skal sendast innan {date}.',
    'report.overdue': 'Fristen for rapporten er passert.',
    'report.status.due': 'Ikkje send',
    'report.status.submitted': 'Send, til handsaming',
    'report.status.more_requested': 'IMDi ber om meir',
    'report.status.approved': 'Godkjend',
    'report.reviewComment': 'Kommentar frå IMDi: {comment}',
    'report.useOfFunds': 'Korleis vart pengane brukte?',
    'report.spentNok': 'Brukt beløp i kroner',
    'report.results': 'Kva resultat fekk de?',
    'report.goalAchievement': 'I kva grad nådde de måla?',
    'report.participantsFemale': 'Tal på deltakarar, kvinner',
    'report.participantsMale': 'Tal på deltakarar, menn',
    'report.accounts': 'Rekneskap',
    'report.accountLine': 'Linje {number}',
    'report.accountDescription': 'Kva pengane gjekk til',
    'report.accountAmount': 'Beløp i kroner',
    'report.addLine': 'Legg til linje i rekneskapen',
    'report.auditor': 'Rekneskapen er stadfesta av revisor',
    'report.send': 'Send rapporten',
    'report.sent': 'Rapporten er send.',
    'report.textHint': 'Minst 10 teikn.',
    'report.attachments': 'Vedlegg til rapporten',
    'report.attachments.none': 'Ingen vedlegg.',
    'report.attach': 'Legg ved ei fil, til dømes signert rekneskap eller revisorattest',
    'report.attach.rules':
      'Tillate: PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, TXT og CSV, høgst 10 MB per fil. Fila blir lasta opp med ein gong du vel ho, og blir send med rapporten.',
    'report.attach.tooLarge': '{file} er {size}. Eit vedlegg kan vere høgst 10 MB.',
    'report.attach.uploading': 'Lastar opp {file} …',
    'report.attach.done': '{file} er lagd ved.',
    'report.attachment': 'Last ned {file} ({size})',
    'appeal.title': 'Klaga di',
    'appeal.renewedTitle': 'Oppmodinga di om fornya vurdering',
    'appeal.received': 'Motteken',
    'appeal.late': '{date} (etter klagefristen)',
    'appeal.result': 'Resultat',
    'appeal.imdi.pending': 'IMDi handsamar klaga.',
    'appeal.imdi.reversed': 'IMDi har gitt deg medhald og gjer om vedtaket. Du får eit nytt vedtak.',
    'appeal.imdi.forwarded': 'IMDi held fast på vedtaket og sende klaga til departementet {date}. Departementet avgjer klaga.',
    'appeal.imdi.upheld': 'IMDi har vurdert saka på nytt og held fast på vedtaket.',
    'appeal.ministry.upheld': 'Departementet har ikkje teke klaga til følgje. Vedtaket står.',
    'appeal.ministry.reversed': 'Departementet har gitt deg medhald. IMDi handsamar saka på nytt og gjer eit nytt vedtak.',
    'appeal.ministry.decidedAt': 'Avgjort av departementet',
    'appeal.ministry.reasons': 'Grunngivinga til departementet',
    'appeal.ministry.final': 'Avgjerda til departementet i klagesaka er endeleg og kan ikkje påklagast vidare (forvaltningslova § 28 tredje ledd).',
  },
});

/** The decision as the letter told it: result, amount, reasons and conditions. */
export function DecisionSection({ outcome }: { readonly outcome: RecipientCaseView }) {
  const { t, language } = useLanguage();
  const { decision } = outcome;
  if (!decision) return null;
  return (
    <section className="section" aria-labelledby="vedtak">
      <Heading level={2} data-size="sm" id="vedtak">
        {t('outcome.decision')}
      </Heading>
      <dl className="summary">
        <div>
          <dt>{t('outcome.result')}</dt>
          <dd>{t(`outcome.${decision.outcome}`)}</dd>
        </div>
        {decision.outcome !== 'refused' ? (
          <div>
            <dt>{t('outcome.amount')}</dt>
            <dd>{kroner(decision.grantedNok)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('outcome.decidedAt')}</dt>
          <dd>{dateText(decision.decidedAt, language)}</dd>
        </div>
      </dl>
      <Heading level={3} data-size="xs">
        {t('outcome.reasons')}
      </Heading>
      <Paragraph className="prose">{decision.reasons}</Paragraph>
      {decision.conditions.trim() ? (
        <>
          <Heading level={3} data-size="xs">
            {t('outcome.conditions')}
          </Heading>
          <Paragraph className="prose">{decision.conditions}</Paragraph>
        </>
      ) : null}
    </section>
  );
}

/**
 * «Klagen din»: the latest appeal and what became of it, IMDi's answer and, for a klage IMDi
 * forwarded, the ministry's final decision with its reasons.
 */
export function AppealOutcomeSection({ outcome }: { readonly outcome: RecipientCaseView }) {
  const { t, language } = useLanguage();
  const { appeal } = outcome;
  if (!appeal) return null;
  const ministry = appeal.ministryDecision;
  const imdi =
    appeal.imdiOutcome === null
      ? t('appeal.imdi.pending')
      : appeal.imdiOutcome === 'reversed'
        ? t('appeal.imdi.reversed')
        : appeal.forwardedAt
          ? t('appeal.imdi.forwarded', { date: dateText(appeal.forwardedAt, language) })
          : t('appeal.imdi.upheld');
  return (
    <section className="section" aria-labelledby="klagen-din">
      <Heading level={2} data-size="sm" id="klagen-din">
        {t(appeal.kind === 'klage' ? 'appeal.title' : 'appeal.renewedTitle')}
      </Heading>
      <dl className="summary">
        <div>
          <dt>{t('appeal.received')}</dt>
          <dd>{appeal.late ? t('appeal.late', { date: dateText(appeal.receivedAt, language) }) : dateText(appeal.receivedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('appeal.result')}</dt>
          <dd>{ministry ? t(ministry.outcome === 'upheld' ? 'appeal.ministry.upheld' : 'appeal.ministry.reversed') : imdi}</dd>
        </div>
        {ministry ? (
          <div>
            <dt>{t('appeal.ministry.decidedAt')}</dt>
            <dd>{dateText(ministry.decidedAt, language)}</dd>
          </div>
        ) : null}
      </dl>
      {ministry ? (
        <>
          <Heading level={3} data-size="xs">
            {t('appeal.ministry.reasons')}
          </Heading>
          <Paragraph className="prose">{ministry.reasons}</Paragraph>
          <Paragraph>{t('appeal.ministry.final')}</Paragraph>
        </>
      ) : null}
    </section>
  );
}

/**
 * The payout plan with each instalment's due date, and the payments the bank has made. `planComing`:
 * the applicant has just accepted and payments is making the plan (the page looks again until it is there).
 */
export function PayoutSection({ outcome, planComing = false }: { readonly outcome: RecipientCaseView; readonly planComing?: boolean }) {
  const { t, language } = useLanguage();
  const { decision, payouts } = outcome;
  if (!decision || decision.outcome === 'refused') return null;
  return (
    <section className="section" aria-labelledby="utbetaling">
      <Heading level={2} data-size="sm" id="utbetaling">
        {t('outcome.plan')}
      </Heading>
      {/* A status message (WCAG 4.1.3): a screen reader hears that the plan is on its way without moving focus. */}
      <div role="status">{payouts.instalments.length === 0 ? <Paragraph>{t(planComing ? 'outcome.planComing' : 'outcome.noPlan')}</Paragraph> : null}</div>
      <ul className="plan">
        {payouts.instalments.map((instalment) => (
          <li key={instalment.sequence}>
            {t('outcome.part', { number: String(instalment.sequence), amount: kroner(instalment.amountNok) })},{' '}
            {instalment.dueOn
              ? t('outcome.due', { date: dateText(instalment.dueOn, language) })
              : t(instalment.heldUntil === 'account-corrected' ? 'outcome.heldForAccount' : 'outcome.heldForReport')}{' '}
            <Tag data-color={instalment.paid ? 'success' : 'neutral'}>{t(instalment.paid ? 'outcome.paid' : 'outcome.notPaid')}</Tag>
          </li>
        ))}
      </ul>
      {payouts.instalments.length > 0 ? (
        <>
          <Heading level={3} data-size="xs" id="utbetalinger">
            {t('outcome.payments')}
          </Heading>
          {payouts.payments.length === 0 ? <Paragraph>{t('outcome.noPayments')}</Paragraph> : null}
          <ul className="plan" aria-labelledby="utbetalinger">
            {payouts.payments.map((payment) => (
              <li key={payment.paymentId}>
                {t('outcome.payment', { amount: kroner(payment.amountNok), date: dateText(payment.executionDate, language) })}: {payment.statusText}
                {payment.rejection ? <> {t('outcome.paymentRejected', { reason: payment.rejection.reason })}</> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Notices of reclaim with room to comment, and reclaim decisions with their appeal. */
export function ReclaimSection({ outcome, onChange }: { readonly outcome: RecipientCaseView; readonly onChange: () => void }) {
  const { t, language } = useLanguage();
  const { reclaimNotices, reclaims } = outcome.payouts;
  if (reclaimNotices.length === 0 && reclaims.length === 0) return null;
  return (
    <section className="section" aria-labelledby="tilbakebetaling">
      <Heading level={2} data-size="sm" id="tilbakebetaling">
        {t('outcome.reclaims')}
      </Heading>
      {reclaimNotices.map((notice) => (
        <div key={notice.id} className="stack">
          <Heading level={3} data-size="xs">
            {t('outcome.notice', { amount: kroner(notice.amountNok) })}
          </Heading>
          <Paragraph className="prose">{notice.reason}</Paragraph>
          <Paragraph>
            <a href={`/payments/reclaim-notices/${notice.id}/letter.pdf`} target="_blank" rel="noopener noreferrer">
              {t('outcome.notice.letter')}
            </a>
          </Paragraph>
          {notice.comment ? (
            <Paragraph>{t('outcome.notice.yourComment', { date: dateText(notice.commentReceivedAt, language), comment: notice.comment })}</Paragraph>
          ) : notice.commentPeriodOver ? null : (
            <TextAction
              id={`uttalelse-${notice.id}`}
              label={t('outcome.notice.comment')}
              description={t('outcome.notice.deadline', { date: dateText(notice.commentDeadline, language) })}
              button={t('outcome.notice.send')}
              send={(text) => answer(api.POST('/payments/reclaim-notices/{id}/comments', { params: { path: { id: notice.id } }, body: { comment: text } }))}
              onDone={onChange}
            />
          )}
        </div>
      ))}
      {reclaims.map((reclaim) => (
        <div key={reclaim.id} className="stack">
          <Heading level={3} data-size="xs">
            {t('outcome.reclaim', { amount: kroner(reclaim.amountNok), date: dateText(reclaim.dueOn, language) })}
          </Heading>
          <Paragraph className="prose">{reclaim.reason}</Paragraph>
          <Paragraph>
            <a href={`/payments/reclaims/${reclaim.id}/letter.pdf`} target="_blank" rel="noopener noreferrer">
              {reclaim.ourReference ? t('outcome.reclaim.letter', { reference: reclaim.ourReference }) : t('outcome.reclaim.letterNoReference')}
            </a>
          </Paragraph>
          <Paragraph>{t('outcome.reclaim.outstanding', { amount: kroner(reclaim.outstandingNok) })}</Paragraph>
          {reclaim.appeal ? (
            <Paragraph>{t('outcome.reclaim.appealed', { date: dateText(reclaim.appeal.appealedAt, language) })}</Paragraph>
          ) : reclaim.enkeltvedtak && reclaim.appealDeadline ? (
            <TextAction
              id={`klage-krav-${reclaim.id}`}
              label={t('outcome.reclaim.grounds')}
              description={t('outcome.reclaim.appeal', { date: dateText(reclaim.appealDeadline, language) })}
              button={t('case.appeal.send')}
              send={(text) => answer(api.POST('/payments/reclaims/{id}/appeal', { params: { path: { id: reclaim.id } }, body: { grounds: text } }))}
              onDone={onChange}
            />
          ) : null}
        </div>
      ))}
    </section>
  );
}

/** One text and one button (a comment on a notice, an appeal): field errors beside the field. */
function TextAction(props: {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly button: string;
  readonly send: (text: string) => Promise<unknown>;
  readonly onDone: () => void;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  async function submit(): Promise<void> {
    setProblem(undefined);
    setFailure(undefined);
    try {
      await props.send(text);
      props.onDone();
    } catch (error) {
      if (error instanceof ApiProblem && error.errors.length > 0) setProblem(error.errors.map((entry) => entry.message).join(' '));
      else setFailure(error);
    }
  }
  return (
    <form className="stack" noValidate onSubmit={(event) => event.preventDefault()}>
      {failure ? <ProblemAlert error={failure} /> : null}
      <Textfield
        id={props.id}
        label={props.label}
        description={props.description}
        multiline
        rows={3}
        value={text}
        error={problem}
        onChange={(event) => setText(event.target.value)}
      />
      <div>
        <Button type="button" variant="secondary" onClick={() => void submit()}>
          {props.button}
        </Button>
      </div>
    </form>
  );
}

interface AccountLine {
  description: string;
  amountNok: string;
}

/** The reporting duty: its deadline and status, and the report form while a report is wanted. */
export function ReportSection({ report, onChange }: { readonly report: RecipientReportView; readonly onChange: () => void }) {
  const { t, language } = useLanguage();
  const open = report.status === 'due' || report.status === 'more_requested';
  const wants = (content: string) => report.requiredContents.includes(content);
  const [values, setValues] = useState({
    useOfFunds: report.content.useOfFunds ?? '',
    spentNok: report.content.spentNok ?? '',
    results: report.content.results ?? '',
    goalAchievement: report.content.goalAchievement ?? '',
    participantsFemale: report.content.participantsFemale?.toString() ?? '',
    participantsMale: report.content.participantsMale?.toString() ?? '',
  });
  const [accounts, setAccounts] = useState<AccountLine[]>(report.content.accounts?.map((line) => ({ ...line })) ?? [{ description: '', amountNok: '' }]);
  const [auditor, setAuditor] = useState(report.content.auditorConfirmed ?? false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [sent, setSent] = useState(false);
  const [attachments, setAttachments] = useState<readonly AttachmentView[]>(report.attachments);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });
  async function send(): Promise<void> {
    setProblems({});
    setFailure(undefined);
    const body: Record<string, unknown> = {};
    if (wants('use-of-funds')) Object.assign(body, { useOfFunds: values.useOfFunds, spentNok: values.spentNok.replace(/\s/g, '').replace(',', '.') });
    if (wants('results')) body.results = values.results;
    if (wants('goal-achievement')) body.goalAchievement = values.goalAchievement;
    if (wants('participants'))
      Object.assign(body, { participantsFemale: wholeNumber(values.participantsFemale), participantsMale: wholeNumber(values.participantsMale) });
    if (wants('accounts'))
      body.accounts = accounts.map((line) => ({ description: line.description, amountNok: line.amountNok.replace(/\s/g, '').replace(',', '.') }));
    if (report.auditorRequired) body.auditorConfirmed = auditor;
    try {
      await answer(api.POST('/cases/{id}/report', { params: { path: { id: report.caseId } }, body }));
      setSent(true);
      onChange();
    } catch (error) {
      if (error instanceof ApiProblem && error.errors.length > 0) {
        const found: Record<string, string> = {};
        for (const entry of error.errors) found[entry.field.split('.')[0]!] = [found[entry.field.split('.')[0]!], entry.message].filter(Boolean).join(' ');
        setProblems(found);
        setFailure(error);
      } else setFailure(error);
    }
  }
  return (
    <section className="section" aria-labelledby="rapport">
      <Heading level={2} data-size="sm" id="rapport">
        {t('report.title')}
      </Heading>
      <Paragraph>
        <Tag data-color={report.status === 'approved' ? 'success' : report.status === 'more_requested' ? 'warning' : 'info'}>
          {t(`report.status.${report.status}`)}
        </Tag>
      </Paragraph>
      <Paragraph>{report.overdue && open ? t('report.overdue') : t('report.due', { date: dateText(report.dueOn, language) })}</Paragraph>
      {report.reviewComment ? <Paragraph>{t('report.reviewComment', { comment: report.reviewComment })}</Paragraph> : null}
      {sent ? (
        <Alert data-color="success" role="status">
          {t('report.sent')}
        </Alert>
      ) : null}
      {open ? (
        <form className="stack" noValidate onSubmit={(event) => event.preventDefault()}>
          {failure ? <ProblemAlert error={failure} /> : null}
          {wants('use-of-funds') ? (
            <>
              <Textfield
                id="rapport-useOfFunds"
                label={t('report.useOfFunds')}
                description={t('report.textHint')}
                multiline
                rows={4}
                value={values.useOfFunds}
                error={problems.useOfFunds}
                onChange={set('useOfFunds')}
              />
              <Textfield
                id="rapport-spentNok"
                label={t('report.spentNok')}
                inputMode="decimal"
                value={values.spentNok}
                error={problems.spentNok}
                onChange={set('spentNok')}
              />
            </>
          ) : null}
          {wants('results') ? (
            <Textfield
              id="rapport-results"
              label={t('report.results')}
              description={t('report.textHint')}
              multiline
              rows={4}
              value={values.results}
              error={problems.results}
              onChange={set('results')}
            />
          ) : null}
          {wants('goal-achievement') ? (
            <Textfield
              id="rapport-goalAchievement"
              label={t('report.goalAchievement')}
              description={t('report.textHint')}
              multiline
              rows={4}
              value={values.goalAchievement}
              error={problems.goalAchievement}
              onChange={set('goalAchievement')}
            />
          ) : null}
          {wants('participants') ? (
            <>
              <Textfield
                id="rapport-participantsFemale"
                label={t('report.participantsFemale')}
                inputMode="numeric"
                value={values.participantsFemale}
                error={problems.participantsFemale}
                onChange={set('participantsFemale')}
              />
              <Textfield
                id="rapport-participantsMale"
                label={t('report.participantsMale')}
                inputMode="numeric"
                value={values.participantsMale}
                error={problems.participantsMale}
                onChange={set('participantsMale')}
              />
            </>
          ) : null}
          {wants('accounts') ? (
            <Fieldset>
              <Fieldset.Legend>{t('report.accounts')}</Fieldset.Legend>
              {accounts.map((line, index) => (
                <div key={index} className="stack">
                  <Textfield
                    id={`rapport-accounts-${index}-description`}
                    label={`${t('report.accountLine', { number: String(index + 1) })}: ${t('report.accountDescription')}`}
                    value={line.description}
                    error={index === 0 ? problems.accounts : undefined}
                    onChange={(event) => setAccounts(accounts.map((other, at) => (at === index ? { ...other, description: event.target.value } : other)))}
                  />
                  <Textfield
                    id={`rapport-accounts-${index}-amountNok`}
                    label={`${t('report.accountLine', { number: String(index + 1) })}: ${t('report.accountAmount')}`}
                    inputMode="decimal"
                    value={line.amountNok}
                    onChange={(event) => setAccounts(accounts.map((other, at) => (at === index ? { ...other, amountNok: event.target.value } : other)))}
                  />
                </div>
              ))}
              <div>
                <Button type="button" variant="tertiary" onClick={() => setAccounts([...accounts, { description: '', amountNok: '' }])}>
                  {t('report.addLine')}
                </Button>
              </div>
            </Fieldset>
          ) : null}
          {report.auditorRequired ? (
            <Checkbox
              id="rapport-auditorConfirmed"
              label={t('report.auditor')}
              checked={auditor}
              error={problems.auditorConfirmed}
              onChange={(event) => setAuditor(event.target.checked)}
            />
          ) : null}
          <ReportAttachmentList caseId={report.caseId} attachments={attachments} />
          <ReportAttachmentUpload caseId={report.caseId} onAttached={(attachment) => setAttachments([...attachments, attachment])} />
          <div>
            <Button type="button" onClick={() => void send()}>
              {t('report.send')}
            </Button>
          </div>
        </form>
      ) : (
        <ReportAttachmentList caseId={report.caseId} attachments={attachments} />
      )}
    </section>
  );
}

type AttachmentView = Pick<RecipientReportView['attachments'][number], 'id' | 'fileName' | 'sizeBytes'>;

/** What the api takes (libs/intake's attachment policy), told before the file is chosen. */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods,.txt,.csv';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} kB`;
}

/** The files sent with the report so far, each to download again. */
function ReportAttachmentList({ caseId, attachments }: { readonly caseId: string; readonly attachments: readonly AttachmentView[] }) {
  const { t } = useLanguage();
  return (
    <>
      <Heading level={3} data-size="xs" id="rapport-vedlegg">
        {t('report.attachments')}
      </Heading>
      {attachments.length === 0 ? (
        <Paragraph>{t('report.attachments.none')}</Paragraph>
      ) : (
        <ul className="plan" aria-labelledby="rapport-vedlegg">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={`/cases/${caseId}/report/attachments/${attachment.id}`} download={attachment.fileName}>
                {t('report.attachment', { file: attachment.fileName, size: sizeText(attachment.sizeBytes) })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One file at a time, uploaded as soon as it is chosen; the server's refusal shown beside the field. */
function ReportAttachmentUpload({ caseId, onAttached }: { readonly caseId: string; readonly onAttached: (attachment: AttachmentView) => void }) {
  const { t } = useLanguage();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<string | undefined>(undefined);
  async function upload(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    setProblem(undefined);
    setProgress(undefined);
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setProblem(t('report.attach.tooLarge', { file: file.name, size: sizeText(file.size) }));
      input.value = '';
      return;
    }
    setProgress(t('report.attach.uploading', { file: file.name }));
    try {
      const created = await answer<{ id: string }>(
        api.POST('/cases/{id}/report/attachments', {
          params: { path: { id: caseId }, query: { fileName: file.name } },
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as Blob,
          headers: { 'content-type': 'application/octet-stream' },
        }),
      );
      onAttached({ id: created.id, fileName: file.name, sizeBytes: file.size });
      setProgress(t('report.attach.done', { file: file.name }));
    } catch (error) {
      setProgress(undefined);
      if (error instanceof ApiProblem && error.status >= 400 && error.status < 500)
        setProblem(error.errors.map((entry) => entry.message).join(' ') || error.detail || t('error.title'));
      else setProblem(error instanceof ApiProblem && error.status === 0 ? t('error.network') : t('error.title'));
    }
    input.value = '';
  }
  return (
    <Field>
      <Label htmlFor="rapport-vedlegg-fil">{t('report.attach')}</Label>
      <Field.Description>{t('report.attach.rules')}</Field.Description>
      <Input id="rapport-vedlegg-fil" className="file-input" type="file" accept={ACCEPTED_FILES} onChange={(event) => void upload(event.currentTarget)} />
      {problem ? <ValidationMessage>{problem}</ValidationMessage> : null}
      {progress ? (
        <Paragraph data-size="sm" role="status">
          {progress}
        </Paragraph>
      ) : null}
    </Field>
  );
}

/** A count as the api takes it; anything else goes as typed so the server names the rule. */
function wholeNumber(value: string): number | string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}
