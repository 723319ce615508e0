/**
 * The budget ledger is append-only; every figure of a post is a sum over these entries.
 * - commit: a grant (tilsagn) is decided; uncommit: it is paid out, reduced or cancelled.
 * - pay: money leaves; reclaim: money comes back (tilbakebetaling) and reduces net paid.
 * - pay-reversal: a pay that did not happen as booked: the bank rejected the payment, or debited it
 *   on another date (then a new pay follows on the bank's date).
 * - carry-in / carry-out: the unused remainder of a transferable post moves to the next year.
 */
export const LEDGER_ENTRY_KINDS = ['commit', 'uncommit', 'pay', 'pay-reversal', 'reclaim', 'carry-in', 'carry-out'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];
