import { IsBoolean } from 'class-validator';
import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count } from '../shared/form-fields';

export class NedsattFunksjonsevneForm extends ProjectApplicationForm {
  /** Persons settled, or about to be, whose settlement the grant adapts for. */
  @Count(1, 100)
  personsSettled: number;

  /** A statement from health or specialist services describing the disability or behavioural problems. */
  @IsBoolean()
  needDocumented: boolean;
}
