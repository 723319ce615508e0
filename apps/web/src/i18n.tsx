import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** Bokmål and nynorsk: every text a person reads on these pages exists in both. */
export type Language = 'nb' | 'nn';

const nb = {
  'site.title': 'IMDi tilskudd',
  'site.skip': 'Hopp til hovedinnholdet',
  'site.footer': 'Integrerings- og mangfoldsdirektoratet (IMDi)',
  'site.loading': 'Laster …',
  'site.menu': 'Hovedmeny',
  'language.switch': 'Nynorsk',
  'language.switchLabel': 'Bytt til nynorsk',
  'nav.home': 'Mine søknader og saker',
  'nav.schemes': 'Tilskuddsordninger',
  'nav.organisation': 'Organisasjonen',
  'user.actingFor': 'for {organisation}',
  'user.switchOrganisation': 'Bytt organisasjon',
  'user.logOut': 'Logg ut',
  'login.title': 'Logg inn',
  'login.applicant.heading': 'Søker for en kommune, fylkeskommune eller organisasjon',
  'login.applicant.text':
    'Du logger inn med ID-porten (BankID, MinID eller Buypass). Etterpå velger du hvilken organisasjon du handler for; du må ha rettighet til det i Altinn.',
  'login.applicant.link': 'Logg inn med ID-porten',
  'login.staff.heading': 'Ansatt i IMDi eller departementet',
  'login.staff.text': 'Du logger inn med virksomhetens innlogging. Rollen din følger av gruppene du er med i.',
  'login.staff.link': 'Logg inn som ansatt',
  'login.none': 'Innlogging er ikke satt opp i dette miljøet.',
  'loggedOut.title': 'Du er logget ut',
  'loggedOut.text': 'Du er logget ut av tilskuddsforvaltningen og av innloggingstjenesten.',
  'loggedOut.again': 'Logg inn igjen',
  'choose.title': 'Velg organisasjon',
  'choose.intro': 'Du kan representere flere organisasjoner. Velg den du vil handle for nå; du kan bytte senere.',
  'choose.legend': 'Hvem handler du for?',
  'choose.submit': 'Velg organisasjon',
  'choose.done': 'Du handler nå for {organisation}.',
  'choose.none.title': 'Du kan ikke representere noen organisasjon',
  'choose.none.text':
    'Ifølge Altinn har du ikke rettighet til å søke om tilskudd fra IMDi for noen organisasjon. Be daglig leder eller den som har rollen «Tilgangsstyrer» om å gi deg tilgang, og logg inn på nytt.',
  'notFound.title': 'Fant ikke siden',
  'notFound.text': 'Adressen kan være feilskrevet, eller siden kan være flyttet.',
  'notFound.home': 'Gå til forsiden',
  'forbidden.title': 'Du har ikke tilgang til denne siden',
  'forbidden.text': 'Siden hører til en annen rolle enn din.',
  'error.title': 'Noe gikk galt',
  'error.network': 'Vi fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
  'error.retry': 'Prøv igjen',
  'staff.title': 'Startside for ansatte',
  'staff.text': 'Sidene for saksbehandling, økonomi og departementet bygges om.',
};

type Key = keyof typeof nb;

const nn: Record<Key, string> = {
  'site.title': 'IMDi tilskot',
  'site.skip': 'Hopp til hovudinnhaldet',
  'site.footer': 'Integrerings- og mangfaldsdirektoratet (IMDi)',
  'site.loading': 'Lastar …',
  'site.menu': 'Hovudmeny',
  'language.switch': 'Bokmål',
  'language.switchLabel': 'Byt til bokmål',
  'nav.home': 'Mine søknader og saker',
  'nav.schemes': 'Tilskotsordningar',
  'nav.organisation': 'Organisasjonen',
  'user.actingFor': 'for {organisation}',
  'user.switchOrganisation': 'Byt organisasjon',
  'user.logOut': 'Logg ut',
  'login.title': 'Logg inn',
  'login.applicant.heading': 'Søkjar for ein kommune, fylkeskommune eller organisasjon',
  'login.applicant.text':
    'Du loggar inn med ID-porten (BankID, MinID eller Buypass). Etterpå vel du kva organisasjon du handlar for; du må ha rett til det i Altinn.',
  'login.applicant.link': 'Logg inn med ID-porten',
  'login.staff.heading': 'Tilsett i IMDi eller departementet',
  'login.staff.text': 'Du loggar inn med innlogginga til verksemda. Rolla di følgjer av gruppene du er med i.',
  'login.staff.link': 'Logg inn som tilsett',
  'login.none': 'Innlogging er ikkje sett opp i dette miljøet.',
  'loggedOut.title': 'Du er logga ut',
  'loggedOut.text': 'Du er logga ut av tilskotsforvaltninga og av innloggingstenesta.',
  'loggedOut.again': 'Logg inn igjen',
  'choose.title': 'Vel organisasjon',
  'choose.intro': 'Du kan representere fleire organisasjonar. Vel den du vil handle for no; du kan byte seinare.',
  'choose.legend': 'Kven handlar du for?',
  'choose.submit': 'Vel organisasjon',
  'choose.done': 'Du handlar no for {organisation}.',
  'choose.none.title': 'Du kan ikkje representere nokon organisasjon',
  'choose.none.text':
    'Ifølgje Altinn har du ikkje rett til å søkje om tilskot frå IMDi for nokon organisasjon. Be dagleg leiar eller den som har rolla «Tilgangsstyrar» om å gi deg tilgang, og logg inn på nytt.',
  'notFound.title': 'Fann ikkje sida',
  'notFound.text': 'Adressa kan vere feilskriven, eller sida kan vere flytta.',
  'notFound.home': 'Gå til framsida',
  'forbidden.title': 'Du har ikkje tilgang til denne sida',
  'forbidden.text': 'Sida høyrer til ei anna rolle enn di.',
  'error.title': 'Noko gjekk gale',
  'error.network': 'Vi fekk ikkje kontakt med tenesta. Sjekk nettsambandet og prøv igjen.',
  'error.retry': 'Prøv igjen',
  'staff.title': 'Startside for tilsette',
  'staff.text': 'Sidene for sakshandsaming, økonomi og departementet blir bygde om.',
};

const dictionaries: Record<Language, Record<string, string>> = { nb, nn };

/** Other modules add their own texts (each page's, in both languages) under their own keys. */
export function addMessages(extra: { readonly nb: Record<string, string>; readonly nn: Record<string, string> }): void {
  Object.assign(dictionaries.nb, extra.nb);
  Object.assign(dictionaries.nn, extra.nn);
}

export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

interface LanguageContext {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  readonly t: Translate;
}

const STORAGE_KEY = 'imdi-maalform';

function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'nn' ? 'nn' : 'nb';
  } catch {
    return 'nb';
  }
}

export function translate(language: Language, key: string, values?: Readonly<Record<string, string | number>>): string {
  const text = dictionaries[language][key] ?? dictionaries.nb[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;
}

const Context = createContext<LanguageContext>({ language: 'nb', setLanguage: () => undefined, t: (key, values) => translate('nb', key, values) });

/** The person's choice of bokmål or nynorsk, remembered in this browser; the page's lang attribute follows it. */
export function LanguageProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // A browser that stores nothing still switches for this visit.
    }
    setLanguageState(next);
  }, []);
  const value = useMemo<LanguageContext>(() => ({ language, setLanguage, t: (key, values) => translate(language, key, values) }), [language, setLanguage]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLanguage(): LanguageContext {
  return useContext(Context);
}
