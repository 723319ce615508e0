import { ProjectApplicationForm } from '../shared/project-application.form';
import { Choices, OneOf } from '../shared/form-fields';

/** The regulation's sub-goals; from 2017 also projects for persons with higher education from abroad (TB 2017 O4). */
export const KUM_SUB_GOALS = ['settlement', 'qualification', 'higher-education-from-abroad', 'public-services'] as const;
export type KumSubGoal = (typeof KUM_SUB_GOALS)[number];

export class KommunaleUtviklingsmidlerForm extends ProjectApplicationForm {
  @Choices('Delmål', {
    settlement: 'Bosetting',
    qualification: 'Kvalifisering',
    'higher-education-from-abroad': 'Personer med høyere utdanning fra utlandet',
    'public-services': 'Likeverdige offentlige tjenester',
  })
  @OneOf(KUM_SUB_GOALS)
  subGoal: KumSubGoal;
}
