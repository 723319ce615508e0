import { h } from '../dom.js';
import type { View, ViewContext } from '../router.js';
import { sessionState } from '../session.js';
import { notice } from '../ui.js';

/** A path on this site to come back to; anything else is dropped (the api checks it again). */
function nextOf(context: ViewContext): string | undefined {
  const next = context.query.get('neste');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

/** Login happens at the providers: the agency's for staff, ID-porten for people applying for an organisation. */
export async function loginView(context: ViewContext): Promise<View> {
  const state = sessionState();
  const next = nextOf(context);
  const query = next ? `?neste=${encodeURIComponent(next)}` : '';
  const providers = state.authenticated ? { staff: true, applicant: true } : state.providers;
  const choices = [
    providers.applicant
      ? h('section', { class: 'felt', 'aria-labelledby': 'innlogging-soker' },
          h('h2', { id: 'innlogging-soker' }, 'Søker for en kommune, fylkeskommune eller organisasjon'),
          h('p', {}, 'Du logger inn med ID-porten (BankID, MinID eller Buypass). Etterpå velger du hvilken organisasjon du handler for; du må ha rettighet til det i Altinn.'),
          h('p', {}, h('a', { class: 'knapp', href: `/auth/login/applicant${query}` }, 'Logg inn med ID-porten')))
      : null,
    providers.staff
      ? h('section', { class: 'felt', 'aria-labelledby': 'innlogging-ansatt' },
          h('h2', { id: 'innlogging-ansatt' }, 'Ansatt i IMDi eller departementet'),
          h('p', {}, 'Du logger inn med virksomhetens innlogging. Rollen din følger av gruppene du er med i.'),
          h('p', {}, h('a', { class: 'knapp', href: `/auth/login/staff${query}` }, 'Logg inn som ansatt')))
      : null,
  ];
  return {
    title: 'Logg inn',
    body: providers.applicant || providers.staff ? choices : [notice('feil', 'Innlogging er ikke satt opp i dette miljøet.')],
  };
}

export async function loggedOutView(): Promise<View> {
  return { title: 'Du er logget ut', body: [h('p', {}, 'Du er logget ut av tilskuddsforvaltningen og av innloggingstjenesten.'), h('p', {}, h('a', { href: '/logg-inn' }, 'Logg inn igjen'))] };
}
