import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './problem-details';
import { unsafeTextProblems } from './text-input.rule';
import { cacheValidationMetadata } from './validation-metadata-cache';

/** Thrown by the validation pipe: the body broke one or more class-validator rules. */
export class InputValidationException extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
  }
}

/*
 * class-validator and our DTOs state a rule in English ("x must be longer than or equal to 9
 * characters"); a person reads it in bokmål. The rule name stays in errors[].rule for programs.
 */
const NORWEGIAN: ReadonlyArray<readonly [RegExp, (field: string, ...facts: string[]) => string]> = [
  [/must be longer than or equal to (\d+) characters?$/, (f, n) => `«${f}» må være minst ${n} tegn.`],
  [/must be shorter than or equal to (\d+) characters?$/, (f, n) => `«${f}» kan være høyst ${n} tegn.`],
  [/must be a string$/, (f) => `«${f}» må være tekst.`],
  [/must be an integer number$/, (f) => `«${f}» må være et helt tall.`],
  [/must be a number conforming to the specified constraints$/, (f) => `«${f}» må være et tall.`],
  [/must not be less than (-?[\d.]+)$/, (f, n) => `«${f}» kan ikke være mindre enn ${n}.`],
  [/must not be greater than (-?[\d.]+)$/, (f, n) => `«${f}» kan ikke være større enn ${n}.`],
  [/must be a boolean value$/, (f) => `«${f}» må være true eller false.`],
  [/must be an object$/, (f) => `«${f}» må være et objekt ({ … }), ikke en liste eller en enkeltverdi.`],
  [/must be either object or array$/, (f) => `«${f}» må være et objekt eller en liste.`],
  [/must be an array$/, (f) => `«${f}» må være en liste.`],
  [/must contain at least (\d+) elements?$/, (f, n) => `«${f}» må ha minst ${n} ${n === '1' ? 'linje' : 'linjer'}.`],
  [/must contain (?:no more|not more) than (\d+) elements?$/, (f, n) => `«${f}» kan ha høyst ${n} linjer.`],
  [/must be one of the following values: (.*)$/, (f, values) => `«${f}» må være en av: ${values}.`],
  [/must be one of:? (.*)$/, (f, values) => `«${f}» må være en av: ${values}.`],
  [/must be an email$/, (f) => `«${f}» må være en e-postadresse, for eksempel navn@kommune.no.`],
  [/must be a UUID$|\(uuid\)$/, (f) => `«${f}» må være en id (UUID).`],
  [/should not be empty$/, (f) => `«${f}» må fylles ut.`],
  [/must be a valid ISO 8601 date string$|must be a date/, (f) => `«${f}» må være en dato som finnes, skrevet ÅÅÅÅ-MM-DD.`],
  [/must be Oslo local time/, (f) => `«${f}» må være norsk tid skrevet ÅÅÅÅ-MM-DDTtt:mm:ss.`],
  [/organisation number/, (f) => `«${f}» må være et organisasjonsnummer på 9 siffer.`],
  [/kommunenummer/, (f) => `«${f}» må være et kommunenummer på 4 siffer.`],
  [/amount in kroner/, (f) => `«${f}» må være et beløp i kroner, for eksempel "250000" eller "250000.50".`],
  [/whole kroner/, (f) => `«${f}» må være hele kroner skrevet med sifre, for eksempel "160670000".`],
  [/kap\.post/, (f) => `«${f}» må være kapittel og post, for eksempel 496.62.`],
  [/chapter of 3–4 digits/, (f) => `«${f}» må være et kapittel på 3 eller 4 sifre.`],
  [/post of 2 digits/, (f) => `«${f}» må være en post på 2 sifre.`],
  [/scheme code|per-capita scheme/, (f) => `«${f}» må være koden til en ordning, for eksempel jobbsjansen-a.`],
  [/earmark code|rate code|kebab-case code/, (f) => `«${f}» må være en kode med små bokstaver, sifre og bindestrek.`],
  [/period such as/, (f) => `«${f}» må være en periode som 2017-Q2 (kvartal) eller 2017 (år).`],
  [/file name/, (f) => `«${f}» må være et filnavn uten mapper.`],
  [/lower-case letters/, (f) => `«${f}» må være 2–63 små bokstaver, sifre, «.», «_» eller «-».`],
  [/must match .* regular expression$/, (f) => `«${f}» har feil format.`],
];

function inNorwegian(field: string, message: string): string {
  if (/[æøå«]/.test(message)) return message;
  for (const [pattern, say] of NORWEGIAN) {
    const match = pattern.exec(message);
    if (match) return say(field, ...match.slice(1));
  }
  return `«${field}» er ikke gyldig.`;
}

export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown-field' : rule,
      message:
        rule === 'whitelistValidation'
          ? `«${field}» hører ikke til denne forespørselen. Fjern feltet.`
          : inNorwegian(field, message.replace(/\$property/g, error.property)),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * class-validator's rules, and before them one rule for every string of every route: no control
 * characters, lone surrogates or non-characters; line breaks only in a body's multi-line texts
 * (never in a path or query).
 */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const inBody = metadata.type === 'body';
    const raw = unsafeTextProblems(value, metadata.data ?? '', inBody);
    if (raw.length > 0) throw new InputValidationException(raw);
    const transformed: unknown = await super.transform(value, metadata);
    if (inBody) {
      const lines = unsafeTextProblems(transformed, metadata.data ?? '', true);
      if (lines.length > 0) throw new InputValidationException(lines);
    }
    return transformed;
  }
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InputValidationException(flattenValidationErrors(errors)),
  });
}
