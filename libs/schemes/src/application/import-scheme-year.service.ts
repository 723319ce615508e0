import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActor } from '@imdi/audit';
import { BudgetError, BudgetStatusQuery } from '@imdi/budget';
import { BudgetPost, collectInvalidValue, Money, osloLocalToInstant } from '@imdi/kernel';
import { DataSource } from 'typeorm';
import { SCHEME_DEFINITIONS, schemeDefinition } from '../catalogue/scheme-catalogue';
import { SchemeError } from '../domain/scheme.errors';
import { APPEAL_ROUTES, APPLICANT_TYPES, SCHEME_KINDS } from '../domain/scheme-terms';
import type { SchemeYearDocument, SchemeYearEntry } from '../domain/scheme-year.document';
import { SchemeVersionCache } from '../infrastructure/scheme-version.cache';
import { SchemeVersionRepository, type NewSchemeVersion } from '../infrastructure/scheme-version.repository';

interface Problem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * Loads a year's data for every scheme (data/schemes/<year>.json): all 18 schemes, each checked
 * against its module (kind, calculation) and against the year's budget (kap./post, earmarks).
 */
@Injectable()
export class ImportSchemeYear {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SchemeVersionRepository,
    private readonly cache: SchemeVersionCache,
    private readonly audit: AuditTrail,
    private readonly budget: BudgetStatusQuery,
  ) {}

  async execute(document: SchemeYearDocument, actor: AuditActor): Promise<{ budgetYear: number; schemes: number }> {
    const problems: Problem[] = [];
    const known = new Set(SCHEME_DEFINITIONS.map((definition) => definition.code));
    const given = new Set(document.schemes.map((entry) => entry.code));
    for (const code of known) {
      if (!given.has(code)) problems.push({ field: 'schemes', rule: 'every-scheme', message: `ordningen ${code} mangler for ${document.budgetYear}` });
    }
    const budget = await this.budgetOfYear(document.budgetYear);
    const versions = document.schemes.map((entry, index) => this.toVersion(entry, document.budgetYear, `schemes.${index}`, problems, budget));
    if (problems.length > 0) {
      throw new SchemeError('SCHEME_DATA_INVALID', `Ordningsdataene for ${document.budgetYear} har ${problems.length} feil. Ingenting er importert.`, {
        errors: problems,
      });
    }
    return this.dataSource
      .transaction(async (manager) => {
        for (const version of versions as NewSchemeVersion[]) {
          const id = await this.repository.insert(manager, version);
          if (!id)
            throw new SchemeError('SCHEME_VERSION_EXISTS', `Ordningen ${version.schemeCode} har allerede data for ${version.budgetYear}.`, {
              code: version.schemeCode,
            });
          await this.audit.record(manager, {
            actor,
            action: 'scheme.version-created',
            entityType: 'scheme_version',
            entityId: id,
            after: { code: version.schemeCode, budgetYear: version.budgetYear, source: document.source },
          });
        }
        return { budgetYear: document.budgetYear, schemes: versions.length };
      })
      .finally(() => this.cache.invalidate());
  }

  private toVersion(
    entry: SchemeYearEntry,
    budgetYear: number,
    field: string,
    problems: Problem[],
    budget: Map<string, Set<string>>,
  ): NewSchemeVersion | undefined {
    const definition = schemeDefinition(entry.code);
    const before = problems.length;
    const problem = (suffix: string, rule: string, message: string) =>
      problems.push({ field: `${field}.${suffix}`, rule, message: `${entry.code}: ${message}` });
    if (!definition) problem('code', 'known-scheme', 'is not a scheme of the catalogue');
    if (!SCHEME_KINDS.includes(entry.kind)) problem('kind', 'scheme-kind', `kind must be one of ${SCHEME_KINDS.join(', ')}`);
    if (definition && (entry.kind === 'rettighet') !== Boolean(definition.calculation)) {
      problem('kind', 'kind-matches-module', 'a rettighet scheme needs a calculation in its module, and only it');
    }
    if (!entry.applicantTypes.length || entry.applicantTypes.some((type) => !APPLICANT_TYPES.includes(type))) {
      problem('applicantTypes', 'applicant-types', `applicant types must be some of ${APPLICANT_TYPES.join(', ')}`);
    }
    if (!APPEAL_ROUTES.includes(entry.appealRoute)) problem('appealRoute', 'appeal-route', `appeal route must be one of ${APPEAL_ROUTES.join(', ')}`);
    const budgetPost = collectInvalidValue(problems, () => BudgetPost.parse(entry.budgetPost, `${field}.budgetPost`));
    if (budgetPost && budget.size > 0) {
      const earmarks = budget.get(budgetPost.toString());
      if (!earmarks) problem('budgetPost', 'post-in-budget', `kap./post ${budgetPost} has no ${budgetYear} frame`);
      for (const code of entry.earmarkCodes) {
        if (earmarks && !earmarks.has(code)) problem('earmarkCodes', 'earmark-in-post', `earmark ${code} is not in kap./post ${budgetPost}`);
      }
    }
    const window = entry.window
      ? collectInvalidValue(problems, () => ({
          opensAt: osloLocalToInstant(entry.window!.opens, `${field}.window.opens`),
          deadlineAt: osloLocalToInstant(entry.window!.deadline, `${field}.window.deadline`),
        }))
      : null;
    if (window && window.deadlineAt <= window.opensAt) problem('window.deadline', 'deadline-after-opening', 'the deadline must come after the opening');
    const rates = (entry.rates ?? []).map((rate, index) => ({
      code: rate.code,
      label: rate.label,
      unit: rate.unit,
      provisional: rate.provisional,
      source: rate.source,
      amount: collectInvalidValue(problems, () => Money.parseNok(rate.amountNok, `${field}.rates.${index}.amountNok`)) ?? Money.zero(),
    }));
    if (problems.length > before || !budgetPost || window === undefined) return undefined;
    return {
      schemeCode: entry.code,
      budgetYear,
      name: entry.name,
      kind: entry.kind,
      budgetPost,
      earmarkCodes: entry.earmarkCodes,
      applicantTypes: entry.applicantTypes,
      appealRoute: entry.appealRoute,
      window,
      legalBasis: entry.legalBasis,
      purpose: entry.purpose,
      notes: entry.notes ?? null,
      rates,
    };
  }

  /** kap./post → earmark codes of the year, when its frames have been imported. */
  private async budgetOfYear(budgetYear: number): Promise<Map<string, Set<string>>> {
    try {
      const status = await this.budget.forYear(budgetYear);
      return new Map(status.posts.map((post) => [post.budgetPost, new Set(post.earmarks.map((earmark) => earmark.code))]));
    } catch (error) {
      if (error instanceof BudgetError && error.code === 'BUDGET_LINE_NOT_FOUND') return new Map();
      throw error;
    }
  }
}
