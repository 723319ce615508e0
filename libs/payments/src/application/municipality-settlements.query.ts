import { Injectable } from '@nestjs/common';
import { organisationScope, type Principal } from '@imdi/auth';
import { Money } from '@imdi/kernel';
import { SchemeCatalogueQuery, type SchemeVersion } from '@imdi/schemes';
import { DataSource } from 'typeorm';
import { PerCapitaPayoutRepository } from '../infrastructure/per-capita-payout.repository';

/** The most lines one answer holds: four quarters of two schemes over many years for a few municipalities. */
const MAX_LINES = 500;

export interface MunicipalitySettlementRateView {
  readonly rateCode: string;
  readonly label: string;
  /** The year's rate per person, as the scheme's rate table has it. */
  readonly rateNok: string | null;
  readonly persons: number;
  readonly amountNok: string;
}

export interface MunicipalitySettlementView {
  readonly id: string;
  readonly organisationNumber: string;
  readonly schemeCode: string;
  readonly schemeName: { readonly nb: string; readonly nn: string };
  readonly budgetYear: number;
  readonly period: string;
  readonly sequence: number;
  readonly persons: number;
  readonly rates: readonly MunicipalitySettlementRateView[];
  readonly owedNok: string;
  readonly differenceNok: string;
  readonly paidNok: string;
  readonly paidOn: string | null;
}

/**
 * A municipality's own per-capita settlements (integreringstilskudd, enslige mindreårige): for each
 * period and run, the persons and rates the amount was computed from, what the period is owed, what
 * this settlement paid and on which date. Bounded by the organisations the caller acts for.
 */
@Injectable()
export class MunicipalitySettlements {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: SchemeCatalogueQuery,
    private readonly payouts: PerCapitaPayoutRepository,
  ) {}

  async ofCaller(principal: Principal): Promise<MunicipalitySettlementView[]> {
    const scope = organisationScope(principal, []) ?? [];
    const rows = await this.payouts.ofOrganisations(this.dataSource.manager, scope, MAX_LINES);
    const versions = new Map<string, Promise<SchemeVersion>>();
    const versionOf = (code: string, year: number): Promise<SchemeVersion> => {
      const key = `${code}:${year}`;
      const found = versions.get(key) ?? this.catalogue.version(code, year);
      versions.set(key, found);
      return found;
    };
    const views: MunicipalitySettlementView[] = [];
    for (const row of rows) {
      const version = await versionOf(row.schemeCode, row.budgetYear);
      const rates = (row.basis.lines ?? []).map((line) => {
        const rate = version.rates.find((entry) => entry.code === line.rateCode);
        return {
          rateCode: line.rateCode,
          label: rate?.label ?? line.rateCode,
          rateNok: rate ? rate.amount.toDecimalString() : null,
          persons: line.persons,
          amountNok: Money.parseNok(line.amountNok).toDecimalString(),
        };
      });
      views.push({
        id: row.id,
        organisationNumber: row.organisationNumber,
        schemeCode: row.schemeCode,
        schemeName: version.name,
        budgetYear: row.budgetYear,
        period: row.period,
        sequence: row.sequence,
        persons: rates.reduce((sum, rate) => sum + rate.persons, 0),
        rates,
        owedNok: row.owed.toDecimalString(),
        differenceNok: row.difference.toDecimalString(),
        paidNok: row.paid.toDecimalString(),
        paidOn: row.paidOn,
      });
    }
    return views;
  }
}
