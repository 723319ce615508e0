/** The text the payee's bank shows with a payment: the case, or for per-capita payments the period it pays. */
export function remittanceOf(payment: {
  readonly caseNumber: string | null;
  readonly schemeCode: string;
  readonly reference: string | null;
  readonly budgetPost: string;
}): string {
  return payment.caseNumber
    ? `Saksnr ${payment.caseNumber} kap/post ${payment.budgetPost}`
    : `${payment.schemeCode} ${payment.reference ?? ''} kap/post ${payment.budgetPost}`;
}
