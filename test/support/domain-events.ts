import { eventually } from './eventually';

/** A TypeORM DataSource (rows) or a pg Client (a result with rows). */
export interface Queryable {
  query(text: string, values: unknown[]): Promise<unknown>;
}

/** Who reacts to an accepted grant: payments plans the instalments, recipient-reports opens the duty. */
export const GRANT_ACCEPTED_SUBSCRIBERS = ['payments.plan-instalments', 'recipient-reports.open-duty'] as const;

/**
 * Waits until every `event` published for these cases has been handled by each of `subscribers` (the
 * worker runs them after the publishing transaction commits). Each delivery claims
 * `event-<event id>-<subscriber>` in processed_job in the transaction of its effect.
 */
export async function eventsHandled(
  dataSource: Queryable,
  event: string,
  caseIds: readonly string[],
  subscribers: readonly string[],
  timeoutMs = 30000,
): Promise<void> {
  await eventually(async () => {
    const answer: unknown = await dataSource.query(
      `SELECT (SELECT count(DISTINCT m.payload->'data'->>'caseId')::int FROM outbox_message m
                WHERE m.queue = 'domain-events' AND m.job_name = $1 AND m.payload->'data'->>'caseId' = ANY ($2::text[])) AS published,
              (SELECT count(*)::int FROM outbox_message m CROSS JOIN unnest($3::text[]) AS s (subscriber)
                WHERE m.queue = 'domain-events' AND m.job_name = $1 AND m.payload->'data'->>'caseId' = ANY ($2::text[])
                  AND NOT EXISTS (SELECT FROM processed_job p WHERE p.job_id = 'event-' || m.id || '-' || s.subscriber)) AS waiting`,
      [event, caseIds, subscribers],
    );
    const [{ published, waiting }] = (Array.isArray(answer) ? answer : (answer as { rows: unknown[] }).rows) as Array<{ published: number; waiting: number }>;
    return published === new Set(caseIds).size && waiting === 0 ? true : undefined;
  }, timeoutMs);
}

/** Waits until the instalments and reporting duties of these accepted grants are in place. */
export function grantAcceptanceHandled(dataSource: Queryable, caseIds: readonly string[]): Promise<void> {
  return eventsHandled(dataSource, 'GrantAccepted', caseIds, GRANT_ACCEPTED_SUBSCRIBERS);
}
