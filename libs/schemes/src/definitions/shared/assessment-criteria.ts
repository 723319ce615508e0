import type { AssessmentCriterion } from '../../domain/scheme-definition';
import type { LocalisedText } from '../../domain/scheme-terms';

/** The criteria søkbar schemes score applications on; each scheme picks some and weighs them. */
const CRITERIA = {
  'target-group': { nb: 'Målgruppe og rekruttering', nn: 'Målgruppe og rekruttering' },
  transition: { nb: 'Forventet overgang til arbeid eller utdanning', nn: 'Forventa overgang til arbeid eller utdanning' },
  budget: { nb: 'Realistisk budsjett', nn: 'Realistisk budsjett' },
  cooperation: { nb: 'Samarbeid og forankring', nn: 'Samarbeid og forankring' },
  'documented-need': { nb: 'Dokumentert behov for tilrettelegging', nn: 'Dokumentert behov for tilrettelegging' },
  'adaptation-plan': { nb: 'Plan for tilrettelegging ved bosetting', nn: 'Plan for tilrettelegging ved busetjing' },
  'school-completion': {
    nb: 'Grunnskoleopplæring som gjør deltakerne i stand til å fullføre videregående opplæring',
    nn: 'Grunnskuleopplæring som gjer deltakarane i stand til å fullføre vidaregåande opplæring',
  },
  'extra-year-need': { nb: 'Behovet for et ekstra år i introduksjonsprogrammet', nn: 'Behovet for eit ekstra år i introduksjonsprogrammet' },
  'development-value': { nb: 'Nyskaping og overføringsverdi', nn: 'Nyskaping og overføringsverdi' },
  'goal-relevance': { nb: 'Relevans for regelverkets delmål', nn: 'Relevans for delmåla i regelverket' },
  'business-start-ups': { nb: 'Etablererveiledning og nye foretak', nn: 'Etablerarrettleiing og nye føretak' },
  'national-competence': { nb: 'Nasjonal kompetanse og rolle på integreringsfeltet', nn: 'Nasjonal kompetanse og rolle på integreringsfeltet' },
  'previous-results': { nb: 'Resultater fra forrige periode', nn: 'Resultat frå førre periode' },
  organisation: { nb: 'Organisasjon og drift', nn: 'Organisasjon og drift' },
  'volunteer-activity': { nb: 'Frivillig innsats og medvirkning', nn: 'Frivillig innsats og medverknad' },
  'geographic-reach': { nb: 'Regional eller nasjonal rekkevidde', nn: 'Regional eller nasjonal rekkjevidd' },
  'follow-up': { nb: 'Oppfølging av mentorer og deltakere', nn: 'Oppfølging av mentorar og deltakarar' },
  'full-time-programme': { nb: 'Fulltidsprogram innen to uker etter ankomst', nn: 'Fulltidsprogram innan to veker etter ankomst' },
} as const satisfies Record<string, LocalisedText>;

export type CriterionCode = keyof typeof CRITERIA;

export class InvalidCriteriaWeightsError extends Error {}

/** The criteria with their weights, in the order given; the weights must sum to 100. */
export function weightedCriteria(weights: Partial<Record<CriterionCode, number>>): AssessmentCriterion[] {
  const criteria = (Object.entries(weights) as Array<[CriterionCode, number]>).map(([code, weight]) => ({ code, label: CRITERIA[code], weight }));
  const total = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (total !== 100) throw new InvalidCriteriaWeightsError(`assessment weights must sum to 100, not ${total}`);
  return criteria;
}
