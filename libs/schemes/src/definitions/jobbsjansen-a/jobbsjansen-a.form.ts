import { IsInt, Max, Min } from 'class-validator';
import { ProjectApplicationForm } from '../shared/project-application.form';
import { Label } from '../shared/form-fields';

export class JobbsjansenAForm extends ProjectApplicationForm {
  /** Planned participants: immigrants far from the labour market, outside other schemes. */
  @Label('Planlagt antall deltakere', 'Innvandrere som står langt fra arbeidsmarkedet og ikke er omfattet av andre ordninger.')
  @IsInt()
  @Min(1)
  @Max(10000)
  plannedParticipants: number;

  @Label('Forventet andel over i arbeid eller utdanning (prosent)')
  @IsInt()
  @Min(0)
  @Max(100)
  expectedTransitionPercent: number;
}
