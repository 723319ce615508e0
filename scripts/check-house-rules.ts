import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '@imdi/platform';

/**
 * Two house rules no import graph shows (dependency-cruiser checks the layering):
 * 1. SQL lives in a context's infrastructure/: a `.query(` / `queryPrepared(` anywhere else in libs/ is a
 *    violation.
 * 2. A table belongs to one context; SQL in another context that names it reads across the wall. A
 *    context publishes views over its tables for others to read (PUBLISHED_VIEWS): reading one is
 *    allowed, defining it outside the owner's infrastructure/ or writing through it is not.
 * Code written before the rules has violations, listed with their counts in house-rules.baseline.json:
 * a file may have fewer than listed (then the baseline should be tightened with --write-baseline),
 * never more, and a file not listed none at all. So nothing new is added while the old is moved out.
 */
export const TABLE_OWNERS: Readonly<Record<string, string>> = {
  audit_entry: 'audit',
  audit_chain_head: 'audit',
  outbox_message: 'outbox',
  processed_job: 'outbox',
  allocation_import: 'budget',
  budget_declared_total: 'budget',
  budget_earmark: 'budget',
  budget_ledger_day_total: 'budget',
  budget_ledger_entry: 'budget',
  budget_line: 'budget',
  scheme_rate: 'schemes',
  scheme_version: 'schemes',
  case_file: 'cases',
  case_number_counter: 'cases',
  case_document_counter: 'cases',
  application: 'intake',
  application_attachment: 'intake',
  organisation: 'intake',
  submission_request: 'intake',
  appeal: 'casework',
  approver_delegation: 'casework',
  assessment: 'casework',
  assignment_letter: 'casework',
  case_assignment: 'casework',
  conflict_of_interest: 'casework',
  decision: 'casework',
  letter: 'casework',
  ministry_notification: 'casework',
  ministry_notification_item: 'casework',
  outgoing_message: 'casework',
  provisional_answer: 'casework',
  instalment: 'payments',
  payment: 'payments',
  payment_batch: 'payments',
  payout_run: 'payments',
  per_capita_payout: 'payments',
  reclaim: 'payments',
  reclaim_notice: 'payments',
  repayment: 'payments',
  settled_person: 'payments',
  settled_person_revision: 'payments',
  recipient_report: 'recipient-reports',
  recipient_report_attachment: 'recipient-reports',
  report_reminder: 'recipient-reports',
  report_run: 'reporting',
};

/**
 * Views a context publishes over its own tables (its read model for others). Their SQL lives in the
 * owner's infrastructure/ (a migration only installs it); any context may read them, but only the owner
 * defines them, and no other context writes through them. A direct read of the tables under them stays
 * a violation.
 */
export const PUBLISHED_VIEWS: Readonly<Record<string, string>> = {
  applicant_directory: 'intake',
  organisation_directory: 'intake',
  scheme_catalogue: 'schemes',
  budget_frame: 'budget',
  case_register: 'cases',
  approved_decision: 'casework',
  planned_instalment: 'payments',
  instalment_payment: 'payments',
  settled_person_statistic: 'payments',
  report_figures: 'recipient-reports',
};

export type Violations = Record<string, number>;

const SQL_CALL = /\.(query|queryPrepared)\s*(<[^>]*>)?\s*\(|\bqueryPrepared\s*(<[^>]*>)?\s*\(/g;
const TABLE_REFERENCE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_][a-z0-9_]*)\b/g;
const VIEW_WRITE = /\b(INTO|UPDATE|TABLE|VIEW)\s+([a-z_][a-z0-9_]*)\b/g;

export function findViolations(root: string): Violations {
  const violations: Violations = {};
  const add = (key: string, count: number): void => {
    if (count > 0) violations[key] = (violations[key] ?? 0) + count;
  };
  for (const file of sourceFiles(join(root, 'libs'))) {
    const path = relative(root, file);
    const context = /^libs\/([^/]+)\/src\//.exec(path)?.[1];
    if (!context) continue;
    const text = readFileSync(file, 'utf8');
    if (!path.includes('/infrastructure/')) add(`sql-outside-infrastructure ${path}`, [...text.matchAll(SQL_CALL)].length);
    for (const [, table] of text.matchAll(TABLE_REFERENCE)) {
      const owner = TABLE_OWNERS[table];
      if (owner && owner !== context && context !== 'platform') add(`reads-${owner}.${table} ${path}`, 1);
    }
    // A published view is read by anyone, but defined only in its owner's infrastructure/ and written
    // (INTO, UPDATE, TRUNCATE TABLE) by no one else.
    for (const [, verb, view] of text.matchAll(VIEW_WRITE)) {
      const owner = PUBLISHED_VIEWS[view];
      if (!owner || context === 'platform') continue;
      if (verb === 'VIEW' && (owner !== context || !path.includes('/infrastructure/'))) add(`defines-${owner}.${view} ${path}`, 1);
      else if (verb !== 'VIEW' && owner !== context) add(`writes-${owner}.${view} ${path}`, 1);
    }
  }
  return violations;
}

export function compare(found: Violations, baseline: Violations): { readonly added: string[]; readonly fixed: string[] } {
  const added: string[] = [];
  const fixed: string[] = [];
  for (const [key, count] of Object.entries(found)) {
    const allowed = baseline[key] ?? 0;
    if (count > allowed) added.push(`${key}: ${count} (allowed ${allowed})`);
  }
  for (const [key, allowed] of Object.entries(baseline)) {
    if ((found[key] ?? 0) < allowed) fixed.push(`${key}: ${found[key] ?? 0} (listed ${allowed})`);
  }
  return { added, fixed };
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

if (require.main === module) {
  const root = projectRoot();
  const baselineFile = join(root, 'scripts', 'house-rules.baseline.json');
  const found = findViolations(root);
  if (process.argv.includes('--write-baseline')) {
    writeFileSync(baselineFile, `${JSON.stringify(Object.fromEntries(Object.entries(found).sort()), null, 2)}\n`);
    process.stdout.write(`house rules: baseline written, ${Object.keys(found).length} entries\n`);
  } else {
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as Violations;
    const { added, fixed } = compare(found, baseline);
    for (const line of fixed) process.stdout.write(`house rules: fewer than listed, tighten with npm run check:house-rules -- --write-baseline: ${line}\n`);
    for (const line of added) process.stderr.write(`house rules: new violation: ${line}\n`);
    if (added.length > 0) {
      process.stderr.write("house rules: SQL belongs in the context's infrastructure/, and a context reads another's data through its port, not its tables\n");
      process.exit(1);
    }
    const total = Object.values(found).reduce((sum, count) => sum + count, 0);
    process.stdout.write(`house rules: no new violation (${total} older ones still to move, listed in scripts/house-rules.baseline.json)\n`);
  }
}
