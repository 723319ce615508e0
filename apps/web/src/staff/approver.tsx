import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { answer, api, ApiProblem } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { BUDGET_WORDS, formatDate, formatNok, useText } from './text';
import type { MyDelegation, Proposal } from './views';

/** «Mine fullmakter» and the proposals waiting, each with the budget room it would use; approve or return with a comment. */
export function ApproverPage() {
  const s = useText();
  const delegations = useLoad(() => answer<MyDelegation[]>(api.GET('/casework/my-delegations')), []);
  const proposals = useLoad(() => answer<Proposal[]>(api.GET('/casework/proposals')), []);
  const [message, setMessage] = useState<string | undefined>();
  const [problem, setProblem] = useState<{ readonly caseId: string; readonly kind: 'approve' | 'return'; readonly error: unknown } | undefined>();
  const [comments, setComments] = useState<Record<string, string>>({});

  async function act(proposal: Proposal, kind: 'approve' | 'return'): Promise<void> {
    setProblem(undefined);
    try {
      const path = { params: { path: { id: proposal.caseId } } };
      if (kind === 'approve') await answer(api.POST('/casework/cases/{id}/approve', path));
      else await answer(api.POST('/casework/cases/{id}/return', { ...path, body: { comment: comments[proposal.caseId] ?? '' } }));
      setMessage(
        kind === 'approve'
          ? s(`Vedtaket i sak ${proposal.caseNumber} er godkjent.`, `Vedtaket i sak ${proposal.caseNumber} er godkjent.`)
          : s(`Forslaget i sak ${proposal.caseNumber} er sendt tilbake.`, `Forslaget i sak ${proposal.caseNumber} er sendt tilbake.`),
      );
      proposals.reload();
    } catch (failure) {
      setProblem({ caseId: proposal.caseId, kind, error: failure });
    }
  }

  const active = delegations.data?.filter((delegation) => delegation.active) ?? [];
  return (
    <Page title={s('Godkjenning', 'Godkjenning')}>
      {message ? (
        <Alert data-color="success" role="status" className="status-message">
          {message}
        </Alert>
      ) : null}
      <section className="section" aria-labelledby="fullmakter">
        <Heading level={2} data-size="md" id="fullmakter">
          {s('Mine fullmakter', 'Mine fullmakter')}
        </Heading>
        {delegations.error ? <ProblemAlert error={delegations.error} /> : null}
        {!delegations.data && !delegations.error ? <Loading /> : null}
        {delegations.data && active.length === 0 ? (
          <Alert data-color="warning">
            {s(
              'Du har ingen gyldig fullmakt og kan ikke godkjenne vedtak. Be en administrator registrere den skriftlige delegeringen din.',
              'Du har inga gyldig fullmakt og kan ikkje godkjenne vedtak. Be ein administrator registrere den skriftlege delegeringa di.',
            )}
          </Alert>
        ) : null}
        {delegations.data && delegations.data.length > 0 ? (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="fullmakter">
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{s('Kap./post', 'Kap./post')}</Table.HeaderCell>
                  <Table.HeaderCell>{s('Inntil per vedtak', 'Inntil per vedtak')}</Table.HeaderCell>
                  <Table.HeaderCell>{s('Delegering', 'Delegering')}</Table.HeaderCell>
                  <Table.HeaderCell>{s('Gitt av', 'Gitt av')}</Table.HeaderCell>
                  <Table.HeaderCell>{s('Gjelder', 'Gjeld')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {delegations.data.map((delegation) => (
                  <Table.Row key={delegation.id}>
                    <Table.Cell>{delegation.budgetPost}</Table.Cell>
                    <Table.Cell className="number">{formatNok(delegation.maxAmountNok)}</Table.Cell>
                    <Table.Cell>{delegation.reference}</Table.Cell>
                    <Table.Cell>
                      {delegation.grantedBy} {formatDate(delegation.grantedAt)}
                    </Table.Cell>
                    <Table.Cell>
                      {delegation.active ? s('Ja', 'Ja') : s(`Trukket ${formatDate(delegation.revokedAt)}`, `Trekt ${formatDate(delegation.revokedAt)}`)}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ) : null}
      </section>

      <section className="section" aria-labelledby="forslag">
        <Heading level={2} data-size="md" id="forslag">
          {s('Forslag som venter på godkjenning', 'Forslag som ventar på godkjenning')}
        </Heading>
        {proposals.error ? <ProblemAlert error={proposals.error} /> : null}
        {!proposals.data && !proposals.error ? <Loading /> : null}
        {proposals.data?.length === 0 ? <Paragraph>{s('Ingen forslag venter.', 'Ingen forslag ventar.')}</Paragraph> : null}
        <ul className="task-list">
          {proposals.data?.map((proposal) => (
            <li key={proposal.caseId} aria-label={`${s('Sak', 'Sak')} ${proposal.caseNumber ?? ''}`}>
              <div className="stack proposal">
                <Heading level={3} data-size="xs">
                  <Link to={`/saksbehandling/saker/${proposal.caseId}`}>
                    {proposal.caseNumber} {proposal.organisationName}
                  </Link>
                </Heading>
                <Paragraph>
                  {formatNok(proposal.amountNok)} {s('på kap./post', 'på kap./post')} {proposal.budgetPost}
                  {proposal.earmarkCode ? ` (${proposal.earmarkCode})` : ''}. {s('Foreslått av', 'Føreslått av')}{' '}
                  {proposal.proposedByName ?? proposal.proposedBy}.
                </Paragraph>
                <Paragraph>
                  {s(`${BUDGET_WORDS.available[0]} nå`, `${BUDGET_WORDS.available[1]} no`)}: {formatNok(proposal.budget.availableNok)}.{' '}
                  {s(`${BUDGET_WORDS.available[0]} etter godkjenning`, `${BUDGET_WORDS.available[1]} etter godkjenning`)}:{' '}
                  {formatNok(proposal.budget.afterApprovalNok)}.
                </Paragraph>
                {proposal.approvable ? (
                  <div className="row">
                    <Button onClick={() => void act(proposal, 'approve')}>
                      {s(`Godkjenn vedtaket i sak ${proposal.caseNumber}`, `Godkjenn vedtaket i sak ${proposal.caseNumber}`)}
                    </Button>
                  </div>
                ) : (
                  <Alert data-color="info">{proposal.blockedReason}</Alert>
                )}
                {problem?.caseId === proposal.caseId && !commentProblem(problem) ? <ProblemAlert error={problem.error} /> : null}
                <Textfield
                  label={s('Kommentar hvis du sender forslaget tilbake', 'Kommentar om du sender forslaget tilbake')}
                  error={problem?.caseId === proposal.caseId ? commentProblem(problem) : undefined}
                  multiline
                  rows={2}
                  value={comments[proposal.caseId] ?? ''}
                  onChange={(event) => setComments({ ...comments, [proposal.caseId]: event.target.value })}
                />
                <div>
                  <Button variant="secondary" onClick={() => void act(proposal, 'return')}>
                    {s('Send tilbake til saksbehandler', 'Send tilbake til sakshandsamar')}
                  </Button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

/** The server's word on the return comment, shown beside the comment field rather than above the page. */
function commentProblem(problem: { readonly kind: 'approve' | 'return'; readonly error: unknown }): string | undefined {
  if (problem.kind !== 'return' || !(problem.error instanceof ApiProblem)) return undefined;
  const found = problem.error.errors.find((entry) => entry.field === 'comment');
  return found ? found.message || problem.error.detail : undefined;
}
