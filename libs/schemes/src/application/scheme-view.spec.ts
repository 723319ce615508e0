import { SCHEME_DEFINITIONS, schemeDefinition } from '../catalogue/scheme-catalogue';
import { formSchemaOf } from './scheme-view';

interface PropertySchema {
  title?: string;
  type?: string;
  format?: string;
  enum?: string[];
  'x-enumTitles'?: Record<string, string>;
  'x-unit'?: string;
  items?: { properties?: Record<string, PropertySchema> };
  oneOf?: unknown;
}

const propertiesOf = (code: string): Record<string, PropertySchema> =>
  (formSchemaOf(schemeDefinition(code)!) as { properties: Record<string, PropertySchema> }).properties;

describe(formSchemaOf.name, () => {
  it.each(SCHEME_DEFINITIONS.map((definition) => definition.code))('labels every field of %s in bokmål, and every choice', (code) => {
    const unlabelled: string[] = [];
    const visit = (properties: Record<string, PropertySchema>, prefix: string): void => {
      for (const [key, property] of Object.entries(properties)) {
        if (!property.title) unlabelled.push(`${prefix}${key}`);
        for (const value of property.enum ?? []) if (!property['x-enumTitles']?.[value]) unlabelled.push(`${prefix}${key}=${value}`);
        if (property.items?.properties) visit(property.items.properties, `${prefix}${key}[].`);
      }
    };
    visit(propertiesOf(code), '');
    expect(unlabelled).toEqual([]);
  });

  it('resolves the budget lines instead of leaving a dangling reference', () => {
    const budget = propertiesOf('jobbsjansen-a').budget;
    expect(JSON.stringify(budget)).not.toContain('$ref');
    expect(Object.keys(budget.items?.properties ?? {})).toEqual(['description', 'amountNok']);
    expect(budget.items?.properties?.amountNok['x-unit']).toBe('NOK');
  });

  it("asks the common questions first and the scheme's own last", () => {
    const keys = Object.keys(propertiesOf('jobbsjansen-a'));
    expect(keys.slice(0, 2)).toEqual(['projectTitle', 'description']);
    expect(keys.slice(-2)).toEqual(['plannedParticipants', 'expectedTransitionPercent']);
  });

  it('describes the project period as calendar dates', () => {
    const { periodStart } = propertiesOf('jobbsjansen-a');
    expect(periodStart).toMatchObject({ type: 'string', format: 'date', title: 'Prosjektet starter' });
    expect(periodStart.oneOf).toBeUndefined();
  });
});
