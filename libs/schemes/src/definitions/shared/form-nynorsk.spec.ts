import { formSchemaOf } from '../../application/scheme-view';
import { SCHEME_DEFINITIONS } from '../../catalogue/scheme-catalogue';
import { nynorsk } from './form-nynorsk';

interface FieldSchema {
  readonly title?: string;
  readonly description?: string;
  readonly 'x-enumTitles'?: Record<string, string>;
  readonly 'x-nn'?: { title?: string; description?: string; enumTitles?: Record<string, string> };
  readonly properties?: Record<string, FieldSchema>;
  readonly items?: FieldSchema;
}

/** Every titled field of a schema, nested budget lines included, with its path. */
function fields(schema: FieldSchema, path = ''): Array<[string, FieldSchema]> {
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => [
    [`${path}${name}`, field] as [string, FieldSchema],
    ...(field.items ? [[`${path}${name}[]`, field.items] as [string, FieldSchema], ...fields(field.items, `${path}${name}[].`)] : []),
  ]);
}

describe('Scheme forms in nynorsk', () => {
  it.each(SCHEME_DEFINITIONS.map((definition) => [definition.code, definition] as const))(
    '%s: every field has its title, help text and choices in nynorsk beside the bokmål',
    (_code, definition) => {
      const titled = fields(formSchemaOf(definition) as FieldSchema).filter(([, field]) => field.title !== undefined);
      expect(titled.length).toBeGreaterThan(0);
      for (const [path, field] of titled) {
        const nn = field['x-nn'];
        expect({ path, nn: nn?.title }).toEqual({ path, nn: nynorsk(field.title ?? '') });
        expect({ path, nn: nn?.description }).toEqual({ path, nn: field.description === undefined ? undefined : nynorsk(field.description) });
        const choices = field['x-enumTitles'];
        if (choices) expect({ path, nn: Object.keys(nn?.enumTitles ?? {}) }).toEqual({ path, nn: Object.keys(choices) });
      }
    },
  );

  it('a label with no nynorsk is refused with the word named', () => {
    expect(() => nynorsk('Et ord ingen har oversatt')).toThrow('«Et ord ingen har oversatt» manglar nynorsk');
  });

  it('the project form says it in nynorsk, not in bokmål', () => {
    const [projectScheme] = SCHEME_DEFINITIONS.filter((definition) => definition.code === 'mentor-trainee');
    const schema = formSchemaOf(projectScheme) as FieldSchema;
    expect(schema.properties?.projectTitle['x-nn']).toEqual({ title: 'Namnet på prosjektet' });
    expect(schema.properties?.budget.items?.properties?.description['x-nn']).toEqual({ title: 'Kva pengane skal brukast til' });
    expect(schema.properties?.mentors['x-nn']).toEqual({ title: 'Tal på mentorar', description: 'Null for ei traineeordning utan mentorar.' });
  });
});
