import { DataSource } from 'typeorm';
import { verifyAuditChain } from '@imdi/audit';
import { dataSourceOptions, loadConfigOrExit } from '@imdi/platform';

/** npm run audit:verify — exits 0 when the chain is intact, 1 naming the first broken entry. */
async function main(): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(loadConfigOrExit()));
  await dataSource.initialize();
  try {
    const result = await verifyAuditChain(dataSource);
    if (result.intact) {
      process.stdout.write(`audit trail intact: ${result.entries} entries\n`);
    } else {
      process.stdout.write(`audit trail BROKEN at entry ${result.firstBrokenId}: ${result.reason}\n`);
      process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
