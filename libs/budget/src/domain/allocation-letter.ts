import { BudgetPost, collectInvalidValue, Money } from '@imdi/kernel';

/** An allocation letter's frames for one year, as imported (JSON, or CSV converted to this). */
export interface AllocationLetterDocument {
  readonly budgetYear: number;
  readonly source: string;
  /** The ministry that issued the letter: IMDi's ministry that year, appeal body and recipient of pre-notifications. */
  readonly ministry?: ResponsibleMinistry;
  readonly lines: readonly AllocationLineInput[];
  readonly declaredTotals?: readonly DeclaredTotalInput[];
}

export interface ResponsibleMinistry {
  /** "Justis- og beredskapsdepartementet" */
  readonly name: string;
  /** "JD" */
  readonly shortName: string;
  /** "Postboks 8005 Dep, 0030 Oslo" */
  readonly postalAddress: string;
  /** The ministry's postmottak, where pre-notifications go. */
  readonly email: string;
}

export interface AllocationLineInput {
  readonly chapter: string;
  readonly post: string;
  readonly name: string;
  /** Whole NOK as a string of digits; null when the letter leaves the amount to a later letter. */
  readonly amountNok: string | null;
  readonly pendingNote?: string;
  readonly transferable?: boolean;
  readonly estimate?: boolean;
  readonly earmarks?: readonly EarmarkInput[];
}

export interface EarmarkInput {
  readonly code: string;
  readonly name: string;
  readonly amountNok: string;
}

export interface DeclaredTotalInput {
  readonly chapter: string;
  /** null: the chapter's total over its posts. */
  readonly post: string | null;
  readonly amountNok: string;
  /**
   * The letter's own total is known not to add up and the frames are imported anyway: the reason
   * is stored and shown beside the total in every budget report.
   */
  readonly acknowledgedMismatch?: string;
}

export interface AllocationLine {
  readonly budgetPost: BudgetPost;
  readonly name: string;
  readonly frame: Money;
  readonly pendingNote?: string;
  readonly transferable: boolean;
  readonly estimate: boolean;
  readonly earmarks: ReadonlyArray<{ readonly code: string; readonly name: string; readonly amount: Money }>;
}

export interface TotalMismatch {
  readonly chapter: string;
  readonly post: string | null;
  readonly what: 'declared-total' | 'earmarks-exceed-post';
  readonly expected: string;
  readonly found: string;
  readonly difference: string;
  readonly acknowledged?: string;
}

export interface AllocationProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export type AllocationCheck =
  | {
      readonly ok: true;
      readonly budgetYear: number;
      readonly lines: readonly AllocationLine[];
      readonly declaredTotals: ReadonlyArray<{ chapter: string; post: string | null; amount: Money; acknowledgedMismatch?: string }>;
      readonly acknowledgedMismatches: readonly TotalMismatch[];
    }
  | { readonly ok: false; readonly problems: readonly AllocationProblem[]; readonly mismatches: readonly TotalMismatch[] };

const WHOLE_NOK = /^\d{1,15}$/;

/**
 * Checks a letter before anything is stored: every value well-formed, every declared total equal
 * to the sum of its lines, earmarks within their post. It reports all it finds, never the first only.
 */
export function checkAllocationLetter(document: AllocationLetterDocument): AllocationCheck {
  const problems: AllocationProblem[] = [];
  const mismatches: TotalMismatch[] = [];
  if (!Number.isInteger(document.budgetYear) || document.budgetYear < 2000 || document.budgetYear > 2100) {
    problems.push({ field: 'budgetYear', rule: 'year-2000-2100', message: '«budgetYear» må være et år mellom 2000 og 2100.' });
  }
  if (!Array.isArray(document.lines) || document.lines.length === 0) {
    problems.push({ field: 'lines', rule: 'at-least-one-line', message: '«lines» må ha minst én kapittelpost.' });
  }

  const byPost = new Map<string, { line: AllocationLine; inputs: number }>();
  (document.lines ?? []).forEach((input, index) => {
    const field = `lines.${index}`;
    const budgetPost = collectInvalidValue(problems, () => BudgetPost.of({ chapter: String(input.chapter), post: String(input.post) }, `${field}.post`));
    const frame = input.amountNok === null ? Money.zero() : wholeNok(problems, input.amountNok, `${field}.amountNok`);
    if (input.amountNok === null && !input.pendingNote) {
      problems.push({
        field: `${field}.pendingNote`,
        rule: 'pending-needs-note',
        message: `${field}: et beløp som står åpent, må ha en pendingNote som sier hvorfor.`,
      });
    }
    const earmarks = (input.earmarks ?? []).map((earmark, earmarkIndex) => ({
      code: earmark.code,
      name: earmark.name,
      amount: wholeNok(problems, earmark.amountNok, `${field}.earmarks.${earmarkIndex}.amountNok`) ?? Money.zero(),
    }));
    if (!budgetPost || !frame) return;
    const key = budgetPost.toString();
    const existing = byPost.get(key);
    const merged: AllocationLine = existing
      ? { ...existing.line, frame: existing.line.frame.plus(frame), earmarks: [...existing.line.earmarks, ...earmarks] }
      : {
          budgetPost,
          name: input.name,
          frame,
          pendingNote: input.pendingNote,
          transferable: input.transferable === true,
          estimate: input.estimate === true,
          earmarks,
        };
    byPost.set(key, { line: merged, inputs: (existing?.inputs ?? 0) + 1 });
  });

  for (const { line } of byPost.values()) {
    const codes = line.earmarks.map((earmark) => earmark.code);
    const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
    if (duplicate) {
      problems.push({
        field: `lines.${line.budgetPost}.earmarks`,
        rule: 'unique-earmark-code',
        message: `øremerkingen ${duplicate} står to ganger i ${line.budgetPost}.`,
      });
    }
    const earmarked = Money.sum(line.earmarks.map((earmark) => earmark.amount));
    if (earmarked.greaterThan(line.frame)) {
      mismatches.push(mismatch(line.budgetPost.chapter, line.budgetPost.post, 'earmarks-exceed-post', line.frame, earmarked));
    }
  }

  const declaredTotals = (document.declaredTotals ?? []).flatMap((total, index) => {
    const amount = wholeNok(problems, total.amountNok, `declaredTotals.${index}.amountNok`);
    if (!amount) return [];
    const lines = [...byPost.values()]
      .map((entry) => entry.line)
      .filter((line) => line.budgetPost.chapter === String(total.chapter) && (total.post === null || line.budgetPost.post === String(total.post)));
    const found = Money.sum(lines.map((line) => line.frame));
    if (!found.equals(amount)) {
      mismatches.push({ ...mismatch(String(total.chapter), total.post, 'declared-total', amount, found), acknowledged: total.acknowledgedMismatch });
    }
    return [{ chapter: String(total.chapter), post: total.post, amount, acknowledgedMismatch: total.acknowledgedMismatch }];
  });

  const unacknowledged = mismatches.filter((entry) => !entry.acknowledged);
  if (problems.length > 0 || unacknowledged.length > 0) return { ok: false, problems, mismatches: unacknowledged };
  return {
    ok: true,
    budgetYear: document.budgetYear,
    lines: [...byPost.values()].map((entry) => entry.line),
    declaredTotals,
    acknowledgedMismatches: mismatches,
  };
}

function mismatch(chapter: string, post: string | null, what: TotalMismatch['what'], expected: Money, found: Money): TotalMismatch {
  return {
    chapter,
    post,
    what,
    expected: expected.toDecimalString(),
    found: found.toDecimalString(),
    difference: found.minus(expected).toDecimalString(),
  };
}

function wholeNok(problems: AllocationProblem[], value: unknown, field: string): Money | undefined {
  if (typeof value !== 'string' || !WHOLE_NOK.test(value)) {
    problems.push({ field, rule: 'whole-nok-digits', message: `«${field}» må være hele kroner skrevet med sifre.` });
    return undefined;
  }
  return Money.ofKroner(value);
}
