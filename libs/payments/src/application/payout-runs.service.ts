import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@imdi/audit';
import type { Principal } from '@imdi/auth';
import { BudgetPost, Clock, osloDate } from '@imdi/kernel';
import { OutboxWriter } from '@imdi/outbox';
import { perCapitaScheme, PER_CAPITA_SCHEME_CODES, RateTable, SchemeCatalogueQuery } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { PaymentsError } from '../domain/payments.errors';
import { PayoutRunRepository, type PayoutRunKind, type PayoutRunOutcome, type PayoutRunStatus } from '../infrastructure/payout-run.repository';
import { ratesNotConfirmed } from './pay-per-capita.service';
import { RUN_PAYOUTS } from './payments.jobs';

export interface PayoutRunView {
  readonly id: string;
  readonly kind: PayoutRunKind;
  readonly schemeCode: string | null;
  readonly period: string | null;
  readonly budgetYear: number;
  readonly budgetPost: string;
  readonly asOf: string;
  readonly status: PayoutRunStatus;
  readonly paymentsCreated: number;
  readonly batchId: string | null;
  readonly refused: PayoutRunOutcome['refused'] | null;
  readonly skipped: NonNullable<PayoutRunOutcome['skipped']>;
}

/** Finance starts a payout run for one kap./post (instalments) or one per-capita scheme and period; the worker does the work. */
@Injectable()
export class PayoutRuns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: PayoutRunRepository,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async start(budgetYear: number, budgetPost: BudgetPost, asOf: string | undefined, principal: Principal): Promise<PayoutRunView> {
    return this.enqueue(
      {
        kind: 'instalments',
        schemeCode: null,
        period: null,
        budgetYear,
        chapter: budgetPost.chapter,
        post: budgetPost.post,
        asOf: asOf ?? osloDate(this.clock.now()),
        requestedBy: principal.userId,
      },
      principal,
    );
  }

  /**
   * A per-capita run pays every municipality what its records give for the periods of the year up
   * to and including `period`, less what earlier runs settled. Refused at once, naming them, while
   * any of the year's rates is unconfirmed.
   */
  async startPerCapita(schemeCode: string, budgetYear: number, period: string, asOf: string | undefined, principal: Principal): Promise<PayoutRunView> {
    const scheme = perCapitaScheme(schemeCode);
    if (!scheme) {
      throw new PaymentsError(
        'NOT_PER_CAPITA',
        `Ordningen ${schemeCode} utbetales ikke per person. Ordninger som gjør det: ${PER_CAPITA_SCHEME_CODES.join(', ')}.`,
        { schemeCode },
        'schemeCode',
      );
    }
    const periods = scheme.periodsOf(budgetYear);
    if (!periods.includes(period)) {
      throw new PaymentsError('PERIOD_UNKNOWN', `Perioden må være en av ${periods.join(', ')} for ${schemeCode} ${budgetYear}.`, { periods }, 'period');
    }
    const version = await this.catalogue.version(schemeCode, budgetYear);
    const unconfirmed = new RateTable(version.rates).unconfirmed();
    if (unconfirmed.length > 0) {
      const refusal = ratesNotConfirmed(schemeCode, budgetYear, unconfirmed);
      throw new PaymentsError('RATES_NOT_CONFIRMED', refusal.message, { unconfirmed });
    }
    return this.enqueue(
      {
        kind: 'per-capita',
        schemeCode,
        period,
        budgetYear,
        chapter: version.budgetPost.chapter,
        post: version.budgetPost.post,
        asOf: asOf ?? osloDate(this.clock.now()),
        requestedBy: principal.userId,
      },
      principal,
    );
  }

  async view(id: string): Promise<PayoutRunView> {
    const run = await this.runs.find(this.dataSource.manager, id);
    if (!run) throw new PaymentsError('RUN_NOT_FOUND', `Fant ingen utbetalingskjøring med id ${id}.`, { id });
    return {
      id,
      kind: run.kind,
      schemeCode: run.schemeCode,
      period: run.period,
      budgetYear: run.budgetYear,
      budgetPost: `${run.chapter}.${run.post}`,
      asOf: run.asOf,
      status: run.status,
      paymentsCreated: run.paymentsCreated,
      batchId: run.batchId,
      refused: run.outcome?.refused ?? null,
      skipped: run.outcome?.skipped ?? [],
    };
  }

  /** The latest runs, newest first: what finance has started and how far each has come. */
  async list(): Promise<PayoutRunView[]> {
    const recent = await this.runs.recentIds(this.dataSource.manager, 100);
    return Promise.all(recent.map((id) => this.view(id)));
  }

  private async enqueue(run: Parameters<PayoutRunRepository['insert']>[1], principal: Principal): Promise<PayoutRunView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const runId = await this.runs.insert(manager, run);
      await this.outbox.add(manager, RUN_PAYOUTS, { runId });
      await this.audit.record(manager, {
        actor: principal,
        action: 'payout-run.started',
        entityType: 'payout_run',
        entityId: runId,
        after: {
          kind: run.kind,
          schemeCode: run.schemeCode,
          period: run.period,
          budgetYear: run.budgetYear,
          budgetPost: `${run.chapter}.${run.post}`,
          asOf: run.asOf,
        },
      });
      return runId;
    });
    return this.view(id);
  }
}
