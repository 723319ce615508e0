import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Money } from '@imdi/kernel';
import { ENSLIGE_MINDREAARIGE_RATE_CODES } from '../definitions/enslige-mindreaarige/enslige-mindreaarige.scheme';
import { FRIVILLIGE_LOKALE_RATE_CODES } from '../definitions/frivillige-lokale/frivillige-lokale.scheme';
import { INTEGRERINGSTILSKUDD_RATE_CODES } from '../definitions/integreringstilskudd/integreringstilskudd.scheme';
import { NORSK_ASYLMOTTAK_RATE_CODES } from '../definitions/norsk-asylmottak/norsk-asylmottak.scheme';
import { NORSK_SAMFUNNSKUNNSKAP_RATE_CODES } from '../definitions/norsk-samfunnskunnskap/norsk-samfunnskunnskap.scheme';
import type { SchemeYearDocument } from '../domain/scheme-year.document';
import { SCHEME_DEFINITIONS, SCHEME_MODULES, schemeDefinition } from './scheme-catalogue';

/** SPEC §2, in its order. */
const SPEC_CODES = [
  'integreringstilskudd',
  'enslige-mindreaarige',
  'nedsatt-funksjonsevne',
  'norsk-samfunnskunnskap',
  'norsk-asylmottak',
  'jobbsjansen-a',
  'jobbsjansen-b',
  'jobbsjansen-c',
  'kommunale-utviklingsmidler',
  'etablerersentre',
  'frivillige-lokale',
  'nasjonale-ressursmiljoer',
  'frivillige-regionale',
  'mentor-trainee',
  'integreringsmottak',
  'gronland',
  'omradesatsing-oslo',
  'bosettingsordningen-ks',
];

const RATE_CODES: Record<string, readonly string[]> = {
  integreringstilskudd: INTEGRERINGSTILSKUDD_RATE_CODES,
  'enslige-mindreaarige': ENSLIGE_MINDREAARIGE_RATE_CODES,
  'norsk-samfunnskunnskap': NORSK_SAMFUNNSKUNNSKAP_RATE_CODES,
  'norsk-asylmottak': NORSK_ASYLMOTTAK_RATE_CODES,
  'frivillige-lokale': FRIVILLIGE_LOKALE_RATE_CODES,
};

const DATA = join(__dirname, '../../../../data');
const year2017 = JSON.parse(readFileSync(join(DATA, 'schemes/2017.json'), 'utf8')) as SchemeYearDocument;
const letter = JSON.parse(readFileSync(join(DATA, 'allocation-letters/2017.json'), 'utf8')) as {
  lines: Array<{ chapter: string; post: string; earmarks: Array<{ code: string }> }>;
};

describe('scheme catalogue', () => {
  it('has exactly the 18 schemes of SPEC §2, once each, in its order', () => {
    const codes = SCHEME_DEFINITIONS.map((definition) => definition.code);
    expect(codes).toEqual(SPEC_CODES);
    expect(new Set(codes).size).toBe(18);
  });

  it('has one NestJS module per scheme, named after it', () => {
    expect(SCHEME_MODULES.map((module) => module.name)).toContain('OmradesatsingOsloSchemeModule');
    expect(new Set(SCHEME_MODULES).size).toBe(18);
  });

  it('finds a definition by code', () => {
    expect(schemeDefinition('gronland')?.code).toBe('gronland');
    expect(schemeDefinition('grip-sjansen')).toBeUndefined();
  });
});

describe('data/schemes/2017.json', () => {
  const entries = year2017.schemes;
  const entry = (code: string) => entries.find((candidate) => candidate.code === code)!;

  it('holds one entry per scheme of the catalogue, in its order', () => {
    expect(year2017.budgetYear).toBe(2017);
    expect(entries.map((candidate) => candidate.code)).toEqual(SCHEME_DEFINITIONS.map((definition) => definition.code));
  });

  it.each(SPEC_CODES)('%s: the module fits the kind', (code) => {
    const definition = schemeDefinition(code)!;
    const { kind } = entry(code);
    expect(Boolean(definition.calculation)).toBe(kind === 'rettighet');
    if (kind === 'sokbar') {
      expect(definition.assessmentCriteria.length).toBeGreaterThan(0);
      expect(definition.assessmentCriteria.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(100);
    } else {
      expect(definition.assessmentCriteria).toEqual([]);
    }
  });

  it.each(SPEC_CODES)('%s: a window only where applications are taken, deadline after opening', (code) => {
    const { kind, window } = entry(code);
    if (kind === 'rettighet') {
      expect(window).toBeNull();
      return;
    }
    const localTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;
    expect(window!.opens).toMatch(localTime);
    expect(window!.deadline).toMatch(localTime);
    expect(Date.parse(`${window!.deadline}Z`)).toBeGreaterThan(Date.parse(`${window!.opens}Z`));
  });

  it('has KUM’s deadline of 31 January 2017', () => {
    expect(entry('kommunale-utviklingsmidler').window!.deadline).toBe('2017-01-31T23:59:59');
  });

  it.each(SPEC_CODES)('%s: earmarks are the allocation letter’s, on the scheme’s kap./post', (code) => {
    const { budgetPost, earmarkCodes } = entry(code);
    const [chapter, post] = budgetPost.split('.');
    const line = letter.lines.find((candidate) => candidate.chapter === chapter && candidate.post === post);
    expect(line).toBeDefined();
    const known = line!.earmarks.map((earmark) => earmark.code);
    for (const earmark of earmarkCodes) expect(known).toContain(earmark);
  });

  it.each(SPEC_CODES)('%s: rates exactly as the calculation uses them, all provisional with a source', (code) => {
    const rates = entry(code).rates ?? [];
    expect(rates.map((rate) => rate.code).sort()).toEqual([...(RATE_CODES[code] ?? [])].sort());
    for (const rate of rates) {
      expect(rate.provisional).toBe(true);
      expect(rate.source.length).toBeGreaterThan(10);
      expect(rate.amountNok).toMatch(/^\d+$/);
      expect(Money.parseNok(rate.amountNok).isPositive()).toBe(true);
    }
  });

  it.each(SPEC_CODES)('%s: an enkeltvedtak exactly where organisations may apply', (code) => {
    const { applicantTypes, appealRoute } = entry(code);
    expect(appealRoute).toBe(applicantTypes.includes('organisasjon') ? 'enkeltvedtak' : 'renewed-assessment');
  });

  it('names every scheme in bokmål and nynorsk, with a purpose in both', () => {
    for (const { name, purpose, legalBasis } of entries) {
      expect(name.nb && name.nn && purpose.nb && purpose.nn && legalBasis).toBeTruthy();
    }
  });
});
