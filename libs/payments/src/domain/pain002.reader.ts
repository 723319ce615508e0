import { xmlPathReader } from './xml-path.reader';

export interface Pain002Transaction {
  originalEndToEndId: string | null;
  status: string | null;
  reasonCode: string | null;
}

export interface Pain002PaymentInformation {
  originalPaymentInformationId: string;
  status: string | null;
  reasonCode: string | null;
  transactions: Pain002Transaction[];
}

/** A customer payment status report (pain.002.001.03): the bank's answer to one pain.001. */
export interface Pain002Report {
  messageId: string;
  originalMessageId: string;
  originalMessageName: string;
  groupStatus: string | null;
  groupReasonCode: string | null;
  paymentInformation: Pain002PaymentInformation[];
}

const ROOT = 'Document/CstmrPmtStsRpt';
const GROUP = `${ROOT}/OrgnlGrpInfAndSts`;
const PMT = `${ROOT}/OrgnlPmtInfAndSts`;
const TX = `${PMT}/TxInfAndSts`;
const TEXTS = new Set([
  `${ROOT}/GrpHdr/MsgId`,
  `${GROUP}/OrgnlMsgId`,
  `${GROUP}/OrgnlMsgNmId`,
  `${GROUP}/GrpSts`,
  `${GROUP}/StsRsnInf/Rsn/Cd`,
  `${GROUP}/StsRsnInf/Rsn/Prtry`,
  `${PMT}/OrgnlPmtInfId`,
  `${PMT}/PmtInfSts`,
  `${PMT}/StsRsnInf/Rsn/Cd`,
  `${PMT}/StsRsnInf/Rsn/Prtry`,
  `${TX}/OrgnlEndToEndId`,
  `${TX}/TxSts`,
  `${TX}/StsRsnInf/Rsn/Cd`,
  `${TX}/StsRsnInf/Rsn/Prtry`,
]);
const BOUNDS = new Set([PMT, TX]);

/** Reads a pain.002.001.03 as it streams in. The first reason given at a level is the one kept. */
export async function readPain002(chunks: AsyncIterable<string>): Promise<Pain002Report> {
  const report: Pain002Report = {
    messageId: '',
    originalMessageId: '',
    originalMessageName: '',
    groupStatus: null,
    groupReasonCode: null,
    paymentInformation: [],
  };
  const currentPayment = () => report.paymentInformation[report.paymentInformation.length - 1];
  const currentTransaction = () => currentPayment().transactions[currentPayment().transactions.length - 1];
  const reader = xmlPathReader({
    texts: TEXTS,
    bounds: BOUNDS,
    onOpen: (path) => {
      if (path === PMT) report.paymentInformation.push({ originalPaymentInformationId: '', status: null, reasonCode: null, transactions: [] });
      else currentPayment().transactions.push({ originalEndToEndId: null, status: null, reasonCode: null });
    },
    onClose: (path, text) => {
      const value = text ?? '';
      switch (path) {
        case `${ROOT}/GrpHdr/MsgId`:
          report.messageId = value;
          return;
        case `${GROUP}/OrgnlMsgId`:
          report.originalMessageId = value;
          return;
        case `${GROUP}/OrgnlMsgNmId`:
          report.originalMessageName = value;
          return;
        case `${GROUP}/GrpSts`:
          report.groupStatus = value;
          return;
        case `${GROUP}/StsRsnInf/Rsn/Cd`:
        case `${GROUP}/StsRsnInf/Rsn/Prtry`:
          report.groupReasonCode ??= value;
          return;
        case `${PMT}/OrgnlPmtInfId`:
          currentPayment().originalPaymentInformationId = value;
          return;
        case `${PMT}/PmtInfSts`:
          currentPayment().status = value;
          return;
        case `${PMT}/StsRsnInf/Rsn/Cd`:
        case `${PMT}/StsRsnInf/Rsn/Prtry`:
          currentPayment().reasonCode ??= value;
          return;
        case `${TX}/OrgnlEndToEndId`:
          currentTransaction().originalEndToEndId = value;
          return;
        case `${TX}/TxSts`:
          currentTransaction().status = value;
          return;
        case `${TX}/StsRsnInf/Rsn/Cd`:
        case `${TX}/StsRsnInf/Rsn/Prtry`:
          currentTransaction().reasonCode ??= value;
          return;
      }
    },
  });
  for await (const chunk of chunks) reader.write(chunk);
  reader.close();
  return report;
}
