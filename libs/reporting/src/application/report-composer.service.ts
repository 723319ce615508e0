import { Injectable } from '@nestjs/common';
import { BudgetError, BudgetForecastQuery } from '@imdi/budget';
import { Money } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { summariseTenths } from '../domain/processing-time';
import { REPORT_TITLES, type ReportKind } from '../domain/report-kind';
import type { ReportCell, ReportColumn, ReportDocument, ReportSection } from '../domain/report-document';
import { ReportingError } from '../domain/reporting.errors';
import { ReportQueries } from '../infrastructure/report.queries';

export interface ReportRequest {
  readonly kind: ReportKind;
  readonly budgetYear: number;
  /** One kap./post ("496.62"), or every post of the year. */
  readonly budgetPost: string | null;
  readonly asOf: string;
}

const nok = (money: Money): string => money.toDecimalString();
const sumNok = (rows: ReadonlyArray<Record<string, ReportCell>>, key: string): string =>
  Money.sum(rows.map((row) => Money.parseNok(String(row[key] ?? '0')))).toDecimalString();
const sumCount = (rows: ReadonlyArray<Record<string, ReportCell>>, key: string): number => rows.reduce((total, row) => total + Number(row[key] ?? 0), 0);

/** Totals of every nok and count column, computed exactly from the rows. */
function totalsOf(columns: readonly ReportColumn[], rows: ReadonlyArray<Record<string, ReportCell>>, label: string): Record<string, ReportCell> {
  const totals: Record<string, ReportCell> = {};
  columns.forEach((column, index) => {
    if (column.kind === 'nok') totals[column.key] = sumNok(rows, column.key);
    else if (column.kind === 'count') totals[column.key] = sumCount(rows, column.key);
    else totals[column.key] = index === 0 ? label : null;
  });
  return totals;
}

/**
 * Composes each report from the budget status and the reporting queries into one document that
 * the API returns and the workbook and PDF renderers draw.
 */
@Injectable()
export class ReportComposer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly budgetForecast: BudgetForecastQuery,
    private readonly queries: ReportQueries,
  ) {}

  async compose(request: ReportRequest, generatedAt: Date, onProgress: (percent: number) => Promise<void> = async () => undefined): Promise<ReportDocument> {
    const sections: ReportSection[] = [];
    const wants = (part: 'accounting' | 'schemes' | 'persons'): boolean =>
      request.kind === 'half-year-pack' ||
      request.kind === 'annual-pack' ||
      (part === 'accounting' && request.kind === 'accounting-status') ||
      (part === 'schemes' && request.kind === 'scheme-statistics') ||
      (part === 'persons' && request.kind === 'person-statistics');
    if (wants('accounting')) sections.push(...(await this.accountingSections(request)));
    await onProgress(40);
    if (wants('schemes')) sections.push(await this.schemeSection(request));
    await onProgress(60);
    if (wants('persons')) sections.push(...(await this.personSections(request)));
    await onProgress(70);
    return {
      title: REPORT_TITLES[request.kind],
      budgetYear: request.budgetYear,
      budgetPost: request.budgetPost,
      asOf: request.asOf,
      generatedAt: generatedAt.toISOString(),
      sections,
    };
  }

  private async accountingSections(request: ReportRequest): Promise<ReportSection[]> {
    let status;
    try {
      // The status and its year-end forecast as the budget page shows them: one rule, the same figures.
      status = await this.budgetForecast.forYear(request.budgetYear, request.asOf);
    } catch (error) {
      if (error instanceof BudgetError && error.code === 'BUDGET_LINE_NOT_FOUND') {
        throw new ReportingError(
          'BUDGET_YEAR_NOT_FOUND',
          `Det er ikke lagt inn budsjettrammer for ${request.budgetYear}. Tildelingsbrevet for året må importeres først.`,
          { budgetYear: request.budgetYear },
          'budgetYear',
        );
      }
      throw error;
    }
    const posts = status.posts.filter((post) => request.budgetPost === null || post.budgetPost === request.budgetPost);
    if (posts.length === 0) {
      throw new ReportingError(
        'BUDGET_POST_NOT_FOUND',
        `Kap./post ${request.budgetPost} har ingen ramme i ${request.budgetYear}.`,
        { budgetPost: request.budgetPost },
        'budgetPost',
      );
    }
    const unavailable = [...new Set(posts.flatMap((post) => post.forecast.perCapitaUnavailable))];
    const statusColumns: ReportColumn[] = [
      { key: 'budgetPost', label: 'Kap./post', kind: 'text' },
      { key: 'name', label: 'Betegnelse', kind: 'text' },
      { key: 'frame', label: 'Ramme', kind: 'nok' },
      { key: 'earmarked', label: 'Øremerket', kind: 'nok' },
      { key: 'committed', label: 'Tilsagn (ikke utbetalt)', kind: 'nok' },
      { key: 'paid', label: 'Utbetalt', kind: 'nok' },
      { key: 'reclaimed', label: 'Tilbakebetalt', kind: 'nok' },
      { key: 'available', label: 'Disponibelt', kind: 'nok' },
      { key: 'exceeded', label: 'Overskridelse (overslagsbevilgning)', kind: 'nok' },
    ];
    const statusRows = posts.map((post) => ({
      budgetPost: post.budgetPost,
      name: post.name,
      frame: post.frameNok,
      earmarked: post.earmarkedNok,
      committed: post.committedNok,
      paid: post.paidNok,
      reclaimed: post.reclaimedNok,
      available: post.availableNok,
      exceeded: post.exceededByNok,
    }));
    const forecastColumns: ReportColumn[] = [
      { key: 'budgetPost', label: 'Kap./post', kind: 'text' },
      { key: 'paid', label: 'Utbetalt per dato', kind: 'nok' },
      { key: 'dueUnpaid', label: 'Forfalt, ikke utbetalt', kind: 'nok' },
      { key: 'plannedRestOfYear', label: 'Planlagt resten av året', kind: 'nok' },
      { key: 'perCapitaRestOfYear', label: 'Forventet per capita resten av året', kind: 'nok' },
      { key: 'paidByYearEnd', label: 'Prognose utbetalt 31.12.', kind: 'nok' },
      { key: 'unusedAtYearEnd', label: 'Prognose mindreforbruk (+) / merforbruk (−)', kind: 'nok' },
      { key: 'heldBack', label: 'Holdt tilbake til rapport er godkjent', kind: 'nok' },
    ];
    const forecastRows = posts.map((post) => ({
      budgetPost: post.budgetPost,
      paid: post.paidNok,
      dueUnpaid: post.forecast.dueUnpaidNok,
      plannedRestOfYear: post.forecast.plannedRestOfYearNok,
      perCapitaRestOfYear: post.forecast.perCapitaRestOfYearNok,
      paidByYearEnd: post.forecast.paidByYearEndNok,
      unusedAtYearEnd: post.forecast.remainingAtYearEndNok,
      heldBack: post.forecast.heldBackNok,
    }));
    return [
      {
        key: 'accounting-status',
        title: `Regnskapsstatus per kap./post per ${norwegianDate(request.asOf)}`,
        note: 'Disponibelt = ramme − tilsagn − utbetalt + tilbakebetalt. Post 61 er en overslagsbevilgning og kan overskrides.',
        table: { columns: statusColumns, rows: statusRows, totals: totalsOf(statusColumns, statusRows, 'Sum') },
        chart: {
          title: 'Bruk av bevilgningen per kap./post',
          categories: posts.map((post) => post.budgetPost),
          series: [
            { name: 'Utbetalt', values: posts.map((post) => post.paidNok) },
            { name: 'Tilsagn', values: posts.map((post) => post.committedNok) },
            { name: 'Disponibelt', values: posts.map((post) => (post.availableNok.startsWith('-') ? '0.00' : post.availableNok)) },
          ],
          stacked: true,
          normalised: true,
          unit: 'nok',
        },
      },
      {
        key: 'forecast',
        title: 'Prognose for resten av året',
        note: [
          'Prognosen bygger på planlagte utbetalinger slik de er kjent når rapporten kjøres, og forventede per capita-kjøringer, regnet som på budsjettsiden:',
          'prognose utbetalt 31.12. = utbetalt + forfalt, ikke utbetalt + planlagt resten av året + forventet per capita resten av året;',
          'prognose mindreforbruk (+) / merforbruk (−) = ramme − prognose utbetalt 31.12. + tilbakebetalt.',
          'Beløp holdt tilbake til rapport er godkjent, og tilsagn som ennå ikke er akseptert, er ikke med.',
          ...unavailable.map((scheme) => `Per capita-prognosen for ${scheme} mangler: årets satser er ikke bekreftet av administrator.`),
        ].join(' '),
        table: { columns: forecastColumns, rows: forecastRows, totals: totalsOf(forecastColumns, forecastRows, 'Sum') },
      },
    ];
  }

  private async schemeSection(request: ReportRequest): Promise<ReportSection> {
    const figures = (await this.queries.schemeFigures(this.dataSource.manager, request.budgetYear, request.asOf)).filter(
      (scheme) => request.budgetPost === null || scheme.budgetPost === request.budgetPost,
    );
    const columns: ReportColumn[] = [
      { key: 'scheme', label: 'Tilskuddsordning', kind: 'text' },
      { key: 'budgetPost', label: 'Kap./post', kind: 'text' },
      { key: 'received', label: 'Søknader mottatt', kind: 'count' },
      { key: 'requested', label: 'Søkt beløp', kind: 'nok' },
      { key: 'granted', label: 'Innvilget', kind: 'count' },
      { key: 'grantedAmount', label: 'Innvilget beløp', kind: 'nok' },
      { key: 'refused', label: 'Avslått', kind: 'count' },
      { key: 'rejectedFormally', label: 'Avvist', kind: 'count' },
      { key: 'medianDays', label: 'Saksbehandlingstid, median (dager)', kind: 'days' },
      { key: 'meanDays', label: 'Saksbehandlingstid, snitt (dager)', kind: 'days' },
      { key: 'reportsReceived', label: 'Rapporter mottatt', kind: 'count' },
      { key: 'reportsOverdue', label: 'Rapporter på etterskudd', kind: 'count' },
    ];
    const rows = figures.map((scheme) => {
      const times = summariseTenths(scheme.processingTenths);
      return {
        scheme: scheme.schemeName,
        budgetPost: scheme.budgetPost,
        received: scheme.received,
        requested: nok(scheme.requested),
        granted: scheme.granted,
        grantedAmount: nok(scheme.grantedAmount),
        refused: scheme.refused,
        rejectedFormally: scheme.rejectedFormally,
        medianDays: times.median,
        meanDays: times.mean,
        reportsReceived: scheme.reportsReceived,
        reportsOverdue: scheme.reportsOverdue,
      };
    });
    return {
      key: 'scheme-statistics',
      title: `Søknader, vedtak og rapporter per tilskuddsordning per ${norwegianDate(request.asOf)}`,
      note: 'Saksbehandlingstid regnes fra mottatt søknad til vedtak (forvaltningsloven § 11 a).',
      table: { columns, rows, totals: totalsOf(columns, rows, 'Sum') },
      chart: {
        title: 'Innvilget og avslått per ordning',
        categories: figures.map((scheme) => scheme.schemeCode),
        series: [
          { name: 'Innvilget', values: figures.map((scheme) => scheme.granted) },
          { name: 'Avslått', values: figures.map((scheme) => scheme.refused) },
        ],
        stacked: false,
        unit: 'count',
      },
    };
  }

  private async personSections(request: ReportRequest): Promise<ReportSection[]> {
    const figures = (await this.queries.personFigures(this.dataSource.manager, request.budgetYear, request.asOf)).filter(
      (row) => request.budgetPost === null || row.budgetPost === request.budgetPost,
    );
    const columns: ReportColumn[] = [
      { key: 'scheme', label: 'Tilskuddsordning', kind: 'text' },
      { key: 'budgetPost', label: 'Kap./post', kind: 'text' },
      { key: 'source', label: 'Grunnlag', kind: 'text' },
      { key: 'female', label: 'Kvinner', kind: 'count' },
      { key: 'male', label: 'Menn', kind: 'count' },
      { key: 'total', label: 'I alt', kind: 'count' },
    ];
    const rows = figures.map((row) => ({
      scheme: row.schemeName,
      budgetPost: row.budgetPost,
      source: row.source === 'settled-persons' ? 'Bosatte personer (per capita)' : 'Deltakere rapportert av tilskuddsmottakere',
      female: row.female,
      male: row.male,
      total: row.female + row.male,
    }));
    const sections: ReportSection[] = [
      {
        key: 'person-statistics',
        title: `Personer etter kjønn per ${norwegianDate(request.asOf)}`,
        table: { columns, rows, totals: totalsOf(columns, rows, 'Sum') },
        chart: {
          title: 'Personer etter kjønn per ordning',
          categories: figures.map((row) => row.schemeCode),
          series: [
            { name: 'Kvinner', values: figures.map((row) => row.female) },
            { name: 'Menn', values: figures.map((row) => row.male) },
          ],
          stacked: true,
          unit: 'count',
        },
      },
    ];
    if (request.budgetPost === null || request.budgetPost === '496.60') {
      const special = figures.filter((row) => row.schemeCode === 'integreringstilskudd' && row.source === 'settled-persons');
      const female = special.reduce((total, row) => total + row.specialCriterionFemale, 0);
      const male = special.reduce((total, row) => total + row.specialCriterionMale, 0);
      const specialColumns: ReportColumn[] = [
        { key: 'criterion', label: 'Kriterium', kind: 'text' },
        { key: 'female', label: 'Kvinner', kind: 'count' },
        { key: 'male', label: 'Menn', kind: 'count' },
        { key: 'total', label: 'I alt', kind: 'count' },
      ];
      sections.push({
        key: 'special-criterion',
        title: 'Kap. 496 post 60: tilskudd etter det særskilte kriteriet',
        note: 'Personer bosatt fra mottak uten asylbasert oppholdstillatelse (tildelingsbrevet pkt. 4.1).',
        table: { columns: specialColumns, rows: [{ criterion: 'Bosatt fra mottak uten asylbasert oppholdstillatelse', female, male, total: female + male }] },
      });
    }
    return sections;
  }
}

/** "2017-06-30" → "30.06.2017", as Norwegian readers write dates. */
export function norwegianDate(isoDate: string): string {
  return isoDate.split('-').reverse().join('.');
}
