import { xmlPathReader } from './xml-path.reader';

/** One debited (or credited) transaction of a camt.054 entry, with the references of our pain.001. */
export interface Camt054Transaction {
  readonly messageId: string | null;
  readonly paymentInformationId: string | null;
  readonly endToEndId: string | null;
  /** Decimal kroner as written; the entry's amount when the entry has this one transaction only. */
  readonly amount: string;
  readonly currency: string;
  readonly creditDebit: 'DBIT' | 'CRDT';
  readonly status: 'BOOK' | 'PDNG' | 'INFO';
  readonly bookingDate: string | null;
}

export interface Camt054Header {
  readonly messageId: string;
}

const ROOT = 'Document/BkToCstmrDbtCdtNtfctn';
const ENTRY = `${ROOT}/Ntfctn/Ntry`;
const TX = `${ENTRY}/NtryDtls/TxDtls`;
const TEXTS = new Set([
  `${ROOT}/GrpHdr/MsgId`,
  `${ENTRY}/Amt`,
  `${ENTRY}/CdtDbtInd`,
  `${ENTRY}/Sts`,
  `${ENTRY}/BookgDt/Dt`,
  `${ENTRY}/BookgDt/DtTm`,
  `${TX}/Refs/MsgId`,
  `${TX}/Refs/PmtInfId`,
  `${TX}/Refs/EndToEndId`,
  `${TX}/AmtDtls/TxAmt/Amt`,
  `${TX}/AmtDtls/InstdAmt/Amt`,
]);
const BOUNDS = new Set([ENTRY, TX, `${ENTRY}/Amt`, `${TX}/AmtDtls/TxAmt/Amt`, `${TX}/AmtDtls/InstdAmt/Amt`]);

interface OpenEntry {
  amount: string;
  currency: string;
  creditDebit: 'DBIT' | 'CRDT';
  status: 'BOOK' | 'PDNG' | 'INFO';
  bookingDate: string | null;
  transactions: Array<{ messageId: string | null; paymentInformationId: string | null; endToEndId: string | null; amount: string | null; currency: string | null }>;
}

/**
 * Reads a camt.054.001.02 (bank-to-customer debit/credit notification) as it streams in, and yields
 * its transactions a chunk at a time. The file has been validated against the XSD, so required
 * elements are there; what the reader checks is only what the schema cannot say.
 */
export async function* readCamt054(chunks: AsyncIterable<string>, header: (header: Camt054Header) => void): AsyncGenerator<Camt054Transaction[]> {
  let ready: Camt054Transaction[] = [];
  let entry: OpenEntry | null = null;
  let pendingCurrency = '';
  const reader = xmlPathReader({
    texts: TEXTS,
    bounds: BOUNDS,
    onOpen: (path, attributes) => {
      if (path === ENTRY) entry = { amount: '', currency: '', creditDebit: 'DBIT', status: 'BOOK', bookingDate: null, transactions: [] };
      else if (path === TX) entry?.transactions.push({ messageId: null, paymentInformationId: null, endToEndId: null, amount: null, currency: null });
      else pendingCurrency = attributes.Ccy ?? '';
    },
    onClose: (path, text) => {
      if (path === `${ROOT}/GrpHdr/MsgId`) return header({ messageId: text ?? '' });
      const open = entry as OpenEntry | null;
      if (!open) return;
      const tx = open.transactions[open.transactions.length - 1];
      switch (path) {
        case `${ENTRY}/Amt`:
          open.amount = text ?? '';
          open.currency = pendingCurrency;
          return;
        case `${ENTRY}/CdtDbtInd`:
          open.creditDebit = text as OpenEntry['creditDebit'];
          return;
        case `${ENTRY}/Sts`:
          open.status = text as OpenEntry['status'];
          return;
        case `${ENTRY}/BookgDt/Dt`:
          open.bookingDate = text ?? null;
          return;
        case `${ENTRY}/BookgDt/DtTm`:
          open.bookingDate = (text ?? '').slice(0, 10);
          return;
        case `${TX}/Refs/MsgId`:
          tx.messageId = text ?? null;
          return;
        case `${TX}/Refs/PmtInfId`:
          tx.paymentInformationId = text ?? null;
          return;
        case `${TX}/Refs/EndToEndId`:
          tx.endToEndId = text ?? null;
          return;
        case `${TX}/AmtDtls/TxAmt/Amt`:
        case `${TX}/AmtDtls/InstdAmt/Amt`:
          // The amount debited for this transaction; the instructed one only when no other is given.
          if (tx.amount === null || path.endsWith('TxAmt/Amt')) {
            tx.amount = text ?? null;
            tx.currency = pendingCurrency;
          }
          return;
        case ENTRY:
          for (const transaction of open.transactions.length > 0 ? open.transactions : [{ messageId: null, paymentInformationId: null, endToEndId: null, amount: null, currency: null }]) {
            ready.push({
              messageId: transaction.messageId,
              paymentInformationId: transaction.paymentInformationId,
              endToEndId: transaction.endToEndId,
              amount: transaction.amount ?? (open.transactions.length <= 1 ? open.amount : ''),
              currency: transaction.currency ?? open.currency,
              creditDebit: open.creditDebit,
              status: open.status,
              bookingDate: open.bookingDate,
            });
          }
          entry = null;
          return;
      }
    },
  });
  for await (const chunk of chunks) {
    reader.write(chunk);
    if (ready.length >= 5000) {
      yield ready;
      ready = [];
    }
  }
  reader.close();
  if (ready.length > 0) yield ready;
}

/** An ISO 20022 decimal amount in øre, or null when it is not a whole number of øre. */
export function oreOf(decimal: string): string | null {
  const match = /^(\d{1,15})(?:\.(\d{1,5}))?$/.exec(decimal);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(5, '0');
  if (fraction.slice(2) !== '000') return null;
  return (BigInt(match[1]) * 100n + BigInt(fraction.slice(0, 2))).toString();
}
