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

/** Transactions per page: the import books a page in one statement while it reads the next. */
const PAGE_SIZE = 5000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Reads a camt.054.001.02 (bank-to-customer debit/credit notification) as it streams in, and yields
 * its transactions a chunk at a time. The file has been validated against the XSD, so required
 * elements are there and in the schema's order (an entry's amount, direction, status and booking
 * date come before its transaction details); what the reader checks is only what the schema cannot
 * say. One object is made per transaction, filled in as its elements go by: a file of a million
 * entries makes a million objects, not several per entry.
 */
export async function* readCamt054(chunks: AsyncIterable<string>, header: (header: Camt054Header) => void): AsyncGenerator<Camt054Transaction[]> {
  let ready: Camt054Transaction[] = [];
  /** Pages finished within the chunk just read; a page ends with an entry, never inside one. */
  const pages: Camt054Transaction[][] = [];
  // The entry being read (reused from entry to entry) and its transactions so far.
  let inEntry = false;
  let entryAmount = '';
  let entryCurrency = '';
  let creditDebit: Camt054Transaction['creditDebit'] = 'DBIT';
  let status: Camt054Transaction['status'] = 'BOOK';
  let bookingDate: string | null = null;
  let firstOfEntry = 0;
  let tx: Mutable<Camt054Transaction> | null = null;
  let txAmountGiven = false;
  const withoutAmount: Array<Mutable<Camt054Transaction>> = [];
  let pendingCurrency = '';
  const reader = xmlPathReader({
    texts: TEXTS,
    bounds: BOUNDS,
    onOpen: (path, attributes) => {
      if (path === ENTRY) {
        inEntry = true;
        entryAmount = '';
        entryCurrency = '';
        creditDebit = 'DBIT';
        status = 'BOOK';
        bookingDate = null;
        firstOfEntry = ready.length;
        withoutAmount.length = 0;
      } else if (path === TX) {
        if (!inEntry) return;
        tx = { messageId: null, paymentInformationId: null, endToEndId: null, amount: '', currency: '', creditDebit, status, bookingDate };
        txAmountGiven = false;
        ready.push(tx);
      } else pendingCurrency = attributes.Ccy ?? '';
    },
    onClose: (path, text) => {
      if (path === MESSAGE_ID) return header({ messageId: text ?? '' });
      if (!inEntry) return;
      switch (path) {
        case ENTRY_AMOUNT:
          entryAmount = text ?? '';
          entryCurrency = pendingCurrency;
          return;
        case CREDIT_DEBIT:
          creditDebit = text as Camt054Transaction['creditDebit'];
          return;
        case STATUS:
          status = text as Camt054Transaction['status'];
          return;
        case BOOKING_DATE:
          bookingDate = text ?? null;
          return;
        case BOOKING_TIME:
          bookingDate = (text ?? '').slice(0, 10);
          return;
      }
      const current = tx as Mutable<Camt054Transaction> | null;
      switch (path) {
        case TX_MESSAGE_ID:
          if (current) current.messageId = text ?? null;
          return;
        case TX_PAYMENT_INFORMATION_ID:
          if (current) current.paymentInformationId = text ?? null;
          return;
        case TX_END_TO_END_ID:
          if (current) current.endToEndId = text ?? null;
          return;
        case TX_AMOUNT:
        case TX_INSTRUCTED_AMOUNT:
          // The amount debited for this transaction; the instructed one only when no other is given.
          if (current && (!txAmountGiven || path === TX_AMOUNT)) {
            current.amount = text ?? '';
            current.currency = pendingCurrency;
            txAmountGiven = true;
          }
          return;
        case TX:
          if (current && !txAmountGiven) withoutAmount.push(current);
          tx = null;
          return;
        case ENTRY: {
          const count = ready.length - firstOfEntry;
          if (count === 0) {
            ready.push({
              messageId: null,
              paymentInformationId: null,
              endToEndId: null,
              amount: entryAmount,
              currency: entryCurrency,
              creditDebit,
              status,
              bookingDate,
            });
          } else {
            // A transaction without an amount of its own has the entry's, when it is the entry's only one.
            for (const transaction of withoutAmount) {
              transaction.amount = count === 1 ? entryAmount : '';
              transaction.currency = entryCurrency;
            }
          }
          inEntry = false;
          // A page ends between entries, so that a late fix-up above never reaches a page already
          // handed on. It ends wherever that is in the chunk: a megabyte chunk seldom ends between two
          // entries, and a page that waited for one would hold the whole file.
          if (ready.length >= PAGE_SIZE) {
            pages.push(ready);
            ready = [];
          }
          return;
        }
      }
    },
  });
  for await (const chunk of chunks) {
    reader.write(chunk);
    while (pages.length > 0) yield pages.shift() as Camt054Transaction[];
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
