import { IsBoolean } from 'class-validator';
import { ProjectApplicationForm } from '../shared/project-application.form';
import { Count, Label } from '../shared/form-fields';

export class NedsattFunksjonsevneForm extends ProjectApplicationForm {
  /** Persons settled, or about to be, whose settlement the grant adapts for. */
  @Label('Antall personer som er eller skal bosettes')
  @Count(1, 100)
  personsSettled: number;

  /** A statement from health or specialist services describing the disability or behavioural problems. */
  @Label('Behovet er dokumentert av helse- eller spesialisthelsetjenesten')
  @IsBoolean()
  needDocumented: boolean;
}
