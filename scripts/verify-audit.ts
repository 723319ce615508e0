import { DataSource } from 'typeorm';
import { sealAuditTrail, verifyAuditChain } from '@imdi/audit';
import { auditChainKey, dataSourceOptions, loadConfigOrExit } from '@imdi/platform';

/**
 * npm run audit:verify — exits 0 when the chain is intact, 1 naming the first broken entry. An intact
 * chain's unsealed tail is sealed afterwards (with --no-seal, left for the worker).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const key = auditChainKey(config);
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    const result = await verifyAuditChain(dataSource, key);
    if (result.intact) {
      process.stdout.write(`audit trail intact: ${result.entries} entries, sealed through entry ${result.sealedThrough}\n`);
      if (!process.argv.includes('--no-seal')) {
        const sealed = await sealAuditTrail(dataSource, key);
        if (sealed.sealed > 0) process.stdout.write(`sealed ${sealed.sealed} more entries; anchor: entry ${sealed.through}, seal ${sealed.anchor}\n`);
      }
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
