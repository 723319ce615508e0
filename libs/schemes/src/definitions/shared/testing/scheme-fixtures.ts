import { Money } from '@imdi/kernel';
import { RateTable } from '../../../domain/rate-table';
import type { ApplicantProfile } from '../../../domain/scheme-definition';
import type { ProjectApplicationForm } from '../project-application.form';

/** A rate table from whole kroner, as a test states them. */
export function ratesInKroner(kroner: Readonly<Record<string, number>>): RateTable {
  return new RateTable(Object.entries(kroner).map(([code, amount]) => ({ code, amount: Money.ofKroner(amount), provisional: true, confirmed: false })));
}

export const OSLO: ApplicantProfile = { organisationNumber: '958935420', name: 'Oslo kommune', type: 'kommune', municipalityNumber: '0301' };
export const BERGEN: ApplicantProfile = { organisationNumber: '964338531', name: 'Bergen kommune', type: 'kommune', municipalityNumber: '1201' };

/** A form of the given class, valid as a project application unless the overrides say otherwise. */
export function projectForm<Form extends ProjectApplicationForm>(form: new () => Form, fields: Partial<Form>): Form {
  return Object.assign(new form(), {
    projectTitle: 'Tiltak 2017',
    description: 'Et tiltak som beskrives grundig nok for saksbehandleren.',
    periodStart: '2017-01-01',
    periodEnd: '2017-12-31',
    budget: [{ description: 'Lønn', amountNok: '500000' }],
    requestedAmountNok: '400000',
    contactName: 'Kari Nordmann',
    contactEmail: 'kari@example.no',
    ...fields,
  });
}

/** A claim form of the given class with the fields given. */
export function claimForm<Form extends object>(form: new () => Form, fields: Partial<Form>): Form {
  return Object.assign(new form(), fields);
}
