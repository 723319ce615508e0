import { IsInt, Max, Min } from 'class-validator';
import { ProjectApplicationForm } from '../shared/project-application.form';

export class JobbsjansenAForm extends ProjectApplicationForm {
  /** Planned participants: immigrants far from the labour market, outside other schemes. */
  @IsInt()
  @Min(1)
  @Max(10000)
  plannedParticipants: number;

  @IsInt()
  @Min(0)
  @Max(100)
  expectedTransitionPercent: number;
}
