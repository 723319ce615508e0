import { Button, Checkbox, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { answer, api, ApiProblem, messageBesideField } from '../api/client';
import type { SchemeView } from '../api/views';
import { ProblemAlert } from '../page';
import { useText } from './text';

/** What an admin may change of a scheme version's texts and rules (the api's PATCH /admin/schemes/{code}/versions/{year}), as GET /schemes/{code} gives it. */
export type SchemeTerms = Pick<SchemeView, 'code' | 'budgetYear' | 'name' | 'purpose' | 'applicantTypes' | 'legalBasis' | 'notes' | 'frozen'>;

interface Values {
  readonly nameNb: string;
  readonly nameNn: string;
  readonly purposeNb: string;
  readonly purposeNn: string;
  readonly applicantTypes: readonly string[];
  readonly legalBasis: string;
  readonly notes: string;
}

const APPLICANT_TYPES: ReadonlyArray<readonly [string, string, string]> = [
  ['kommune', 'Kommune', 'Kommune'],
  ['fylkeskommune', 'Fylkeskommune', 'Fylkeskommune'],
  ['organisasjon', 'Organisasjon', 'Organisasjon'],
  ['ks', 'KS (kommunesektorens organisasjon)', 'KS (organisasjonen til kommunesektoren)'],
];

/** The api's field names, and the form field each problem is shown beside. */
const FIELD_OF: Record<string, keyof Values> = {
  'name.nb': 'nameNb',
  'name.nn': 'nameNn',
  name: 'nameNb',
  'purpose.nb': 'purposeNb',
  'purpose.nn': 'purposeNn',
  purpose: 'purposeNb',
  applicantTypes: 'applicantTypes',
  legalBasis: 'legalBasis',
  notes: 'notes',
};

function valuesOf(scheme: SchemeTerms): Values {
  return {
    nameNb: scheme.name.nb,
    nameNn: scheme.name.nn,
    purposeNb: scheme.purpose.nb,
    purposeNn: scheme.purpose.nn,
    applicantTypes: scheme.applicantTypes,
    legalBasis: scheme.legalBasis,
    notes: scheme.notes ?? '',
  };
}

/** An admin changes a scheme version's texts (bokmål and nynorsk) and who may apply; checks the changes before they are saved. */
export function SchemeTermsEditor({ scheme, onSaved }: { readonly scheme: SchemeTerms; readonly onSaved: (message: string) => void }) {
  const s = useText();
  const original = valuesOf(scheme);
  const [values, setValues] = useState<Values>(original);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const fieldErrors: Partial<Record<keyof Values, string>> = {};
  if (problem instanceof ApiProblem) {
    for (const error of problem.errors) {
      const field = FIELD_OF[error.field];
      if (field) fieldErrors[field] ??= messageBesideField(error);
    }
  }
  const set = (field: keyof Values, value: string | readonly string[]) => setValues({ ...values, [field]: value });
  const typeName = (code: string) => {
    const found = APPLICANT_TYPES.find(([type]) => type === code);
    return found ? s(found[1], found[2]) : code;
  };
  const types = (list: readonly string[]) => (list.length > 0 ? list.map(typeName).join(', ') : s('ingen', 'ingen'));
  const sameTypes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((type) => b.includes(type));

  const changes: Array<{ readonly label: string; readonly before: string; readonly after: string }> = [];
  const compare = (label: string, before: string, after: string) => before !== after && changes.push({ label, before, after });
  compare(s('Navn (bokmål)', 'Namn (bokmål)'), original.nameNb, values.nameNb);
  compare(s('Navn (nynorsk)', 'Namn (nynorsk)'), original.nameNn, values.nameNn);
  compare(s('Formål (bokmål)', 'Formål (bokmål)'), original.purposeNb, values.purposeNb);
  compare(s('Formål (nynorsk)', 'Formål (nynorsk)'), original.purposeNn, values.purposeNn);
  if (!sameTypes(original.applicantTypes, values.applicantTypes)) {
    changes.push({ label: s('Hvem kan søke', 'Kven kan søkje'), before: types(original.applicantTypes), after: types(values.applicantTypes) });
  }
  compare(s('Hjemmel', 'Heimel'), original.legalBasis, values.legalBasis);
  compare(s('Merknader', 'Merknader'), original.notes, values.notes);

  function check(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setProblem(undefined);
    setChecking(true);
  }

  async function save(): Promise<void> {
    setSaving(true);
    setProblem(undefined);
    const body = {
      ...(original.nameNb !== values.nameNb || original.nameNn !== values.nameNn ? { name: { nb: values.nameNb, nn: values.nameNn } } : {}),
      ...(original.purposeNb !== values.purposeNb || original.purposeNn !== values.purposeNn
        ? { purpose: { nb: values.purposeNb, nn: values.purposeNn } }
        : {}),
      ...(!sameTypes(original.applicantTypes, values.applicantTypes) ? { applicantTypes: [...values.applicantTypes] } : {}),
      ...(original.legalBasis !== values.legalBasis ? { legalBasis: values.legalBasis } : {}),
      ...(original.notes !== values.notes ? { notes: values.notes.trim() ? values.notes : null } : {}),
    };
    try {
      await answer(
        api.PATCH('/admin/schemes/{code}/versions/{year}', { params: { path: { code: scheme.code, year: scheme.budgetYear } }, body: body as never }),
      );
      setChecking(false);
      onSaved(s('Endringene i ordningen er lagret.', 'Endringane i ordninga er lagra.'));
    } catch (failure) {
      setProblem(failure);
      setChecking(false);
    } finally {
      setSaving(false);
    }
  }

  if (scheme.frozen) {
    return (
      <Paragraph>
        {s(
          'Denne versjonen er brukt i et vedtak og kan ikke endres. Lag neste års versjon i stedet.',
          'Denne versjonen er brukt i eit vedtak og kan ikkje endrast. Lag versjonen for neste år i staden.',
        )}
      </Paragraph>
    );
  }

  if (checking) {
    return (
      <section className="stack" aria-labelledby="kontroller-endringer">
        <Heading level={3} data-size="sm" id="kontroller-endringer">
          {s('Kontroller endringene', 'Kontroller endringane')}
        </Heading>
        {changes.length === 0 ? (
          <Paragraph>{s('Du har ikke endret noe.', 'Du har ikkje endra noko.')}</Paragraph>
        ) : (
          <dl className="summary">
            {changes.map((change) => (
              <div key={change.label}>
                <dt>{change.label}</dt>
                <dd>
                  {s('Fra', 'Frå')}: {change.before || '–'}
                  <br />
                  {s('Til', 'Til')}: {change.after || '–'}
                </dd>
              </div>
            ))}
          </dl>
        )}
        <div className="row">
          {changes.length > 0 ? (
            <Button onClick={() => void save()} disabled={saving}>
              {s('Lagre endringene', 'Lagre endringane')}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={() => setChecking(false)} disabled={saving}>
            {s('Tilbake og endre', 'Tilbake og endre')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <form onSubmit={check} className="stack" aria-labelledby="tekster-og-regler" noValidate>
      <Heading level={3} data-size="sm" id="tekster-og-regler">
        {s('Tekster og regler', 'Tekstar og reglar')}
      </Heading>
      {problem ? <ProblemAlert error={problem} /> : null}
      <Textfield
        label={s('Navn (bokmål)', 'Namn (bokmål)')}
        value={values.nameNb}
        onChange={(event) => set('nameNb', event.target.value)}
        error={fieldErrors.nameNb}
      />
      <Textfield
        label={s('Navn (nynorsk)', 'Namn (nynorsk)')}
        value={values.nameNn}
        onChange={(event) => set('nameNn', event.target.value)}
        error={fieldErrors.nameNn}
      />
      <Textfield
        label={s('Formål (bokmål)', 'Formål (bokmål)')}
        multiline
        rows={4}
        value={values.purposeNb}
        onChange={(event) => set('purposeNb', event.target.value)}
        error={fieldErrors.purposeNb}
      />
      <Textfield
        label={s('Formål (nynorsk)', 'Formål (nynorsk)')}
        multiline
        rows={4}
        value={values.purposeNn}
        onChange={(event) => set('purposeNn', event.target.value)}
        error={fieldErrors.purposeNn}
      />
      <Fieldset aria-invalid={fieldErrors.applicantTypes ? true : undefined}>
        <Fieldset.Legend>{s('Hvem kan søke', 'Kven kan søkje')}</Fieldset.Legend>
        <Fieldset.Description>
          {s(
            'Når søknadsvinduet har åpnet, kan kretsen bare utvides, ikke snevres inn.',
            'Når søknadsvindauget har opna, kan krinsen berre utvidast, ikkje snevrast inn.',
          )}
        </Fieldset.Description>
        {APPLICANT_TYPES.map(([type]) => (
          <Checkbox
            key={type}
            label={typeName(type)}
            value={type}
            checked={values.applicantTypes.includes(type)}
            onChange={(event) =>
              set('applicantTypes', event.target.checked ? [...values.applicantTypes, type] : values.applicantTypes.filter((chosen) => chosen !== type))
            }
          />
        ))}
        {fieldErrors.applicantTypes ? (
          <p className="ds-validation-message" data-color="danger">
            {fieldErrors.applicantTypes}
          </p>
        ) : null}
      </Fieldset>
      <Textfield
        label={s('Hjemmel (regelverket ordningen bygger på)', 'Heimel (regelverket ordninga byggjer på)')}
        value={values.legalBasis}
        onChange={(event) => set('legalBasis', event.target.value)}
        error={fieldErrors.legalBasis}
      />
      <Textfield
        label={s('Merknader (interne)', 'Merknader (interne)')}
        multiline
        rows={3}
        value={values.notes}
        onChange={(event) => set('notes', event.target.value)}
        error={fieldErrors.notes}
      />
      <div>
        <Button type="submit">{s('Kontroller endringene', 'Kontroller endringane')}</Button>
      </div>
    </form>
  );
}
