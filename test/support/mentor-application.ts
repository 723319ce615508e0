import { call } from './api-harness';

/** A complete mentor-trainee form (496.73) for `amount` in `year`, filling the scheme's own fields from its schema. */
export async function mentorTraineeForm(baseUrl: string, amount: string, year = 2017): Promise<Record<string, unknown>> {
  const scheme = (await call(baseUrl, `/schemes/mentor-trainee?year=${year}`)).body;
  const form: Record<string, unknown> = {
    projectTitle: 'Mentorprogram',
    description: 'Mentorer fra arbeidslivet for personer med innvandrerbakgrunn.',
    periodStart: `${year}-03-01`,
    periodEnd: `${year}-12-31`,
    budget: [{ description: 'Koordinator', amountNok: amount }],
    requestedAmountNok: amount,
    contactName: 'Kari',
    contactEmail: 'kari@example.no',
  };
  for (const [field, schema] of Object.entries(scheme.formSchema.properties as Record<string, { type?: string; enum?: string[] }>)) {
    if (!(field in form))
      form[field] = schema.enum
        ? schema.enum[0]
        : schema.type === 'integer' || schema.type === 'number'
          ? 5
          : 'Beskrivelse av tiltaket for mentorer og traineer.';
  }
  return form;
}
