import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { answer, api, ApiProblem, messageBesideField } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { formatDateTime, formatNok, useText } from './text';
import type { ForwardedAppeal, MinistryNotification } from './views';

/** The ministry's pre-notifications (Instruks 6.1): read each, and acknowledge it with a comment. */
export function MinistryPage() {
  const s = useText();
  const inbox = useLoad(() => answer<MinistryNotification[]>(api.GET('/ministry/notifications')), []);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>();

  async function acknowledge(notification: MinistryNotification): Promise<void> {
    setProblem(undefined);
    try {
      const comment = comments[notification.id]?.trim();
      await answer(api.POST('/ministry/notifications/{id}/acknowledge', { params: { path: { id: notification.id } }, body: comment ? { comment } : {} }));
      setMessage(
        s(
          `Forhåndsorienteringen for ${notification.schemeCode} ${notification.budgetYear}, runde ${notification.round}, er kvittert ut.`,
          `Førehandsorienteringa for ${notification.schemeCode} ${notification.budgetYear}, runde ${notification.round}, er kvittert ut.`,
        ),
      );
      inbox.reload();
    } catch (failure) {
      setProblem(failure);
    }
  }

  return (
    <Page title={s('Forhåndsorienteringer', 'Førehandsorienteringar')}>
      <Paragraph>
        <Link to="/departementet/rapporter">{s('Bestilte rapporter', 'Bestilte rapportar')}</Link>
      </Paragraph>
      {message ? (
        <Alert data-color="success" role="status" className="status-message">
          {message}
        </Alert>
      ) : null}
      {problem ? <ProblemAlert error={problem} /> : null}
      {inbox.error ? <ProblemAlert error={inbox.error} /> : null}
      {!inbox.data && !inbox.error ? <Loading /> : null}
      {inbox.data?.length === 0 ? <Paragraph>{s('Ingen forhåndsorienteringer ennå.', 'Ingen førehandsorienteringar enno.')}</Paragraph> : null}
      <ForwardedAppeals />
      {inbox.data?.map((notification) => {
        const headingId = `orientering-${notification.id}`;
        return (
          <section key={notification.id} className="section stack" aria-labelledby={headingId}>
            <Heading level={2} data-size="md" id={headingId}>
              {notification.schemeCode} {notification.budgetYear}, {s('runde', 'runde')} {notification.round}
            </Heading>
            <Paragraph>
              {s('Levert', 'Levert')} {formatDateTime(notification.deliveredAt)}. {s('Sum', 'Sum')} {formatNok(notification.totalNok)}.
            </Paragraph>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
              <Table>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{s('Sak', 'Sak')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Mottaker', 'Mottakar')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Kap./post', 'Kap./post')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Beløp', 'Beløp')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {notification.items.map((item) => (
                    <Table.Row key={item.caseNumber}>
                      <Table.Cell>{item.caseNumber}</Table.Cell>
                      <Table.Cell>
                        {item.recipientName} ({item.organisationNumber})
                      </Table.Cell>
                      <Table.Cell>{item.budgetPost}</Table.Cell>
                      <Table.Cell className="number">{formatNok(item.amountNok)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            {notification.acknowledgement ? (
              <Paragraph>
                {s('Kvittert ut av', 'Kvittert ut av')} {notification.acknowledgement.byName ?? notification.acknowledgement.by}{' '}
                {formatDateTime(notification.acknowledgement.at)}
                {notification.acknowledgement.comment ? `: «${notification.acknowledgement.comment}»` : '.'}
              </Paragraph>
            ) : (
              <>
                <Textfield
                  label={s('Kommentar (valgfritt)', 'Kommentar (valfritt)')}
                  multiline
                  rows={2}
                  value={comments[notification.id] ?? ''}
                  onChange={(event) => setComments({ ...comments, [notification.id]: event.target.value })}
                />
                <div>
                  <Button onClick={() => void acknowledge(notification)}>
                    {s(`Kvitter ut runde ${notification.round}`, `Kvitter ut runde ${notification.round}`)}
                  </Button>
                </div>
              </>
            )}
          </section>
        );
      })}
    </Page>
  );
}

/** The server's message for one field, shown beside it. */
function fieldProblem(problem: unknown, field: string): string | undefined {
  if (!(problem instanceof ApiProblem)) return undefined;
  const found = problem.errors.find((entry) => entry.field === field);
  return found ? messageBesideField(found) || problem.detail : undefined;
}

/** Klager IMDi has upheld and forwarded: the ministry, as appeal body, records its decision on each (fvl. § 34). */
function ForwardedAppeals() {
  const s = useText();
  const appeals = useLoad(() => answer<ForwardedAppeal[]>(api.GET('/ministry/appeals')), []);
  if (appeals.error) return <ProblemAlert error={appeals.error} />;
  if (!appeals.data) return <Loading />;
  return (
    <section className="section stack" aria-labelledby="klager">
      <Heading level={2} data-size="md" id="klager">
        {s('Klager oversendt fra IMDi', 'Klager oversende frå IMDi')}
      </Heading>
      {appeals.data.length === 0 ? <Paragraph>{s('Ingen oversendte klager.', 'Ingen oversende klager.')}</Paragraph> : null}
      {appeals.data.map((appeal) => (
        <AppealDecision key={appeal.id} appeal={appeal} onDecided={appeals.reload} />
      ))}
    </section>
  );
}

function AppealDecision({ appeal, onDecided }: { readonly appeal: ForwardedAppeal; readonly onDecided: () => void }) {
  const s = useText();
  const [outcome, setOutcome] = useState<'upheld' | 'reversed' | ''>('');
  const [reasons, setReasons] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const headingId = `klage-${appeal.id}`;
  const outcomeWords = (value: 'upheld' | 'reversed') =>
    value === 'upheld'
      ? s('Klagen ble ikke tatt til følge: IMDis vedtak står.', 'Klaga vart ikkje teken til følgje: vedtaket til IMDi står.')
      : s('Klageren fikk medhold: saken går tilbake til IMDi for nytt vedtak.', 'Klagaren fekk medhald: saka går tilbake til IMDi for nytt vedtak.');

  async function decide(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setProblem(undefined);
    const found: Record<string, string> = {};
    if (!outcome) found.outcome = s('Velg om klagen tas til følge eller ikke.', 'Vel om klaga blir teken til følgje eller ikkje.');
    if (reasons.trim().length < 10) found.reasons = s('Skriv en begrunnelse på minst 10 tegn.', 'Skriv ei grunngiving på minst 10 teikn.');
    setErrors(found);
    if (Object.keys(found).length > 0 || !outcome) return;
    try {
      await answer(api.POST('/ministry/appeals/{id}/decision', { params: { path: { id: appeal.id } }, body: { outcome, reasons: reasons.trim() } }));
      onDecided();
    } catch (failure) {
      const beside: Record<string, string> = {};
      for (const field of ['outcome', 'reasons']) {
        const message = fieldProblem(failure, field);
        if (message) beside[field] = message;
      }
      setErrors(beside);
      setProblem(failure);
    }
  }

  return (
    <article className="stack" aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId}>
        {s('Klage i sak', 'Klage i sak')} {appeal.caseNumber ?? appeal.caseId}
      </Heading>
      <Paragraph>
        {s('Klagen kom inn', 'Klaga kom inn')} {formatDateTime(appeal.receivedAt)}
        {appeal.forwardedAt ? `, ${s('oversendt', 'oversend')} ${formatDateTime(appeal.forwardedAt)}` : ''}.
      </Paragraph>
      <Paragraph>
        <strong>{s('Klagerens begrunnelse:', 'Grunngivinga til klagaren:')}</strong> {appeal.grounds}
      </Paragraph>
      <Paragraph>
        <strong>{s('IMDis vurdering:', 'Vurderinga til IMDi:')}</strong> {appeal.summaryForMinistry}
      </Paragraph>
      {appeal.ministryDecision ? (
        <Paragraph>
          <strong>{s('Departementets avgjørelse', 'Avgjerda til departementet')}</strong> ({formatDateTime(appeal.ministryDecision.decidedAt)}
          {appeal.ministryDecision.decidedByName ? `, ${appeal.ministryDecision.decidedByName}` : ''}): {outcomeWords(appeal.ministryDecision.outcome)} «
          {appeal.ministryDecision.reasons}»
        </Paragraph>
      ) : (
        <form onSubmit={(event) => void decide(event)} className="stack" noValidate>
          <Fieldset>
            <Fieldset.Legend>{s('Departementets avgjørelse', 'Avgjerda til departementet')}</Fieldset.Legend>
            <Radio
              name={`outcome-${appeal.id}`}
              value="upheld"
              label={s('Klagen tas ikke til følge (IMDis vedtak står)', 'Klaga blir ikkje teken til følgje (vedtaket til IMDi står)')}
              checked={outcome === 'upheld'}
              onChange={() => setOutcome('upheld')}
            />
            <Radio
              name={`outcome-${appeal.id}`}
              value="reversed"
              label={s('Klageren får medhold (IMDi fatter nytt vedtak)', 'Klagaren får medhald (IMDi gjer nytt vedtak)')}
              checked={outcome === 'reversed'}
              onChange={() => setOutcome('reversed')}
            />
            {errors.outcome ? <ValidationMessage>{errors.outcome}</ValidationMessage> : null}
          </Fieldset>
          <Textfield
            label={s('Begrunnelse', 'Grunngiving')}
            multiline
            rows={3}
            value={reasons}
            onChange={(event) => setReasons(event.target.value)}
            error={errors.reasons}
          />
          {problem && !(problem instanceof ApiProblem && problem.errors.length > 0) ? <ProblemAlert error={problem} /> : null}
          <div>
            <Button type="submit">{s('Registrer avgjørelsen', 'Registrer avgjerda')}</Button>
          </div>
        </form>
      )}
    </article>
  );
}
