import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count, Text } from '../shared/form-fields';

export class EtablerersentreForm extends ProjectApplicationForm {
  /** The counties or municipalities the centre serves. */
  @Text(2, 500)
  region: string;

  /** Immigrants the centre expects to advise on starting a business in the period. */
  @Count(1, 10000)
  plannedEntrepreneursAdvised: number;
}
