import type { SchemeDefinition } from '../../domain/scheme-definition';
import { weightedCriteria } from '../shared/assessment-criteria';
import { jobbsjansenPart } from '../shared/jobbsjansen-scheme';
import { schemeModule } from '../shared/scheme-module';
import { JobbsjansenBForm } from './jobbsjansen-b.form';

export const jobbsjansenB: SchemeDefinition<JobbsjansenBForm> = jobbsjansenPart({
  code: 'jobbsjansen-b',
  form: JobbsjansenBForm,
  assessmentCriteria: weightedCriteria({ 'target-group': 25, 'school-completion': 45, cooperation: 15, budget: 15 }),
});

export const JobbsjansenBSchemeModule = schemeModule(jobbsjansenB);
