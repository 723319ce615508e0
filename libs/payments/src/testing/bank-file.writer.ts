import { Money } from '@imdi/kernel';

/**
 * The bank's side, for tests, the bench and development: the pain.002 and camt.054 files a
 * Norwegian bank sends back for one of our pain.001 batches, valid against the official XSDs.
 */

export interface SentPayment {
  /** As in our pain.001: `IMDI<end_to_end_id>`. */
  readonly endToEndId: string;
  readonly paymentInformationId: string;
  readonly amount: Money;
  readonly executionDate: string;
}

export interface StatusReportInput {
  readonly messageId: string;
  readonly createdAt: string;
  readonly originalMessageId: string;
  readonly originalNumberOfTransactions: number;
  readonly originalControlSum: Money;
  /** ACCP (all accepted), PART (some rejected, named below) or RJCT (the whole file). */
  readonly groupStatus: 'ACCP' | 'ACTC' | 'PART' | 'RJCT';
  readonly groupReasonCode?: string;
  readonly rejected: ReadonlyArray<{ readonly payment: SentPayment; readonly reasonCode: string }>;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);

/** pain.002.001.03: the group status, and each rejected transaction under its payment information. */
export function writePain002(input: StatusReportInput): string {
  const byPaymentInformation = new Map<string, Array<{ payment: SentPayment; reasonCode: string }>>();
  for (const rejection of input.rejected) {
    const list = byPaymentInformation.get(rejection.payment.paymentInformationId) ?? [];
    list.push(rejection);
    byPaymentInformation.set(rejection.payment.paymentInformationId, list);
  }
  const reason = (code: string) => `<StsRsnInf><Rsn><Cd>${escape(code)}</Cd></Rsn></StsRsnInf>`;
  const payments = [...byPaymentInformation.entries()]
    .map(
      ([id, rejections]) =>
        `<OrgnlPmtInfAndSts><OrgnlPmtInfId>${escape(id)}</OrgnlPmtInfId>` +
        rejections
          .map(
            ({ payment, reasonCode }, index) =>
              `<TxInfAndSts><StsId>${index + 1}</StsId><OrgnlInstrId>${escape(payment.endToEndId)}</OrgnlInstrId><OrgnlEndToEndId>${escape(payment.endToEndId)}</OrgnlEndToEndId><TxSts>RJCT</TxSts>${reason(reasonCode)}` +
              `<OrgnlTxRef><Amt><InstdAmt Ccy="NOK">${payment.amount.toDecimalString()}</InstdAmt></Amt><ReqdExctnDt>${payment.executionDate}</ReqdExctnDt></OrgnlTxRef></TxInfAndSts>`,
          )
          .join('') +
        '</OrgnlPmtInfAndSts>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><CstmrPmtStsRpt>' +
    `<GrpHdr><MsgId>${escape(input.messageId)}</MsgId><CreDtTm>${input.createdAt}</CreDtTm><DbtrAgt><FinInstnId><BIC>DNBANOKK</BIC></FinInstnId></DbtrAgt></GrpHdr>` +
    `<OrgnlGrpInfAndSts><OrgnlMsgId>${escape(input.originalMessageId)}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId>` +
    `<OrgnlNbOfTxs>${input.originalNumberOfTransactions}</OrgnlNbOfTxs><OrgnlCtrlSum>${input.originalControlSum.toDecimalString()}</OrgnlCtrlSum>` +
    `<GrpSts>${input.groupStatus}</GrpSts>${input.groupReasonCode ? reason(input.groupReasonCode) : ''}</OrgnlGrpInfAndSts>` +
    payments +
    '</CstmrPmtStsRpt></Document>\n'
  );
}

export interface DebitNotificationInput {
  readonly messageId: string;
  readonly createdAt: string;
  readonly account: string;
  readonly batchMessageId: string;
  /** Each booked payment, with what the bank debited and when (the payment's own by default). */
  readonly entries:
    | AsyncIterable<SentPayment & { readonly bookedAmount?: Money; readonly bookingDate?: string }>
    | Iterable<SentPayment & { readonly bookedAmount?: Money; readonly bookingDate?: string }>;
}

/** camt.054.001.02: one booked debit entry per payment, streamed, referring to our ids. */
export async function* writeCamt054(input: DebitNotificationInput): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><BkToCstmrDbtCdtNtfctn>';
  yield `<GrpHdr><MsgId>${escape(input.messageId)}</MsgId><CreDtTm>${input.createdAt}</CreDtTm></GrpHdr>`;
  yield `<Ntfctn><Id>${escape(input.messageId)}</Id><CreDtTm>${input.createdAt}</CreDtTm><Acct><Id><Othr><Id>${input.account}</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id><Ccy>NOK</Ccy></Acct>`;
  let chunk = '';
  let pending = 0;
  for await (const entry of input.entries) {
    const amount = (entry.bookedAmount ?? entry.amount).toDecimalString();
    const date = entry.bookingDate ?? entry.executionDate;
    chunk +=
      `<Ntry><Amt Ccy="NOK">${amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${date}</Dt></BookgDt><ValDt><Dt>${date}</Dt></ValDt>` +
      '<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>' +
      `<NtryDtls><TxDtls><Refs><MsgId>${escape(input.batchMessageId)}</MsgId><PmtInfId>${escape(entry.paymentInformationId)}</PmtInfId><EndToEndId>${escape(entry.endToEndId)}</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>`;
    if (++pending === 1000) {
      yield chunk;
      chunk = '';
      pending = 0;
    }
  }
  if (chunk) yield chunk;
  yield '</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n';
}
