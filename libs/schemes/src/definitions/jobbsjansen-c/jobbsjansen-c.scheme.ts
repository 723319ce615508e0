import type { SchemeDefinition } from '../../domain/scheme-definition';
import { weightedCriteria } from '../shared/assessment-criteria';
import { refuseUnless } from '../shared/eligibility-rules';
import { jobbsjansenPart } from '../shared/jobbsjansen-scheme';
import { schemeModule } from '../shared/scheme-module';
import { JobbsjansenCForm } from './jobbsjansen-c.form';

export const jobbsjansenC: SchemeDefinition<JobbsjansenCForm> = jobbsjansenPart({
  code: 'jobbsjansen-c',
  form: JobbsjansenCForm,
  // TB 2017 SP 9.2: 75 % into work or education.
  assessmentCriteria: weightedCriteria({ transition: 50, 'extra-year-need': 25, budget: 25 }),
  rules: (_applicant, form) =>
    refuseUnless(
      form.plannedParticipants <= form.participantsInProgramme,
      'plannedParticipants',
      'in-introduction-programme',
      'Det ekstra året gjelder bare deltakere som er i introduksjonsprogrammet nå.',
    ),
});

export const JobbsjansenCSchemeModule = schemeModule(jobbsjansenC);
