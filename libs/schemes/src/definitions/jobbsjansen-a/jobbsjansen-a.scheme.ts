import type { SchemeDefinition } from '../../domain/scheme-definition';
import { projectRules, requestedProjectAmount } from '../shared/project-rules';
import { schemeModule } from '../shared/scheme-module';
import { JobbsjansenAForm } from './jobbsjansen-a.form';

export const jobbsjansenA: SchemeDefinition<JobbsjansenAForm> = {
  code: 'jobbsjansen-a',
  form: JobbsjansenAForm,
  requestedAmount: requestedProjectAmount,
  checkEligibility: (_applicant, form) => projectRules(form),
  // Tildelingsbrev 2017 SP 9.1: 60 % of participants into work or education.
  assessmentCriteria: [
    { code: 'target-group', label: { nb: 'Målgruppe og rekruttering', nn: 'Målgruppe og rekruttering' }, weight: 30 },
    { code: 'transition', label: { nb: 'Forventet overgang til arbeid eller utdanning', nn: 'Forventa overgang til arbeid eller utdanning' }, weight: 40 },
    { code: 'budget', label: { nb: 'Realistisk budsjett', nn: 'Realistisk budsjett' }, weight: 30 },
  ],
  // Jobbsjansen pays twice a year, spring and autumn.
  payoutPlan: {
    type: 'instalments',
    instalments: [
      { sharePercent: 50, trigger: { on: 'date', month: 3, day: 1 } },
      { sharePercent: 50, trigger: { on: 'date', month: 9, day: 1 } },
    ],
  },
  reportingDuty: { dueMonthsAfterPeriodEnd: 3, contents: ['use-of-funds', 'results', 'participants', 'accounts'] },
  returnUnusedFunds: true,
};

export const JobbsjansenASchemeModule = schemeModule(jobbsjansenA);
