import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { answer, api } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { formatDateTime, formatNok, useText } from './text';
import type { MinistryNotification } from './views';

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
