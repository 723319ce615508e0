import { api, ApiProblem } from '../api.js';
import { h } from '../dom.js';
import { inputIdOf, showErrors, showProblem, type ShownError } from '../form-errors.js';
import { ROLE_LABELS } from '../format.js';
import { navigate, type View, type ViewContext } from '../router.js';
import { homeOf, type Principal, type Role, startSession } from '../session.js';
import { notice } from '../ui.js';

type LoginOptions = { readonly mode: 'development' } | { readonly mode: 'oidc'; readonly issuer: string };

const ROLE_CHOICES: ReadonlyArray<readonly [Role, string]> = [
  ['applicant', 'Søker – kommune, fylkeskommune eller organisasjon'],
  ['caseworker', 'Saksbehandler i IMDi'],
  ['approver', 'Godkjenner i IMDi (delegert budsjettfullmakt)'],
  ['finance', 'Økonomi i IMDi'],
  ['ministry', 'Departementet'],
  ['admin', 'Systemeier i IMDi'],
];

const FORM = 'innlogging';
const id = (field: string): string => inputIdOf(FORM, field);

export async function loginView(context: ViewContext): Promise<View> {
  const options = await api<LoginOptions>('/auth/login-options');
  if (options.mode === 'oidc') {
    return {
      title: 'Logg inn',
      body: [
        h('p', { class: 'ingress' }, 'Innlogging skjer hos virksomhetens innloggingstjeneste (OpenID Connect).'),
        notice('info', `Utstederen er ${options.issuer}. Utviklingsinnloggingen, der man velger rolle selv, er slått av i dette miljøet.`),
      ],
    };
  }
  const next = context.query.get('neste');
  const organisationField = h(
    'div',
    { class: 'felt', id: `${id('organisationNumber')}-felt` },
    h('label', { for: id('organisationNumber') }, 'Organisasjonsnummer'),
    h('p', { class: 'hjelp', id: `${id('organisationNumber')}-hjelp` }, 'Organisasjonen du søker for, 9 siffer.'),
    h('input', { id: id('organisationNumber'), name: 'organisationNumber', type: 'text', inputmode: 'numeric', class: 'kort-felt', 'aria-describedby': `${id('organisationNumber')}-hjelp` }),
  );
  const roleGroup = h(
    'fieldset',
    { class: 'felt', id: id('role') },
    h('legend', { class: 'etikett' }, 'Rolle'),
    ROLE_CHOICES.map(([role, label], index) =>
      h('div', { class: 'valg' }, h('input', { type: 'radio', name: 'role', value: role, id: `${id('role')}-${role}`, checked: index === 0 }), h('label', { for: `${id('role')}-${role}` }, label)),
    ),
  );
  const form = h(
    'form',
    { id: FORM, novalidate: true },
    roleGroup,
    h(
      'div',
      { class: 'felt' },
      h('label', { for: id('userName') }, 'Brukernavn'),
      h('p', { class: 'hjelp', id: `${id('userName')}-hjelp` }, 'Små bokstaver, tall, punktum og bindestrek, for eksempel kari.nordmann. Det er dette navnet som skrives i saksloggen.'),
      h('input', { id: id('userName'), name: 'userName', type: 'text', autocomplete: 'username', spellcheck: 'false', 'aria-describedby': `${id('userName')}-hjelp` }),
    ),
    h('div', { class: 'felt' }, h('label', { for: id('displayName') }, 'Navn (valgfritt)'), h('input', { id: id('displayName'), name: 'displayName', type: 'text', autocomplete: 'name' })),
    organisationField,
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp' }, 'Logg inn')),
  );
  const selectedRole = (): Role => (form.querySelector<HTMLInputElement>('input[name="role"]:checked')?.value ?? 'applicant') as Role;
  const showOrganisation = (): void => {
    organisationField.hidden = selectedRole() !== 'applicant';
  };
  roleGroup.addEventListener('change', showOrganisation);
  showOrganisation();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const value = (name: string): string => form.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value.trim() ?? '';
      const role = selectedRole();
      const userName = value('userName').toLowerCase();
      const organisationNumber = value('organisationNumber').replace(/\s/g, '');
      const errors: ShownError[] = [];
      if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(userName)) errors.push({ inputId: id('userName'), message: userName ? '«Brukernavn» kan bare ha små bokstaver, tall, punktum, understrek og bindestrek, og må være minst 2 tegn.' : 'Du må fylle ut «Brukernavn».' });
      if (role === 'applicant' && !/^\d{9}$/.test(organisationNumber)) errors.push({ inputId: id('organisationNumber'), message: organisationNumber ? '«Organisasjonsnummer» må være 9 siffer.' : 'Du må fylle ut «Organisasjonsnummer».' });
      if (errors.length > 0) return showErrors(form, errors);
      try {
        const { token } = await api<{ token: string }>('/auth/dev-login', { method: 'POST', json: { role, userName, displayName: value('displayName') || undefined, organisationNumber: role === 'applicant' ? organisationNumber : undefined } });
        const principal = await api<Principal>('/me', { headers: { authorization: `Bearer ${token}` } });
        startSession(token, principal);
        await navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(principal), `Du er logget inn som ${principal.name} (${ROLE_LABELS[role]}).`);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        showProblem(form, error, (field) => (['role', 'userName', 'organisationNumber', 'displayName'].includes(field) ? { inputId: id(field), facts: { label: LABELS[field] ?? field } } : undefined));
      }
    })();
  });

  return {
    title: 'Logg inn',
    body: [
      h('p', { class: 'ingress' }, 'Utviklingsinnlogging: velg hvem du er. Du får et token fra den lokale utstederen som gjelder i 8 timer i denne fanen.'),
      notice('info', 'I produksjon skjer innloggingen hos virksomhetens innloggingstjeneste (OpenID Connect), og denne siden viser ikke dette skjemaet.'),
      form,
    ],
  };
}

const LABELS: Readonly<Record<string, string>> = { role: 'Rolle', userName: 'Brukernavn', organisationNumber: 'Organisasjonsnummer', displayName: 'Navn' };
