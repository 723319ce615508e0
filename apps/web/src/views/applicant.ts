import { api, ApiProblem } from '../api.js';
import { schemeName, schemes } from '../catalogue.js';
import { facts, h, table } from '../dom.js';
import { inputIdOf, showErrors, showProblem, type ShownError } from '../form-errors.js';
import { APPLICANT_TYPE_LABELS, formatDateTime, formatNok, formatOrganisationNumber, schemeKindLabel } from '../format.js';
import { navigate, type View, type ViewContext } from '../router.js';
import { currentPrincipal } from '../session.js';
import type { ApplicationSummary, OrganisationView, SchemeView } from '../types.js';
import { notice, statusTag } from '../ui.js';

/** The open schemes: where an applicant starts. */
export async function openSchemesView(): Promise<View> {
  const open = await api<SchemeView[]>('/schemes?open=true');
  const year = (await schemes())[0]?.budgetYear;
  return {
    title: 'Åpne tilskuddsordninger',
    body: [
      h('p', { class: 'ingress' }, `Ordningene under tar imot søknader nå${year ? ` for budsjettåret ${year}` : ''}. Velg en ordning for å lese om den og starte en søknad.`),
      open.length === 0
        ? notice('info', 'Ingen ordninger tar imot søknader akkurat nå.')
        : h(
            'ul',
            { class: 'kort' },
            open.map((scheme) =>
              h(
                'li',
                {},
                h('h2', {}, scheme.name.nb),
                h('p', {}, scheme.purpose.nb),
                facts([
                  ['Søknadsfrist', scheme.window.deadline ? formatDateTime(scheme.window.deadlineAt) : 'Ingen frist'],
                  ['Hvem kan søke', scheme.applicantTypes.map((type) => APPLICANT_TYPE_LABELS[type] ?? type).join(', ')],
                  ['Kapittel og post', scheme.budgetPost],
                ]),
                h('p', {}, h('a', { href: `/ordninger/${scheme.code}` }, 'Les mer og søk', h('span', { class: 'skjult-visuelt' }, ` på ${scheme.name.nb}`))),
              ),
            ),
          ),
    ],
  };
}

/** One scheme, and the button that opens a draft application to it for one of the applicant's organisations. */
export async function schemeView(context: ViewContext): Promise<View> {
  const [code] = context.params;
  const [scheme, organisations] = await Promise.all([api<SchemeView>(`/schemes/${encodeURIComponent(code)}`), api<OrganisationView[]>('/organisations/mine')]);
  const eligible = organisations.filter((organisation) => scheme.applicantTypes.includes(organisation.kind));
  const form = h('form', { id: 'start-soknad', novalidate: true });
  const selectId = inputIdOf('start-soknad', 'organisationNumber');
  if (eligible.length > 0) {
    form.append(
      h(
        'div',
        { class: 'felt' },
        h('label', { for: selectId }, 'Organisasjonen som søker'),
        h('select', { id: selectId, name: 'organisationNumber' }, eligible.map((organisation) => h('option', { value: organisation.organisationNumber }, `${organisation.name} (${formatOrganisationNumber(organisation.organisationNumber)})`))),
      ),
      h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp' }, 'Start søknad')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void (async () => {
        const organisationNumber = form.querySelector<HTMLSelectElement>('select')!.value;
        try {
          const created = await api<{ id: string }>('/applications', { method: 'POST', json: { organisationNumber, schemeCode: scheme.code, budgetYear: scheme.budgetYear } });
          await navigate(`/soknader/${created.id}`, 'Et utkast til søknad er opprettet. Du kan lagre underveis og sende inn når alt er fylt ut.');
        } catch (error) {
          if (!(error instanceof ApiProblem)) throw error;
          showProblem(form, error, (field) => (field === 'organisationNumber' ? { inputId: selectId, facts: { label: 'Organisasjonen som søker' } } : undefined));
        }
      })();
    });
  }
  const registered = organisations.length > 0;
  return {
    title: scheme.name.nb,
    body: [
      h('p', { class: 'ingress' }, scheme.purpose.nb),
      facts([
        ['Søknadsfrist', scheme.window.deadlineAt ? formatDateTime(scheme.window.deadlineAt) : 'Ingen frist'],
        ['Hvem kan søke', scheme.applicantTypes.map((type) => APPLICANT_TYPE_LABELS[type] ?? type).join(', ')],
        ['Type ordning', schemeKindLabel(scheme.kind)],
        ['Kapittel og post', scheme.budgetPost],
        ['Regelverk', scheme.legalBasis],
      ]),
      h('h2', {}, 'Søk om tilskudd'),
      eligible.length > 0
        ? form
        : notice(
            'info',
            registered ? 'Ingen av organisasjonene du handler for kan søke på denne ordningen. ' : 'Organisasjonen du handler for er ikke registrert ennå. ',
            registered ? null : h('a', { href: '/organisasjon' }, 'Registrer organisasjonen'),
          ),
    ],
  };
}

const ORGANISATION_FIELDS: ReadonlyArray<{ readonly name: string; readonly label: string; readonly help?: string; readonly autocomplete?: string; readonly short?: boolean; readonly optional?: boolean }> = [
  { name: 'name', label: 'Navn', autocomplete: 'organization' },
  { name: 'municipalityNumber', label: 'Kommunenummer', help: 'Fire siffer. Påkrevd for kommuner og fylkeskommuner (fylkeskommuner oppgir fylkesnummer og 00).', short: true },
  { name: 'accountNumber', label: 'Kontonummer', help: 'Kontoen tilskuddet skal utbetales til, 11 siffer.', short: true },
  { name: 'contactName', label: 'Kontaktperson', autocomplete: 'name' },
  { name: 'contactEmail', label: 'E-postadresse til kontaktpersonen', autocomplete: 'email' },
  { name: 'contactPhone', label: 'Telefon til kontaktpersonen (valgfritt)', autocomplete: 'tel', optional: true },
  { name: 'postalAddress', label: 'Postadresse (valgfritt)', help: 'Gateadresse eller postboks som brev fra IMDi skal sendes til. Fyll ut postnummer og poststed også.', autocomplete: 'address-line1', optional: true },
  { name: 'postalCode', label: 'Postnummer (valgfritt)', help: 'Fire siffer.', autocomplete: 'postal-code', short: true, optional: true },
  { name: 'postalPlace', label: 'Poststed (valgfritt)', autocomplete: 'address-level2', optional: true },
];

/** An applicant registers the organisation their token says they act for, once. */
export async function organisationView(): Promise<View> {
  const principal = currentPrincipal()!;
  const registered = await api<OrganisationView[]>('/organisations/mine');
  const unregistered = principal.organisationNumbers.filter((number) => !registered.some((organisation) => organisation.organisationNumber === number));
  const prefix = 'organisasjon';
  const id = (name: string): string => inputIdOf(prefix, name);
  const list =
    registered.length > 0
      ? table('Registrerte organisasjoner', [
          { header: 'Organisasjon', cell: (organisation: OrganisationView) => organisation.name },
          { header: 'Organisasjonsnummer', cell: (organisation) => formatOrganisationNumber(organisation.organisationNumber) },
          { header: 'Type', cell: (organisation) => APPLICANT_TYPE_LABELS[organisation.kind] ?? organisation.kind },
          { header: 'Målform', cell: (organisation) => (organisation.writtenStandard === 'nn' ? 'Nynorsk' : 'Bokmål') },
        ], registered)
      : null;
  if (unregistered.length === 0) {
    return { title: 'Organisasjon', body: [list, h('p', {}, h('a', { href: '/ordninger' }, 'Finn en ordning å søke på'))] };
  }
  const form = h(
    'form',
    { id: prefix, novalidate: true },
    h('div', { class: 'felt' }, h('label', { for: id('organisationNumber') }, 'Organisasjonsnummer'), h('select', { id: id('organisationNumber'), name: 'organisationNumber' }, unregistered.map((number) => h('option', { value: number }, formatOrganisationNumber(number))))),
    h(
      'fieldset',
      { class: 'felt', id: id('kind') },
      h('legend', { class: 'etikett' }, 'Type søker'),
      ['kommune', 'fylkeskommune', 'organisasjon'].map((kind, index) =>
        h('div', { class: 'valg' }, h('input', { type: 'radio', name: 'kind', value: kind, id: `${id('kind')}-${kind}`, checked: index === 0 }), h('label', { for: `${id('kind')}-${kind}` }, APPLICANT_TYPE_LABELS[kind])),
      ),
    ),
    ORGANISATION_FIELDS.map((field) =>
      h(
        'div',
        { class: 'felt' },
        h('label', { for: id(field.name) }, field.label),
        field.help ? h('p', { class: 'hjelp', id: `${id(field.name)}-hjelp` }, field.help) : null,
        h('input', { id: id(field.name), name: field.name, type: field.name === 'contactEmail' ? 'email' : field.name === 'contactPhone' ? 'tel' : 'text', autocomplete: field.autocomplete, inputmode: field.short ? 'numeric' : undefined, class: field.short ? 'kort-felt' : undefined, 'aria-describedby': field.help ? `${id(field.name)}-hjelp` : undefined }),
      ),
    ),
    h(
      'fieldset',
      { class: 'felt', id: id('writtenStandard') },
      h('legend', { class: 'etikett' }, 'Målform for brev'),
      [['nb', 'Bokmål'], ['nn', 'Nynorsk']].map(([value, label], index) =>
        h('div', { class: 'valg' }, h('input', { type: 'radio', name: 'writtenStandard', value, id: `${id('writtenStandard')}-${value}`, checked: index === 0 }), h('label', { for: `${id('writtenStandard')}-${value}` }, label)),
      ),
    ),
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp' }, 'Registrer organisasjonen')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const data = new FormData(form);
      const text = (name: string): string => String(data.get(name) ?? '').trim();
      const body = {
        organisationNumber: text('organisationNumber'),
        kind: text('kind'),
        name: text('name'),
        municipalityNumber: text('municipalityNumber') || undefined,
        accountNumber: text('accountNumber').replace(/[\s.]/g, ''),
        writtenStandard: text('writtenStandard'),
        contactName: text('contactName'),
        contactEmail: text('contactEmail'),
        contactPhone: text('contactPhone') || undefined,
        postalAddress: text('postalAddress') || undefined,
        postalCode: text('postalCode') || undefined,
        postalPlace: text('postalPlace') || undefined,
      };
      const errors: ShownError[] = ORGANISATION_FIELDS.filter((field) => field.name !== 'municipalityNumber' && !field.optional && text(field.name) === '').map((field) => ({ inputId: id(field.name), message: `Du må fylle ut «${field.label}».` }));
      if (errors.length > 0) return showErrors(form, errors);
      try {
        await api('/organisations', { method: 'POST', json: body });
        await navigate('/ordninger', `${body.name} er registrert. Nå kan du søke på ordningene under.`);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        const labels: Record<string, string> = { organisationNumber: 'Organisasjonsnummer', kind: 'Type søker', writtenStandard: 'Målform for brev', ...Object.fromEntries(ORGANISATION_FIELDS.map((field) => [field.name, field.label])) };
        showProblem(form, error, (field) => (labels[field] ? { inputId: id(field), facts: { label: labels[field], minLength: field === 'name' || field === 'contactName' ? 2 : undefined, maxLength: field === 'name' || field === 'contactName' ? 200 : undefined } } : undefined));
      }
    })();
  });
  return {
    title: 'Registrer organisasjon',
    body: [h('p', { class: 'ingress' }, 'Før du kan søke, må organisasjonen du handler for registreres med kontonummer og kontaktperson. Det gjør du én gang.'), list, form],
  };
}

/** Every application and case of the organisations the applicant acts for. */
export async function myApplicationsView(): Promise<View> {
  const applications = await api<ApplicationSummary[]>('/applications');
  const names = new Map(await Promise.all(applications.map(async (application) => [application.schemeCode, await schemeName(application.schemeCode)] as const)));
  return {
    title: 'Mine søknader',
    body: [
      applications.length === 0
        ? notice('info', 'Du har ingen søknader ennå. ', h('a', { href: '/ordninger' }, 'Finn en ordning å søke på'))
        : table('Søknader og saker for organisasjonene du handler for', [
            { header: 'Ordning', cell: (application: ApplicationSummary) => h('a', { href: `/soknader/${application.id}` }, names.get(application.schemeCode) ?? application.schemeCode) },
            { header: 'Saksnummer', cell: (application) => application.caseNumber ?? 'Ikke sendt inn' },
            { header: 'Status', cell: (application) => statusTag(application.status) },
            { header: 'Omsøkt beløp', cell: (application) => formatNok(application.requestedNok), numeric: true },
            { header: 'Sendt inn', cell: (application) => formatDateTime(application.submittedAt) },
          ], applications),
    ],
  };
}
