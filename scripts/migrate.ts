import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfigOrExit } from '@imdi/platform';
import { runSeeds } from './seed';

async function main(): Promise<void> {
  const command = process.argv[2] ?? 'run';
  const config = loadConfigOrExit();
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(`migrations: ${applied.length} applied${applied.map((m) => `\n  ${m.name}`).join('')}\n`);
      if (process.argv.includes('--seed')) process.stdout.write(`${await runSeeds()}\n`);
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('migrations: last one reverted\n');
    } else if (command === 'generate') {
      const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
      if (sqlInMemory.upQueries.length === 0) {
        process.stdout.write('migrations: entities and schema agree, nothing to generate\n');
      } else {
        process.stdout.write('-- up\n');
        for (const query of sqlInMemory.upQueries) process.stdout.write(`${query.query};\n`);
        process.stdout.write('-- down\n');
        for (const query of sqlInMemory.downQueries.reverse()) process.stdout.write(`${query.query};\n`);
        process.stdout.write('\nCopy these into migrations/<unix-ms>-<VerbNoun>.ts and review them.\n');
      }
    } else {
      throw new Error(`unknown migration command "${command}" (run, revert or generate)`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
