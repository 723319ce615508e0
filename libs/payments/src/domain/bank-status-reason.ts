/**
 * ISO 20022 external status reason codes (ExternalStatusReason1Code) that Norwegian banks send in
 * pain.002 for credit transfers, with the reason in plain Norwegian for finance and the case page.
 * `accountProblem`: the recipient's account is wrong, closed or blocked, so paying the same account
 * again cannot help; the instalment waits until the recipient's account has been corrected.
 */
export interface BankStatusReason {
  readonly code: string;
  readonly text: string;
  readonly accountProblem: boolean;
}

const REASONS: ReadonlyArray<BankStatusReason> = [
  { code: 'AC01', text: 'Ugyldig kontonummer', accountProblem: true },
  { code: 'AC03', text: 'Ugyldig kontonummer hos mottaker', accountProblem: true },
  { code: 'AC04', text: 'Kontoen er stengt', accountProblem: true },
  { code: 'AC06', text: 'Kontoen er sperret', accountProblem: true },
  { code: 'AG01', text: 'Betalingen er ikke tillatt på denne kontoen', accountProblem: true },
  { code: 'AM04', text: 'Ikke dekning på konto', accountProblem: false },
  { code: 'AM05', text: 'Dobbel betaling', accountProblem: false },
  { code: 'BE05', text: 'Ukjent oppdragsgiver', accountProblem: false },
  { code: 'DT01', text: 'Ugyldig dato', accountProblem: false },
  { code: 'FF01', text: 'Ugyldig filformat', accountProblem: false },
  { code: 'MS02', text: 'Avvist av mottaker uten oppgitt grunn', accountProblem: false },
  { code: 'MS03', text: 'Ukjent årsak', accountProblem: false },
  { code: 'NARR', text: 'Se bankens forklaring', accountProblem: false },
  { code: 'RC01', text: 'Ugyldig BIC', accountProblem: false },
  { code: 'RR04', text: 'Avvist av regulatoriske grunner', accountProblem: false },
];

const BY_CODE = new Map(REASONS.map((reason) => [reason.code, reason]));

/** The reason for a code; a code we do not know is shown as it is, and paid again like MS03. */
export function bankStatusReason(code: string): BankStatusReason {
  return BY_CODE.get(code) ?? { code, text: `Ukjent årsakskode ${code}`, accountProblem: false };
}

export const BANK_STATUS_REASONS = REASONS;
