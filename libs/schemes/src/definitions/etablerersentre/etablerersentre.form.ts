import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count, Label, Text } from '../shared/form-fields';

export class EtablerersentreForm extends ProjectApplicationForm {
  /** The counties or municipalities the centre serves. */
  @Label('Område senteret dekker', 'Fylker eller kommuner.')
  @Text(2, 500)
  region: string;

  /** Immigrants the centre expects to advise on starting a business in the period. */
  @Label('Planlagt antall veiledede etablerere')
  @Count(1, 10000)
  plannedEntrepreneursAdvised: number;
}
