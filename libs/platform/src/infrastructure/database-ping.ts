import type { DataSource } from 'typeorm';

/** The smallest statement the database must answer: a health probe's proof that it is there. */
export async function pingDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}
