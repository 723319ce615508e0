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
// Built once: the reader hands back these very strings, so each element closing compares by identity.
const MESSAGE_ID = `${ROOT}/GrpHdr/MsgId`;
const ENTRY_AMOUNT = `${ENTRY}/Amt`;
const CREDIT_DEBIT = `${ENTRY}/CdtDbtInd`;
const STATUS = `${ENTRY}/Sts`;
const BOOKING_DATE = `${ENTRY}/BookgDt/Dt`;
const BOOKING_TIME = `${ENTRY}/BookgDt/DtTm`;
const TX_MESSAGE_ID = `${TX}/Refs/MsgId`;
const TX_PAYMENT_INFORMATION_ID = `${TX}/Refs/PmtInfId`;
const TX_END_TO_END_ID = `${TX}/Refs/EndToEndId`;
const TX_AMOUNT = `${TX}/AmtDtls/TxAmt/Amt`;
const TX_INSTRUCTED_AMOUNT = `${TX}/AmtDtls/InstdAmt/Amt`;
const TEXTS = new Set([
  MESSAGE_ID,
  ENTRY_AMOUNT,
  CREDIT_DEBIT,
  STATUS,
  BOOKING_DATE,
  BOOKING_TIME,
  TX_MESSAGE_ID,
  TX_PAYMENT_INFORMATION_ID,
  TX_END_TO_END_ID,
  TX_AMOUNT,
  TX_INSTRUCTED_AMOUNT,
]);
const BOUNDS = new Set([ENTRY, TX, ENTRY_AMOUNT, TX_AMOUNT, TX_INSTRUCTED_AMOUNT]);

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
      if (path === MESSAGE_ID) return header({ messageId: text ?? '' });
      const open = entry as OpenEntry | null;
      if (!open) return;
      const tx = open.transactions[open.transactions.length - 1];
      switch (path) {
        case ENTRY_AMOUNT:
          open.amount = text ?? '';
          open.currency = pendingCurrency;
          return;
        case CREDIT_DEBIT:
          open.creditDebit = text as OpenEntry['creditDebit'];
          return;
        case STATUS:
          open.status = text as OpenEntry['status'];
          return;
        case BOOKING_DATE:
          open.bookingDate = text ?? null;
          return;
        case BOOKING_TIME:
          open.bookingDate = (text ?? '').slice(0, 10);
          return;
        case TX_MESSAGE_ID:
          tx.messageId = text ?? null;
          return;
        case TX_PAYMENT_INFORMATION_ID:
          tx.paymentInformationId = text ?? null;
          return;
        case TX_END_TO_END_ID:
          tx.endToEndId = text ?? null;
          return;
        case TX_AMOUNT:
        case TX_INSTRUCTED_AMOUNT:
          // The amount debited for this transaction; the instructed one only when no other is given.
          if (tx.amount === null || path === TX_AMOUNT) {
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
  // Kroner and two decimals as one digit string, without BigInt: a million entries read one each.
  const ore = match[1] + fraction.slice(0, 2);
  let start = 0;
  while (start < ore.length - 1 && ore.charCodeAt(start) === 48) start++;
  return ore.slice(start);
}
