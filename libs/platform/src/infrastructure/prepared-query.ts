import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * A statement every connection prepares once under `name` and then only executes: PostgreSQL plans
 * it a few times and settles on one plan, where a plain query is parsed and planned on each call.
 * For the hottest reads, whose planning costs more than running them. The name must stand for one
 * text only; it runs in the manager's transaction when there is one.
 */
export async function queryPrepared<Row>(manager: EntityManager, name: string, text: string, values: readonly unknown[]): Promise<Row[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const result = await client.query<Row & object>({ name, text, values: [...values] });
    return result.rows;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
