import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import { BudgetLedger } from '@imdi/budget';
import { BudgetPost, Money } from '@imdi/kernel';
import type { JobContext } from '@imdi/platform';
import { perCapitaScheme, RateTable, SchemeCatalogueQuery, type PerCapitaScheme, type PeriodEntitlement } from '@imdi/schemes';
import { DataSource, type EntityManager } from 'typeorm';
import { PayeeDirectory } from '../infrastructure/payee.directory';
import { settle } from '../domain/per-capita-settlement';
import { PaymentsError } from '../domain/payments.errors';
import { PerCapitaPayoutRepository } from '../infrastructure/per-capita-payout.repository';
import { PayoutRunRepository, type PayoutRunOutcome, type PayoutRunRecord } from '../infrastructure/payout-run.repository';
import { SettledPersonRepository } from '../infrastructure/settled-person.repository';

const MUNICIPALITIES_PER_PAGE = 100;

type Skipped = NonNullable<PayoutRunOutcome['skipped']>[number];

/**
 * A per-capita payout run: for each municipality, what its current records give per period of the
 * year up to the run's period, compared with what was settled before; the differences are paid
 * (or, when negative, held as credit). One transaction per municipality, serialised per
 * municipality and scheme, so that a second run at the same moment finds the first one's lines.
 */
@Injectable()
export class PayPerCapita {
  private readonly logger = new Logger(PayPerCapita.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly records: SettledPersonRepository,
    private readonly payouts: PerCapitaPayoutRepository,
    private readonly payees: PayeeDirectory,
    private readonly runs: PayoutRunRepository,
    private readonly ledger: BudgetLedger,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * SPEC §2: a run refuses a rate until an admin has confirmed it, and says which. Checked when
   * the run is started and again when the worker takes it: a rate changed in between has lost its
   * confirmation.
   */
  async rates(run: PayoutRunRecord): Promise<{ readonly rates: RateTable } | { readonly refused: NonNullable<PayoutRunOutcome['refused']> }> {
    const scheme = this.schemeOf(run);
    const version = await this.catalogue.version(scheme.code, run.budgetYear);
    const rates = new RateTable(version.rates);
    const unconfirmed = rates.unconfirmed();
    return unconfirmed.length > 0 ? { refused: ratesNotConfirmed(scheme.code, run.budgetYear, unconfirmed) } : { rates };
  }

  async pay(run: PayoutRunRecord, batchId: string, rates: RateTable, context: JobContext): Promise<PayoutRunOutcome> {
    const scheme = this.schemeOf(run);
    const periods = scheme.periodsOf(run.budgetYear).filter((period) => period <= run.period!);
    const skipped: Skipped[] = [];
    let after = '';
    let municipalities = 0;
    for (;;) {
      const page = await this.payouts.municipalities(this.dataSource.manager, scheme.code, run.budgetYear, after, MUNICIPALITIES_PER_PAGE);
      if (page.length === 0) break;
      const payees = await this.payees.byNumber(this.dataSource.manager, page);
      for (const organisationNumber of page) {
        const accountNumber = payees.get(organisationNumber)?.accountNumber;
        const result = await this.dataSource.transaction((manager) =>
          this.settleMunicipality(manager, { run, batchId, scheme, rates, periods, organisationNumber, accountNumber }),
        );
        if (result) skipped.push(result);
      }
      municipalities += page.length;
      after = page[page.length - 1];
      // A heartbeat per page, also when nothing changed, so the watchdog sees the run is alive.
      const paymentsCreated = await this.runs.recordPage(this.dataSource.manager, run.id, 0);
      await context.updateProgress({ municipalities, paymentsCreated });
    }
    if (skipped.length > 0) this.logger.warn(`per-capita run ${run.id}: ${skipped.length} municipalities not paid (no account registered)`);
    return skipped.length > 0 ? { skipped } : {};
  }

  private schemeOf(run: PayoutRunRecord): PerCapitaScheme {
    const scheme = perCapitaScheme(run.schemeCode ?? '');
    if (!scheme || !run.period)
      throw new PaymentsError('NOT_PER_CAPITA', `Utbetalingskjøringen ${run.id} er ikke en kjøring av tilskudd per person.`, { runId: run.id });
    return scheme;
  }

  private async settleMunicipality(
    manager: EntityManager,
    job: {
      run: PayoutRunRecord;
      batchId: string;
      scheme: PerCapitaScheme;
      rates: RateTable;
      periods: readonly string[];
      organisationNumber: string;
      accountNumber: string | undefined;
    },
  ): Promise<Skipped | undefined> {
    const { run, scheme, organisationNumber } = job;
    await this.payouts.lockMunicipality(manager, scheme.code, run.budgetYear, organisationNumber);
    const persons = await this.records.basisOf(manager, scheme.code, organisationNumber);
    const entitlements = new Map<string, PeriodEntitlement>(
      scheme
        .entitlementByPeriod(run.budgetYear, persons, job.rates)
        .filter((entitlement) => job.periods.includes(entitlement.period))
        .map((entitlement) => [entitlement.period, entitlement]),
    );
    const settledBefore = (await this.payouts.settledPeriods(manager, scheme.code, run.budgetYear, organisationNumber)).filter((period) =>
      job.periods.includes(period.period),
    );
    const credit = await this.payouts.credit(manager, scheme.code, run.budgetYear, organisationNumber);
    const settlement = settle(new Map([...entitlements].map(([period, entitlement]) => [period, entitlement.amount])), settledBefore, credit);
    if (settlement.lines.length === 0) return undefined;
    const paying = settlement.lines.filter((line) => line.paid.isPositive());
    if (paying.length > 0 && !job.accountNumber) {
      // Nothing is written, so the next run pays it once the municipality has registered its account.
      return { organisationNumber, reason: 'NO_ACCOUNT_REGISTERED', message: `Kommunen ${organisationNumber} har ikke registrert noe kontonummer` };
    }
    const ids = await this.payouts.insertLines(
      manager,
      { schemeCode: scheme.code, budgetYear: run.budgetYear, organisationNumber, runId: run.id },
      settlement.lines.map((line) => ({ ...line, basis: basisOf(entitlements.get(line.period), persons.length) })),
    );
    if (!ids) {
      // Another run settled this municipality between our reads and our write: roll back and let it stand.
      throw new PaymentsError('CONCURRENT_SETTLEMENT', `Kommunen ${organisationNumber} ble gjort opp av en annen kjøring samtidig. Prøv igjen.`, {
        organisationNumber,
      });
    }
    const postingId = randomUUID();
    await this.payouts.insertPayments(
      manager,
      {
        runId: run.id,
        batchId: job.batchId,
        postingId,
        executionDate: run.asOf,
        budgetYear: run.budgetYear,
        chapter: run.chapter,
        post: run.post,
        schemeCode: scheme.code,
      },
      { organisationNumber, accountNumber: job.accountNumber ?? '' },
      paying.map((line) => ({
        payoutId: ids.get(line.period)!,
        amount: line.paid,
        reference: line.sequence === 1 ? line.period : `${line.period} korreksjon ${line.sequence - 1}`,
      })),
    );
    const paid = Money.sum(paying.map((line) => line.paid));
    // Per-capita amounts are never committed as tilsagn first: the ledger records them as paid only.
    await this.ledger.recordPaymentPosting(manager, {
      budgetYear: run.budgetYear,
      budgetPost: BudgetPost.of({ chapter: run.chapter, post: run.post }),
      postingId,
      lines: [{ earmarkCode: null, amount: paid, committed: false }],
      actorId: run.requestedBy,
      note: `per-capita run ${run.id}`,
      bookedOn: run.asOf,
    });
    await this.audit.record(manager, {
      actor: { userId: run.requestedBy, roles: ['finance'] },
      action: 'per-capita.settled',
      entityType: 'per_capita_municipality',
      entityId: `${scheme.code}:${run.budgetYear}:${organisationNumber}`,
      after: {
        runId: run.id,
        postingId,
        lines: settlement.lines.map((line) => ({
          period: line.period,
          sequence: line.sequence,
          owedNok: line.owed.toDecimalString(),
          differenceNok: line.difference.toDecimalString(),
          offsetNok: line.offset.toDecimalString(),
          paidNok: line.paid.toDecimalString(),
        })),
        creditAfterNok: settlement.creditAfter.toDecimalString(),
      },
    });
    await this.runs.recordPage(manager, run.id, paying.length);
    return undefined;
  }
}

export function ratesNotConfirmed(schemeCode: string, budgetYear: number, unconfirmed: readonly string[]): NonNullable<PayoutRunOutcome['refused']> {
  return {
    code: 'RATES_NOT_CONFIRMED',
    message: `Satsene for ${schemeCode} ${budgetYear} er ikke bekreftet av en administrator ennå (${unconfirmed.join(', ')}). De må bekreftes før de brukes til utbetaling.`,
    unconfirmed,
  };
}

/** What the owed amount was computed from, kept beside it: persons and amounts by rate. */
function basisOf(entitlement: PeriodEntitlement | undefined, records: number): object {
  return {
    records,
    lines: (entitlement?.lines ?? []).map((line) => ({ rateCode: line.rateCode, persons: line.persons, amountNok: line.amount.toDecimalString() })),
  };
}
