import type { Pool, PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * A statement every connection prepares once under `name` and then only executes: PostgreSQL plans
 * it a few times and settles on one plan, where a plain query is parsed and planned on each call.
 * For the hottest reads, whose planning costs more than running them. It settles only if its general
 * plan looks no dearer than the ones made for the values: a condition on an array of ids (`= ANY ($1)`)
 * looks cheaper for a short array and is planned again on every call (ApplicationRepository.findForSubmissions
 * reads one id by a form of its own). The name must stand for one text only; it runs in the manager's
 * transaction when there is one.
 */
export async function queryPrepared<Row>(manager: EntityManager, name: string, text: string, values: readonly unknown[]): Promise<Row[]> {
  const query = { name, text, values: [...values] };
  if (manager.queryRunner) return (await ((await manager.queryRunner.connect()) as PoolClient).query<Row & object>(query)).rows;
  // Outside a transaction the pool runs it on any free connection, with no query runner to make and release.
  const pool = (manager.connection.driver as unknown as { master?: Pool }).master;
  if (pool) return (await pool.query<Row & object>(query)).rows;
  const runner = manager.connection.createQueryRunner();
  try {
    return (await ((await runner.connect()) as PoolClient).query<Row & object>(query)).rows;
  } finally {
    await runner.release();
  }
}
