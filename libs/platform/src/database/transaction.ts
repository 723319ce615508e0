import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one READ COMMITTED transaction (the connections' default, see dataSourceOptions).
 * The audit chain and outbox rows written through `manager` commit or vanish together with the
 * change they describe.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
