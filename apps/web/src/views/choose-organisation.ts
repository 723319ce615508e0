import { api, ApiProblem } from '../api.js';
import { h } from '../dom.js';
import { navigate, type View, type ViewContext } from '../router.js';
import { homeOf, rememberSession, sessionState, type SessionState } from '../session.js';
import { errorText, notice } from '../ui.js';

/** After ID-porten: which organisation the person acts for (only those Altinn says they may), changeable later. */
export async function chooseOrganisationView(context: ViewContext): Promise<View> {
  const state = sessionState();
  if (!state.authenticated || state.kind !== 'applicant') return { title: 'Velg organisasjon', body: [notice('info', 'Bare søkere velger organisasjon.')] };
  if (state.representations.length === 0) {
    return {
      title: 'Du kan ikke representere noen organisasjon',
      body: [
        h('p', {}, `Du er logget inn som ${state.principal.name}, men ifølge Altinn har du ikke rettighet til å søke om tilskudd fra IMDi for noen organisasjon.`),
        h('p', {}, 'Be den som er daglig leder eller har rollen «Tilgangsstyrer» i organisasjonen om å gi deg tilgang til tjenesten i Altinn, og logg inn på nytt.'),
      ],
    };
  }
  const next = context.query.get('neste');
  const errorBox = h('div', { role: 'alert' });
  const choices = state.representations.map((party) =>
    h('div', { class: 'valg' },
      h('input', { type: 'radio', name: 'organisationNumber', id: `organisasjon-${party.organisationNumber}`, value: party.organisationNumber, checked: party.organisationNumber === (state.actingFor ?? state.representations[0].organisationNumber) }),
      h('label', { for: `organisasjon-${party.organisationNumber}` }, `${party.name} (${party.organisationNumber.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3')})`)),
  );
  const form = h('form', { novalidate: true },
    h('fieldset', { class: 'felt' }, h('legend', { class: 'etikett' }, 'Hvem handler du for?'), choices),
    errorBox,
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp' }, 'Velg organisasjon')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const chosen = form.querySelector<HTMLInputElement>('input[name="organisationNumber"]:checked')?.value;
      if (!chosen) return;
      try {
        const now = await api<SessionState>('/auth/organisation', { method: 'POST', json: { organisationNumber: chosen } });
        rememberSession(now);
        const name = state.representations.find((party) => party.organisationNumber === chosen)?.name ?? chosen;
        const target = next && next.startsWith('/') && !next.startsWith('//') && next !== '/' ? next : now.authenticated ? homeOf(now.principal) : '/';
        await navigate(target, `Du handler nå for ${name}.`);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        errorBox.replaceChildren(notice('feil', errorText(error)));
      }
    })();
  });
  return {
    title: 'Velg organisasjon',
    body: [h('p', { class: 'ingress' }, 'Du kan representere flere organisasjoner. Velg den du vil handle for nå; du kan bytte senere.'), form],
  };
}
