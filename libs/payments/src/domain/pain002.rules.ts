import type { Pain002Report } from './pain002.reader';

// ISO 20022 (2009) TransactionGroupStatus3Code and TransactionIndividualStatus3Code.
const GROUP_STATUSES = new Set(['ACCP', 'ACSC', 'ACSP', 'ACTC', 'ACWC', 'PART', 'PDNG', 'RCVD', 'RJCT']);
const TRANSACTION_STATUSES = new Set(['ACCP', 'ACSC', 'ACSP', 'ACTC', 'ACWC', 'PDNG', 'RJCT']);
const MAX35 = (value: string) => value.length >= 1 && value.length <= 35;
const REASON = /^[A-Z0-9]{1,4}$/;

/**
 * What the pain.002.001.03 schema requires of the elements we read, checked in code for as long as
 * the official XSD is not vendored beside the others (xmllint then checks well-formedness only).
 * Each problem names the element, as xmllint would.
 */
export function pain002Problems(report: Pain002Report): string[] {
  const problems: string[] = [];
  if (!MAX35(report.messageId)) problems.push('GrpHdr/MsgId mangler eller er lengre enn 35 tegn');
  if (!MAX35(report.originalMessageId)) problems.push('OrgnlGrpInfAndSts/OrgnlMsgId mangler eller er lengre enn 35 tegn');
  if (!MAX35(report.originalMessageName)) problems.push('OrgnlGrpInfAndSts/OrgnlMsgNmId mangler eller er lengre enn 35 tegn');
  if (report.groupStatus !== null && !GROUP_STATUSES.has(report.groupStatus)) problems.push(`OrgnlGrpInfAndSts/GrpSts: ukjent status ${report.groupStatus}`);
  if (report.groupReasonCode !== null && !REASON.test(report.groupReasonCode)) problems.push(`OrgnlGrpInfAndSts/StsRsnInf/Rsn/Cd: ugyldig kode ${report.groupReasonCode}`);
  for (const information of report.paymentInformation) {
    if (!MAX35(information.originalPaymentInformationId)) problems.push('OrgnlPmtInfAndSts/OrgnlPmtInfId mangler eller er lengre enn 35 tegn');
    if (information.status !== null && !GROUP_STATUSES.has(information.status)) problems.push(`OrgnlPmtInfAndSts/PmtInfSts: ukjent status ${information.status}`);
    for (const transaction of information.transactions) {
      if (transaction.status !== null && !TRANSACTION_STATUSES.has(transaction.status)) problems.push(`TxInfAndSts/TxSts: ukjent status ${transaction.status}`);
      if (transaction.originalEndToEndId !== null && !MAX35(transaction.originalEndToEndId)) problems.push('TxInfAndSts/OrgnlEndToEndId er lengre enn 35 tegn');
      if (transaction.reasonCode !== null && !REASON.test(transaction.reasonCode) && transaction.reasonCode.length > 35) problems.push(`TxInfAndSts/StsRsnInf/Rsn: ugyldig kode ${transaction.reasonCode}`);
    }
  }
  return problems.slice(0, 5);
}
