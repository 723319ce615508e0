import { Injectable } from '@nestjs/common';
import { Money } from '@imdi/kernel';
import { perCapitaScheme, PER_CAPITA_SCHEME_CODES, RateTable, SchemeCatalogueQuery } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { PaymentsError } from '../domain/payments.errors';
import { PerCapitaPayoutRepository } from '../infrastructure/per-capita-payout.repository';
import { SettledPersonRepository } from '../infrastructure/settled-person.repository';
import { ratesNotConfirmed } from './pay-per-capita.service';

export interface Entitlement {
  readonly schemeCode: string;
  readonly budgetYear: number;
  readonly organisationNumber: string;
  /** Persons with a grant this year. */
  readonly persons: number;
  readonly totalNok: string;
  readonly byRate: Record<string, { persons: number; amountNok: string }>;
  readonly byPeriod: ReadonlyArray<{ period: string; amountNok: string }>;
  readonly byGender: { female: number; male: number };
  /** Tildelingsbrev 4.1: grants paid for persons settled from reception without an asylum-based permit. */
  readonly specialCriterionPersons: number;
}

export interface SettlementLineView {
  readonly period: string;
  readonly sequence: number;
  readonly owedNok: string;
  readonly differenceNok: string;
  readonly offsetNok: string;
  readonly paidNok: string;
  readonly runId: string;
  readonly createdAt: string;
}

/** What a municipality is owed by its current records and the year's confirmed rates, and what was settled. */
@Injectable()
export class PerCapitaEntitlements {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly records: SettledPersonRepository,
    private readonly payouts: PerCapitaPayoutRepository,
  ) {}

  async entitlement(schemeCode: string, budgetYear: number, organisationNumber: string): Promise<Entitlement> {
    const scheme = perCapitaScheme(schemeCode);
    if (!scheme)
      throw new PaymentsError(
        'NOT_PER_CAPITA',
        `Ordningen ${schemeCode} utbetales ikke per person. Ordninger som gjør det: ${PER_CAPITA_SCHEME_CODES.join(', ')}.`,
        { schemeCode },
        'schemeCode',
      );
    const version = await this.catalogue.version(schemeCode, budgetYear);
    const rates = new RateTable(version.rates);
    const unconfirmed = rates.unconfirmed();
    if (unconfirmed.length > 0) throw new PaymentsError('RATES_NOT_CONFIRMED', ratesNotConfirmed(schemeCode, budgetYear, unconfirmed).message, { unconfirmed });
    const persons = await this.records.basisOf(this.dataSource.manager, schemeCode, organisationNumber);
    const byRate: Record<string, { persons: number; amount: Money }> = {};
    const byGender = { female: 0, male: 0 };
    let withGrant = 0;
    let special = 0;
    for (const person of persons) {
      // Per person, so that a person paid in four quarters counts once per rate.
      const lines = scheme.entitlementByPeriod(budgetYear, [person], rates).flatMap((period) => period.lines);
      if (lines.length === 0) continue;
      withGrant++;
      byGender[person.gender]++;
      if (person.specialCriterion) special++;
      const amounts = new Map<string, Money>();
      for (const line of lines) amounts.set(line.rateCode, (amounts.get(line.rateCode) ?? Money.zero()).plus(line.amount));
      for (const [rateCode, amount] of amounts) {
        const entry = byRate[rateCode] ?? { persons: 0, amount: Money.zero() };
        byRate[rateCode] = { persons: entry.persons + 1, amount: entry.amount.plus(amount) };
      }
    }
    const periods = scheme.entitlementByPeriod(budgetYear, persons, rates);
    return {
      schemeCode,
      budgetYear,
      organisationNumber,
      persons: withGrant,
      totalNok: Money.sum(periods.map((period) => period.amount)).toDecimalString(),
      byRate: Object.fromEntries(
        Object.entries(byRate).map(([rateCode, entry]) => [rateCode, { persons: entry.persons, amountNok: entry.amount.toDecimalString() }]),
      ),
      byPeriod: periods.map((period) => ({ period: period.period, amountNok: period.amount.toDecimalString() })),
      byGender,
      specialCriterionPersons: special,
    };
  }

  /**
   * What per-capita runs are still expected to pay for a scheme's budget year after a cut-off: every
   * municipality's entitlement for the year by its current records, less what runs up to the cut-off
   * settled (every run when null). Refused (RATES_NOT_CONFIRMED) while a rate is unconfirmed, as the runs are.
   */
  async expectedAfter(schemeCode: string, budgetYear: number, asOf: string | null): Promise<Money> {
    const municipalities = await this.records.municipalitiesWithRecords(this.dataSource.manager, schemeCode);
    let owed = Money.zero();
    for (const organisationNumber of municipalities)
      owed = owed.plus(Money.parseNok((await this.entitlement(schemeCode, budgetYear, organisationNumber)).totalNok));
    const settled = await this.payouts.settledUpTo(this.dataSource.manager, schemeCode, budgetYear, asOf);
    const remaining = owed.minus(settled);
    return remaining.isNegative() ? Money.zero() : remaining;
  }

  /** Every settlement line of the municipality for the year: what was owed, the difference and what was paid. */
  async settlements(schemeCode: string, budgetYear: number, organisationNumber: string): Promise<{ lines: SettlementLineView[]; creditNok: string }> {
    const lines = await this.payouts.ofMunicipality(this.dataSource.manager, schemeCode, budgetYear, organisationNumber);
    const credit = await this.payouts.credit(this.dataSource.manager, schemeCode, budgetYear, organisationNumber);
    return {
      lines: lines.map((line) => ({
        period: line.period,
        sequence: line.sequence,
        owedNok: line.owed.toDecimalString(),
        differenceNok: line.difference.toDecimalString(),
        offsetNok: line.offset.toDecimalString(),
        paidNok: line.paid.toDecimalString(),
        runId: line.runId,
        createdAt: line.createdAt,
      })),
      creditNok: credit.toDecimalString(),
    };
  }

  /** Overpayments not yet set off: finance reclaims these when no later run of the year can offset them. */
  async outstandingCredit(schemeCode: string, budgetYear: number): Promise<Array<{ organisationNumber: string; creditNok: string }>> {
    return (await this.payouts.outstandingCredit(this.dataSource.manager, schemeCode, budgetYear)).map((row) => ({
      organisationNumber: row.organisationNumber,
      creditNok: row.credit.toDecimalString(),
    }));
  }
}
