import type { ApiProblem, FieldProblem } from './api.js';
import { formatDateTime, statusLabel } from './format.js';

/** What a message about one field may know of it: its label and the limits its schema sets. */
export interface FieldFacts {
  readonly label: string;
  readonly kind?: 'text' | 'textarea' | 'integer' | 'amount' | 'date' | 'email' | 'choice' | 'boolean' | 'list' | 'file';
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

const quoted = (label: string): string => `«${label}»`;

export function missing(field: FieldFacts): string {
  if (field.kind === 'choice') return `Du må velge ${quoted(field.label)}.`;
  if (field.kind === 'list') return `${quoted(field.label)} må ha minst ${field.minItems ?? 1} linje.`;
  if (field.kind === 'file') return 'Du må velge en fil.';
  if (field.kind === 'boolean') return `Du må krysse av for ${quoted(field.label)}.`;
  return `Du må fylle ut ${quoted(field.label)}.`;
}

export function lengthMessage(field: FieldFacts): string {
  const { minLength, maxLength } = field;
  if (minLength !== undefined && maxLength !== undefined) return `${quoted(field.label)} må være mellom ${minLength} og ${maxLength} tegn.`;
  if (minLength !== undefined) return `${quoted(field.label)} må være minst ${minLength} tegn.`;
  return `${quoted(field.label)} kan være høyst ${maxLength ?? ''} tegn.`;
}

export function integerMessage(field: FieldFacts): string {
  return `${quoted(field.label)} må være et helt tall${rangeText(field)}.`;
}

function rangeText(field: FieldFacts): string {
  if (field.minimum !== undefined && field.maximum !== undefined) return ` mellom ${field.minimum} og ${field.maximum}`;
  if (field.minimum !== undefined) return ` som er minst ${field.minimum}`;
  if (field.maximum !== undefined) return ` som er høyst ${field.maximum}`;
  return '';
}

export const amountMessage = (field: FieldFacts): string => `${quoted(field.label)} må være et beløp i kroner, for eksempel 125 000 eller 125 000,50.`;
export const emailMessage = (field: FieldFacts): string => `${quoted(field.label)} må være en e-postadresse, for eksempel navn@kommune.no.`;
export const dateMessage = (field: FieldFacts): string => `${quoted(field.label)} må være en gyldig dato.`;

/*
 * The API names the rule a value broke. class-validator's rules and the kernel's value objects
 * explain themselves in English for developers, so those are said again here in bokmål from the
 * field's own limits; a scheme's eligibility rules are written in bokmål at the source and are
 * shown as they come.
 */
const RULES: Readonly<Record<string, (field: FieldFacts, problem: FieldProblem) => string>> = {
  isDefined: missing,
  isNotEmpty: missing,
  isString: lengthMessage,
  isLength: lengthMessage,
  minLength: lengthMessage,
  maxLength: lengthMessage,
  isInt: integerMessage,
  isNumber: integerMessage,
  min: integerMessage,
  max: integerMessage,
  matches: (field) => (field.kind === 'amount' ? amountMessage(field) : `${quoted(field.label)} har feil format.`),
  isEmail: emailMessage,
  isIso8601: dateMessage,
  isDateString: dateMessage,
  isIn: (field) => `Du må velge et av alternativene for ${quoted(field.label)}.`,
  isEnum: (field) => `Du må velge et av alternativene for ${quoted(field.label)}.`,
  isBoolean: (field) => `${quoted(field.label)} må krysses av eller stå tomt.`,
  arrayMinSize: (field) => `${quoted(field.label)} må ha minst ${field.minItems ?? 1} linje.`,
  arrayMaxSize: (field) => `${quoted(field.label)} kan ha høyst ${field.maxItems ?? ''} linjer.`,
  isArray: (field) => `${quoted(field.label)} må være en liste.`,
  isUuid: () => 'Henvisningen er ugyldig.',
  'unknown-field': (field) => `${quoted(field.label)} hører ikke til dette skjemaet.`,
  'nine-digits': (field) => `${quoted(field.label)} må være 9 siffer.`,
  'eleven-digits': (field) => `${quoted(field.label)} må være 11 siffer.`,
  'four-digits': (field) => `${quoted(field.label)} må være 4 siffer.`,
  'control-character': (field) => `${quoted(field.label)} inneholder et usynlig kontrolltegn. Skriv teksten inn på nytt i stedet for å lime den inn.`,
  'lone-surrogate': (field) => `${quoted(field.label)} inneholder et ødelagt tegn. Skriv teksten inn på nytt.`,
  'non-character': (field) => `${quoted(field.label)} inneholder et tegn som ikke er tekst. Fjern det og prøv igjen.`,
  'line-break': (field) => `${quoted(field.label)} må stå på én linje.`,
  isCalendarDate: dateMessage,
  isObject: (field) => `${quoted(field.label)} er ikke riktig utfylt.`,
  'mod11-check-digit': (field) => `${quoted(field.label)} har feil kontrollsiffer. Sjekk at du har skrevet det riktig.`,
  'county-not-zero': (field) => `${quoted(field.label)} er ikke et gyldig kommunenummer.`,
  'nok-format': amountMessage,
  'max-two-decimals': (field) => `${quoted(field.label)} kan ha høyst to desimaler (hele øre).`,
  'period-end-after-start': (field, problem) => problem.message || `${quoted(field.label)} må være etter at prosjektet starter.`,
  NOT_ELIGIBLE: (field) =>
    field.label === 'Kommunenummer' ? 'Kommuner og fylkeskommuner må oppgi kommunenummer eller fylkesnummer.' : `${quoted(field.label)} oppfyller ikke vilkårene for ordningen.`,
  ORGANISATION_EXISTS: () => 'Organisasjonen er allerede registrert.',
  ORGANISATION_NOT_FOUND: () => 'Organisasjonen er ikke registrert ennå. Registrer den først.',
  ATTACHMENT_TOO_LARGE: () => 'Filen er for stor. Et vedlegg kan være høyst 10 MB.',
  ATTACHMENT_TYPE_NOT_ALLOWED: () => 'Filtypen kan ikke brukes. Bruk PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, TXT eller CSV, og pass på at filnavnet har riktig endelse.',
  PROPOSAL_INVALID: (field) => `${quoted(field.label)} passer ikke med ordningen.`,
  ASSESSMENT_INVALID: () => 'Ordningen har ingen vurderingskriterier; søknaden skal ikke poengsettes.',
  // The API names the first part of the reporting duty that is missing.
  REPORT_INCOMPLETE: missing,
  BUDGET_POST_NOT_FOUND: (field) => `${quoted(field.label)} har ingen ramme i budsjettåret.`,
  BUDGET_YEAR_NOT_FOUND: (field) => (field.kind === 'date' ? `${quoted(field.label)} må ligge i budsjettåret.` : 'Det er ikke lagt inn budsjett for dette året.'),
};

/** The bokmål message for one field-level problem from the API. */
export function fieldMessage(problem: FieldProblem, field: FieldFacts): string {
  const translate = RULES[problem.rule];
  return translate ? translate(field, problem) : problem.message;
}

const CODES: Readonly<Record<string, (problem: ApiProblem) => string>> = {
  NETWORK: () => 'Fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
  UNAUTHENTICATED: () => 'Du er ikke logget inn, eller innloggingen er utløpt. Logg inn på nytt.',
  FORBIDDEN: () => 'Du har ikke tilgang til dette.',
  NOT_FOUND: () => 'Fant ikke det du ba om.',
  INTERNAL: () => 'Noe gikk galt hos oss. Prøv igjen om litt.',
  VALIDATION_FAILED: () => 'Noen av opplysningene er ikke riktige. Rett feltene som er merket.',
  INVALID_VALUE: () => 'Noen av opplysningene er ikke riktige. Rett feltene som er merket.',
  FORM_INVALID: () => 'Søknaden har feil. Rett feltene som er merket.',
  NOT_ELIGIBLE: (problem) => (problem.errors.length > 0 ? 'Søknaden oppfyller ikke vilkårene for ordningen. Se feltene som er merket.' : 'Organisasjonen kan ikke søke på denne ordningen.'),
  DEADLINE_PASSED: (problem) => `Søknadsfristen har gått ut${typeof problem.extensions.deadline === 'string' ? ` (${formatDateTime(problem.extensions.deadline)})` : ''}. Søknaden kan ikke sendes inn.`,
  APPLICATION_WINDOW_NOT_OPEN: () => 'Ordningen er ikke åpnet for søknader ennå.',
  NOT_A_DRAFT: () => 'Søknaden er allerede sendt inn og kan ikke endres.',
  ORGANISATION_EXISTS: () => 'Organisasjonen er allerede registrert.',
  ORGANISATION_NOT_FOUND: () => 'Organisasjonen er ikke registrert ennå. Registrer den først.',
  APPLICATION_NOT_FOUND: () => 'Fant ikke søknaden.',
  ATTACHMENT_NOT_FOUND: () => 'Fant ikke vedlegget.',
  ATTACHMENT_TOO_LARGE: () => 'Filen er for stor. Et vedlegg kan være høyst 10 MB.',
  ATTACHMENT_TYPE_NOT_ALLOWED: () => 'Filtypen kan ikke brukes.',
  IDEMPOTENCY_KEY_REQUIRED: () => 'Innsendingen manglet en teknisk nøkkel. Last siden på nytt og prøv igjen.',
  IDEMPOTENCY_KEY_REUSED: () => 'Innsendingen ble avvist fordi den tekniske nøkkelen var brukt før. Last siden på nytt og prøv igjen.',
  RECEIPT_NOT_AVAILABLE: () => 'Kvitteringen lages når søknaden er sendt inn.',
  NOT_ACTING_FOR_ORGANISATION: () => 'Du handler ikke på vegne av denne organisasjonen.',
  CONFLICT_OF_INTEREST: () => 'Du har meldt deg inhabil overfor denne søkeren og kan ikke behandle saken (forvaltningsloven § 6).',
  FOUR_EYES: () => 'Dette må godkjennes av en annen person enn den som forberedte det (fire øyne).',
  NO_DELEGATION: () => 'Du har ingen skriftlig delegert fullmakt for denne kapittelposten.',
  BEYOND_DELEGATION: () => 'Beløpet er større enn fullmakten din. En godkjenner med større fullmakt må godkjenne.',
  NO_PROPOSAL: () => 'Saken har ikke noe vedtak som kan brukes til dette ennå.',
  PROPOSAL_INVALID: () => 'Forslaget passer ikke med ordningen.',
  ASSESSMENT_INVALID: () => 'Ordningen har ingen vurderingskriterier; søknaden skal ikke poengsettes.',
  NOTHING_TO_NOTIFY: () => 'Ingen godkjente vedtak venter på forhåndsorientering av departementet.',
  NOTIFICATION_NOT_DELIVERED: () => 'Departementet må ha mottatt forhåndsorienteringen før tilskuddsbrevet kan lages (instruks 6.1).',
  LETTER_NOT_FOUND: () => 'Fant ikke saken eller brevet.',
  ACCEPTANCE_DEADLINE_PASSED: () => 'Fristen for å akseptere tilskuddet har gått ut.',
  APPEAL_TOO_LATE: () => 'Vedtaket er mer enn ett år gammelt, og klagen kan ikke behandles (forvaltningsloven § 31).',
  NO_OPEN_APPEAL: () => 'Saken har ingen åpen klage.',
  ALREADY_APPEALED: () => 'Vedtaket er allerede påklaget. Et vedtak kan påklages én gang.',
  BUDGET_YEAR_CLOSED: (problem) => problem.detail || 'Budsjettåret er avsluttet, og ordningen tar ikke imot nye søknader.',
  BUDGET_EXHAUSTED: () => 'Det er ikke nok midler igjen på posten eller øremerkingen til dette vedtaket.',
  BUDGET_LINE_NOT_FOUND: () => 'Det er ikke lagt inn budsjett for dette året.',
  ILLEGAL_TRANSITION: (problem) => `Dette kan ikke gjøres når saken har status «${statusLabel(String(problem.extensions.currentStatus ?? ''))}».`,
  TRANSITION_NOT_ALLOWED: (problem) => `Dette kan ikke gjøres når saken har status «${statusLabel(String(problem.extensions.currentStatus ?? ''))}».`,
  CASE_NOT_FOUND: () => 'Fant ikke saken.',
  BATCH_NOT_FOUND: () => 'Fant ikke betalingsbunten.',
  RUN_NOT_FOUND: () => 'Fant ikke utbetalingskjøringen.',
  BATCH_NOT_APPROVED: () => 'Bunten må godkjennes før filene kan lastes ned.',
  BATCH_ALREADY_APPROVED: () => 'Bunten er allerede godkjent.',
  RATES_NOT_CONFIRMED: () => 'Satsene er ikke bekreftet av en administrator ennå, så de kan ikke brukes til utbetaling.',
  SCHEME_NOT_FOUND: () => 'Fant ikke ordningen.',
  SCHEME_VERSION_NOT_FOUND: () => 'Ordningen har ingen data for dette året.',
  REPORT_NOT_FOUND: () => 'Fant ikke rapporten.',
  REPORT_ATTACHMENT_NOT_FOUND: () => 'Fant ikke vedlegget til rapporten.',
  REPORT_NOT_OPEN: () => 'Rapporten er allerede levert og kan ikke endres nå.',
  REPORT_NOT_SUBMITTED: () => 'Rapporten er ikke levert, eller den er allerede vurdert.',
  REPORT_INCOMPLETE: () => 'Rapporten mangler noe av det som skal rapporteres. Se feltene som er merket.',
  REPORT_NOT_READY: () => 'Rapporten er ikke ferdig ennå. Filene kan lastes ned når den er ferdig.',
  BUDGET_YEAR_NOT_FOUND: () => 'Det er ikke lagt inn budsjett for dette året, eller datoen ligger utenfor budsjettåret.',
  BUDGET_POST_NOT_FOUND: () => 'Kapittelposten har ingen ramme i budsjettåret.',
};

/** The bokmål sentence for a refusal as a whole; overrides say it in the words of the page it happened on. */
export function problemMessage(problem: ApiProblem, overrides: Readonly<Record<string, string>> = {}): string {
  const override = overrides[problem.code];
  if (override) return override;
  const translate = CODES[problem.code];
  if (translate) return translate(problem);
  if (problem.status === 404) return 'Fant ikke det du ba om.';
  if (problem.status >= 500) return 'Noe gikk galt hos oss. Prøv igjen om litt.';
  // The API says every refusal in bokmål; its detail is the best sentence for a code the page does not know.
  return problem.detail || `Forespørselen ble avvist (feilkode ${problem.code}).`;
}
