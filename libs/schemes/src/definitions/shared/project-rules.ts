import { Money } from '@imdi/kernel';
import type { ApplicantProfile, EligibilityProblem } from '../../domain/scheme-definition';
import type { ProjectApplicationForm } from './project-application.form';

/** The amount applied for, exactly. */
export function requestedProjectAmount(form: ProjectApplicationForm): Money {
  return Money.parseNok(form.requestedAmountNok, 'requestedAmountNok');
}

/** Rules every project application shares: a real period, and a budget that covers the request. */
export function projectRules(form: ProjectApplicationForm): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (form.periodEnd < form.periodStart) {
    problems.push({ field: 'periodEnd', rule: 'period-end-after-start', message: 'Prosjektperioden må slutte etter at den starter.' });
  }
  const budgetTotal = Money.sum(form.budget.map((line, index) => Money.parseNok(line.amountNok, `budget.${index}.amountNok`)));
  if (requestedProjectAmount(form).greaterThan(budgetTotal)) {
    problems.push({
      field: 'requestedAmountNok',
      rule: 'request-within-budget',
      message: `Omsøkt beløp kan ikke være større enn budsjettet (${budgetTotal.formatNok()}).`,
    });
  }
  return problems;
}

/** For schemes whose money is named to one recipient in the budget or allocation letter. */
export function onlyNamedRecipient(applicant: ApplicantProfile, organisationNumber: string, name: string): EligibilityProblem[] {
  return applicant.organisationNumber === organisationNumber
    ? []
    : [{ field: 'organisationNumber', rule: 'named-recipient', message: `Midlene er øremerket ${name} (org.nr. ${organisationNumber}).` }];
}
