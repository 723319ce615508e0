import { DataSource } from 'typeorm';
import { sealAuditTrail, verifyAuditChain, type AuditAnchor } from '@imdi/audit';
import { auditChainKey, dataSourceOptions, loadConfigOrExit } from '@imdi/platform';

/**
 * npm run audit:verify — exits 0 when the chain is intact, 1 naming the first broken entry. An intact
 * chain's unsealed tail is sealed afterwards (with --no-seal, left for the worker). `--anchor ID:SEAL`
 * checks against a seal the worker logged earlier, which also catches a tail cut together with its seals.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const key = auditChainKey(config);
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    const result = await verifyAuditChain(dataSource, key, anchorArgument());
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

function anchorArgument(): AuditAnchor | undefined {
  const index = process.argv.indexOf('--anchor');
  if (index < 0) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(process.argv[index + 1] ?? '');
  if (!match) throw new Error('--anchor takes ENTRY_ID:SEAL as the worker logged it, e.g. --anchor 1200:5a5f…');
  return { entryId: Number(match[1]), mac: match[2] };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
