import { ProjectApplicationForm } from '../shared/project-application.form';
import { Choices, Count, Label, OneOf } from '../shared/form-fields';

export const FRIVILLIGE_REACHES = ['regional', 'national'] as const;

export class FrivilligeRegionaleForm extends ProjectApplicationForm {
  @Choices('Nivå', { regional: 'Regionalt', national: 'Nasjonalt' })
  @OneOf(FRIVILLIGE_REACHES)
  reach: (typeof FRIVILLIGE_REACHES)[number];

  /** Volunteers taking part; the scheme funds voluntary work, not staff alone. */
  @Label('Antall frivillige som deltar')
  @Count(1, 100000)
  volunteers: number;
}
