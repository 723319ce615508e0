import { ProjectApplicationForm } from '../shared/project-application.form';
import { Choices, Label, OneOf, Text } from '../shared/form-fields';

/** TB 2017 O10: crime prevention comes first; living conditions may also be prioritised. */
export const GRONLAND_PRIORITY_AREAS = ['kriminalitetsforebygging', 'levekar'] as const;

export class GronlandForm extends ProjectApplicationForm {
  /** TB 2017 O10: «Mereffekten av tiltakene må sannsynliggjøres og fremkomme i søknaden fra kommunen.» */
  @Label('Mereffekt av tiltakene', 'Vis hvordan tiltakene kommer i tillegg til kommunens ordinære innsats.')
  @Text(50, 10000)
  addedEffect: string;

  @Choices('Prioritert område', { kriminalitetsforebygging: 'Kriminalitetsforebygging', levekar: 'Levekår' })
  @OneOf(GRONLAND_PRIORITY_AREAS)
  priorityArea: (typeof GRONLAND_PRIORITY_AREAS)[number];
}
