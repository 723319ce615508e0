/**
 * Where a payment stands with the bank: in a batch not yet handed to the bank, sent (the pain.001
 * has been exported), accepted by the bank (pain.002), and finally booked (debited, camt.054) or
 * rejected. Booked and rejected are final; a rejected instalment is paid by a new instalment.
 */
export const BANK_PAYMENT_STATUSES = ['in_batch', 'sent', 'accepted', 'booked', 'rejected'] as const;
export type BankPaymentStatus = (typeof BANK_PAYMENT_STATUSES)[number];

const NEXT: Record<BankPaymentStatus, readonly BankPaymentStatus[]> = {
  in_batch: ['sent'],
  sent: ['accepted', 'booked', 'rejected'],
  accepted: ['booked', 'rejected'],
  booked: [],
  rejected: [],
};

/** Whether the bank's answer moves a payment on, or contradicts what the bank said before. */
export function canMove(from: BankPaymentStatus, to: BankPaymentStatus): boolean {
  return NEXT[from].includes(to);
}

/** A payment's status from its own answer, else its batch's: accepted, sent or still only in the batch. */
export function bankPaymentStatus(
  own: 'accepted' | 'booked' | 'rejected' | null,
  batch: { readonly sentAt: Date | null; readonly bankAcceptedAt: Date | null },
): BankPaymentStatus {
  if (own) return own;
  if (batch.bankAcceptedAt) return 'accepted';
  return batch.sentAt ? 'sent' : 'in_batch';
}

export const BANK_PAYMENT_STATUS_NB: Record<BankPaymentStatus, string> = {
  in_batch: 'I betalingsbunt',
  sent: 'Sendt til banken',
  accepted: 'Godtatt av banken',
  booked: 'Belastet konto',
  rejected: 'Avvist av banken',
};
