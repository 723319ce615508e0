import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail, type AuditActor } from '@imdi/audit';
import { BudgetLedger } from '@imdi/budget';
import { BudgetPost, Money } from '@imdi/kernel';
import { DataSource, type EntityManager } from 'typeorm';
import { bankStatusReason } from '../domain/bank-status-reason';
import { oreOf, readCamt054, type Camt054Transaction } from '../domain/camt054.reader';
import { paymentInformationId } from '../domain/pain001.writer';
import { readPain002 } from '../domain/pain002.reader';
import { PaymentsError } from '../domain/payments.errors';
import { XmlSyntaxError } from '../domain/xml-path.reader';
import {
  BankFileRepository,
  type BankBatch,
  type BookingMove,
  type DebitEntryPage,
  type RejectedPayment,
  type StoredBankFile,
} from '../infrastructure/bank-file.repository';
import { gzipSpooled, readSpooled, spoolBankFile, SpoolTooLargeError, type SpooledFile } from '../infrastructure/bank-file.spool';
import { validateAgainstSchema, type SchemaName, type SchemaVerdict } from '../infrastructure/xsd.validator';

/** A camt.054 of a million entries is some 400 MB; a real one is far smaller. */
export const BANK_FILE_MAX_BYTES = 1024 * 1024 * 1024;

export interface BankFileView {
  readonly id: string;
  readonly kind: 'pain.002' | 'camt.054';
  readonly messageId: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly batchIds: readonly string[];
  readonly importedBy: string;
  readonly importedAt: string;
  /** True when this very file had been imported before: nothing was changed this time. */
  readonly alreadyImported: boolean;
  readonly summary: Record<string, unknown>;
}

const ACCEPTED_GROUP = new Set(['ACCP', 'ACSC', 'ACSP', 'ACTC', 'ACWC', 'PART']);
const ACCEPTED_TRANSACTION = new Set(['ACCP', 'ACSC', 'ACSP', 'ACTC', 'ACWC']);
const NAMESPACES: ReadonlyArray<readonly [SchemaName, string]> = [
  ['pain.002.001.03', 'urn:iso:std:iso:20022:tech:xsd:pain.002.001.03'],
  ['camt.054.001.02', 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.02'],
];
const E2E = /^IMDI(\d{1,18})$/;

/**
 * A set of non-negative safe integers as bits, 65 536 to a page: our end-to-end numbers are a
 * bigserial, so a batch's million numbers fill some sixteen pages of 8 KB. A `Set<number>` of a
 * million took a third of a second to fill and kept tens of megabytes for the garbage collector.
 */
class NumberSet {
  private readonly pages = new Map<number, Uint32Array>();
  private lastPage = -1;
  private last: Uint32Array | undefined;

  /** Adds the number; false when it was there already. */
  add(number: number): boolean {
    const pageNumber = Math.floor(number / 65536);
    let page = pageNumber === this.lastPage ? this.last : this.pages.get(pageNumber);
    if (!page) this.pages.set(pageNumber, (page = new Uint32Array(2048)));
    this.lastPage = pageNumber;
    this.last = page;
    const bit = number % 65536;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if ((page[word] & mask) !== 0) return false;
    page[word] |= mask;
    return true;
  }
}

/**
 * The end-to-end ids a camt.054 has named so far, per batch: a million of them are kept as bits
 * of our `IMDI<number>`, not as strings, so that the set stays small and cheap for the garbage
 * collector however long the file is.
 */
class SeenReferences {
  private readonly numbers = new Map<string, NumberSet>();
  private readonly others = new Set<string>();

  /** True when this batch's entry with this reference came before; remembers it either way. */
  repeats(batchId: string | null, reference: string): boolean {
    const number = ourNumber(reference);
    if (number < 0) {
      const key = `${batchId ?? ''}:${reference}`;
      if (this.others.has(key)) return true;
      this.others.add(key);
      return false;
    }
    const batch = batchId ?? '';
    let numbers = this.numbers.get(batch);
    if (!numbers) this.numbers.set(batch, (numbers = new NumberSet()));
    return !numbers.add(number);
  }
}

/** The number of an `IMDI<number>` reference as written by us (no leading zero, a safe integer), else -1; without allocating. */
function ourNumber(reference: string): number {
  const length = reference.length;
  if (length < 5 || length > 19 || !reference.startsWith('IMDI') || (reference.charCodeAt(4) === 48 && length > 5)) return -1;
  let number = 0;
  for (let index = 4; index < length; index++) {
    const digit = reference.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return Number.isSafeInteger(number) ? number : -1;
}

const view = (file: StoredBankFile, alreadyImported: boolean): BankFileView => ({
  id: file.id,
  kind: file.kind,
  messageId: file.messageId,
  sha256: file.sha256,
  sizeBytes: file.sizeBytes,
  batchIds: file.batchIds,
  importedBy: file.importedBy,
  importedAt: file.importedAt.toISOString(),
  alreadyImported,
  summary: file.summary,
});

function schemaProblem(verdict: Extract<SchemaVerdict, { valid: false }>, schema: SchemaName): PaymentsError {
  const where = verdict.problems.join('; ');
  return verdict.wellFormed
    ? new PaymentsError(
        'BANK_FILE_SCHEMA_INVALID',
        `Filen følger ikke ISO 20022-skjemaet ${schema}, og ingenting er endret: ${where}`,
        { problems: verdict.problems, schema },
        'body',
      )
    : new PaymentsError('BANK_FILE_MALFORMED', `Filen er ikke gyldig XML, og ingenting er endret: ${where}`, { problems: verdict.problems }, 'body');
}

/**
 * Imports a file the bank sent back: a payment status report (pain.002.001.03) or a debit
 * notification (camt.054.001.02). The file is validated against the official schema, stored, read
 * once, and matched to our batches and payments by message id, payment information id and
 * end-to-end id. Everything it changes (statuses, reversals, new instalments, ledger postings, the
 * audit entry) commits together, or nothing does.
 */
@Injectable()
export class ImportBankFile {
  private readonly logger = new Logger(ImportBankFile.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: BankFileRepository,
    private readonly ledger: BudgetLedger,
    private readonly audit: AuditTrail,
  ) {}

  async list(batchId?: string): Promise<BankFileView[]> {
    return (await this.repository.list(this.dataSource.manager, batchId)).map((file) => view(file, false));
  }

  async import(body: Readable | AsyncIterable<Buffer | string>, actor: AuditActor): Promise<BankFileView> {
    let file: SpooledFile;
    try {
      file = await spoolBankFile(body, BANK_FILE_MAX_BYTES);
    } catch (error) {
      if (error instanceof SpoolTooLargeError) {
        throw new PaymentsError(
          'BANK_FILE_TOO_LARGE',
          `Filen er større enn ${Math.round(error.limitBytes / 1024 / 1024)} MB og kan ikke leses inn`,
          { limitBytes: error.limitBytes },
          'body',
        );
      }
      throw error;
    }
    try {
      return await this.importSpooled(file, actor);
    } finally {
      await file.remove();
    }
  }

  private async importSpooled(file: SpooledFile, actor: AuditActor): Promise<BankFileView> {
    const schema = NAMESPACES.find(([, namespace]) => file.head.includes(namespace))?.[0];
    if (!schema) {
      if (!file.head.trimStart().startsWith('<')) throw new PaymentsError('BANK_FILE_MALFORMED', 'Filen er ikke XML, og ingenting er endret', {}, 'body');
      throw new PaymentsError(
        'BANK_FILE_UNSUPPORTED',
        'Filen er verken en statusrapport (pain.002.001.03) eller en belastningsmelding (camt.054.001.02) etter ISO 20022',
        {},
        'body',
      );
    }
    const known = await this.repository.findBySha256(this.dataSource.manager, file.sha256);
    if (known) return view(known, true);

    const validation = validateAgainstSchema(file.path, schema);
    // Settled even when the import fails first, so that no rejection is left unhandled.
    validation.catch(() => undefined);
    const archive = gzipSpooled(file);
    archive.catch(() => undefined);
    const failWithSchemaFirst = async (error: unknown): Promise<never> => {
      const verdict = await validation;
      if (!verdict.valid) throw schemaProblem(verdict, schema);
      if (error instanceof XmlSyntaxError)
        throw new PaymentsError('BANK_FILE_MALFORMED', `Filen er ikke gyldig XML, og ingenting er endret: ${error.message}`, {}, 'body');
      throw error;
    };
    try {
      const result = await this.dataSource.transaction(async (manager) => {
        await this.repository.lockImport(manager, file.sha256);
        await this.repository.withoutJit(manager);
        const again = await this.repository.findBySha256(manager, file.sha256);
        if (again) return { file: again, alreadyImported: true };
        const stored =
          schema === 'pain.002.001.03'
            ? await this.importStatusReport(manager, file, actor, validation, archive)
            : await this.importDebitNotification(manager, file, actor, validation, archive);
        return { file: stored, alreadyImported: false };
      });
      return view(result.file, result.alreadyImported);
    } catch (error) {
      return failWithSchemaFirst(error);
    }
  }

  private async importStatusReport(
    manager: EntityManager,
    file: SpooledFile,
    actor: AuditActor,
    validation: Promise<SchemaVerdict>,
    archive: Promise<Buffer>,
  ): Promise<StoredBankFile> {
    const report = await readPain002(readSpooled(file));
    const verdict = await validation;
    if (!verdict.valid) throw schemaProblem(verdict, 'pain.002.001.03');
    if (!report.originalMessageName.startsWith('pain.001')) {
      throw new PaymentsError(
        'BANK_FILE_UNKNOWN_BATCH',
        `Statusrapporten gjelder en ${report.originalMessageName}, ikke en betalingsfil (pain.001) fra IMDi`,
        { originalMessageName: report.originalMessageName },
        'OrgnlMsgNmId',
      );
    }
    await this.refuseReusedMessageId(manager, 'pain.002', report.messageId);
    const batch = await this.sentBatch(manager, report.originalMessageId, 'OrgnlMsgId');
    const fileId = randomUUID();
    await this.repository.insertFile(manager, {
      id: fileId,
      kind: 'pain.002',
      sha256: file.sha256,
      messageId: report.messageId,
      sizeBytes: file.sizeBytes,
      importedBy: actor.userId,
    });

    const dateOf = new Map(batch.executionDates.map((date) => [paymentInformationId(batch.messageId, date), date]));
    const groupReason = report.groupReasonCode ?? 'MS03';
    const rejections = new Map<string, string>();
    const accepted: string[] = [];
    if (report.groupStatus === 'RJCT') {
      for (const paymentId of (await this.repository.paymentIds(manager, batch.id, {})).values()) rejections.set(paymentId, groupReason);
    }
    for (const information of report.paymentInformation) {
      const executionDate = dateOf.get(information.originalPaymentInformationId);
      if (!executionDate) {
        throw new PaymentsError(
          'BANK_FILE_UNKNOWN_PAYMENT',
          `Betalingsoppdraget ${information.originalPaymentInformationId} finnes ikke i betalingsbunten med meldings-ID ${batch.messageId}`,
          { originalPaymentInformationId: information.originalPaymentInformationId },
          'OrgnlPmtInfId',
        );
      }
      const informationReason = information.reasonCode ?? groupReason;
      if (information.status === 'RJCT') {
        for (const paymentId of (await this.repository.paymentIds(manager, batch.id, { executionDate })).values()) rejections.set(paymentId, informationReason);
      }
      const numbers = information.transactions.map((transaction) => {
        const match = E2E.exec(transaction.originalEndToEndId ?? '');
        if (!match) throw this.unknownTransaction(transaction.originalEndToEndId, batch);
        return match[1];
      });
      const payments = await this.repository.paymentIds(manager, batch.id, { executionDate, endToEndIds: numbers });
      information.transactions.forEach((transaction, index) => {
        const paymentId = payments.get(numbers[index]);
        if (!paymentId) throw this.unknownTransaction(transaction.originalEndToEndId, batch);
        if (transaction.status === 'RJCT') rejections.set(paymentId, transaction.reasonCode ?? informationReason);
        else if (transaction.status && ACCEPTED_TRANSACTION.has(transaction.status)) accepted.push(paymentId);
      });
    }

    if (report.groupStatus && ACCEPTED_GROUP.has(report.groupStatus)) await this.repository.markAccepted(manager, batch.id);
    const { rejected, alreadyBooked } = await this.repository.reject(
      manager,
      fileId,
      batch.id,
      [...rejections].map(([paymentId, reasonCode]) => ({ paymentId, reasonCode })),
    );
    const acceptedOneByOne = await this.repository.accept(
      manager,
      fileId,
      batch.id,
      accepted.filter((paymentId) => !rejections.has(paymentId)),
    );
    const reissued = await this.repository.reissue(
      manager,
      rejected
        .filter((payment) => payment.instalmentId !== null)
        .map((payment) => ({ paymentId: payment.paymentId, waitForAccount: bankStatusReason(payment.reasonCode).accountProblem })),
    );
    await this.reverse(manager, fileId, rejected, actor);
    const reasons: Record<string, number> = {};
    for (const payment of rejected) reasons[payment.reasonCode] = (reasons[payment.reasonCode] ?? 0) + 1;
    const summary = {
      groupStatus: report.groupStatus,
      rejected: rejected.length,
      rejectedNok: Money.sum(rejected.map((payment) => Money.ofOre(payment.amountOre))).toDecimalString(),
      reasons: Object.fromEntries(Object.entries(reasons).map(([code, count]) => [code, { count, text: bankStatusReason(code).text }])),
      acceptedOneByOne,
      rejectedAfterBooking: alreadyBooked,
      reissued,
      perCapitaRejected: rejected.filter((payment) => payment.instalmentId === null).length,
    };
    await this.repository.completeFile(manager, fileId, [batch.id], await archive, summary);
    await this.audit.record(manager, {
      actor,
      action: 'bank-file.status-report-imported',
      entityType: 'payment_batch',
      entityId: batch.id,
      after: {
        fileId,
        messageId: report.messageId,
        ...summary,
        rejectedPayments: rejected.slice(0, 100).map((payment) => ({ paymentId: payment.paymentId, caseId: payment.caseId, reasonCode: payment.reasonCode })),
      },
    });
    this.logger.log(`pain.002 ${report.messageId}: ${rejected.length} rejected in batch ${batch.id}`);
    return this.stored(manager, fileId);
  }

  private async importDebitNotification(
    manager: EntityManager,
    file: SpooledFile,
    actor: AuditActor,
    validation: Promise<SchemaVerdict>,
    archive: Promise<Buffer>,
  ): Promise<StoredBankFile> {
    let messageId = '';
    const fileId = randomUUID();
    let inserted = false;
    const batches = new Map<string, BankBatch>();
    const seen = new SeenReferences();
    const totals = { entries: 0, booked: 0, bookedOre: 0n, pending: 0 };
    const discrepancies: Record<string, number> = {};
    const moves: BookingMove[] = [];
    let inFlight: Promise<void> = Promise.resolve();

    const record = (page: DebitEntryPage) =>
      this.repository.book(manager, fileId, page).then((result) => {
        totals.booked += result.booked;
        totals.bookedOre += BigInt(result.bookedOre);
        for (const [kind, count] of Object.entries(result.discrepancies)) discrepancies[kind] = (discrepancies[kind] ?? 0) + count;
        moves.push(...result.moves);
      });

    for await (const transactions of readCamt054(readSpooled(file), (header) => (messageId = header.messageId))) {
      if (!inserted) {
        await this.refuseReusedMessageId(manager, 'camt.054', messageId);
        await this.repository.insertFile(manager, {
          id: fileId,
          kind: 'camt.054',
          sha256: file.sha256,
          messageId,
          sizeBytes: file.sizeBytes,
          importedBy: actor.userId,
        });
        inserted = true;
      }
      const page = await this.debitPage(manager, transactions, batches, seen, totals);
      // The database books this page while the next one is read.
      await inFlight;
      inFlight = record(page);
    }
    await inFlight;
    const verdict = await validation;
    if (!verdict.valid) throw schemaProblem(verdict, 'camt.054.001.02');
    if (batches.size === 0 && totals.booked === 0) {
      throw new PaymentsError(
        'BANK_FILE_UNKNOWN_BATCH',
        `Belastningsmeldingen ${messageId} viser ingen betalinger fra IMDis betalingsbunter`,
        { messageId },
        'MsgId',
      );
    }
    if (!inserted) {
      await this.refuseReusedMessageId(manager, 'camt.054', messageId);
      await this.repository.insertFile(manager, {
        id: fileId,
        kind: 'camt.054',
        sha256: file.sha256,
        messageId,
        sizeBytes: file.sizeBytes,
        importedBy: actor.userId,
      });
    }
    await this.moveToBookingDates(manager, fileId, moves, actor);
    const summary = {
      entries: totals.entries,
      booked: totals.booked,
      bookedNok: Money.ofOre(totals.bookedOre).toDecimalString(),
      notBooked: totals.pending,
      discrepancies,
    };
    await this.repository.completeFile(
      manager,
      fileId,
      [...batches.values()].map((batch) => batch.id),
      await archive,
      summary,
    );
    await this.audit.record(manager, {
      actor,
      action: 'bank-file.debit-notification-imported',
      entityType: 'bank_file',
      entityId: fileId,
      after: { messageId, batchIds: [...batches.values()].map((batch) => batch.id), ...summary },
    });
    this.logger.log(`camt.054 ${messageId}: ${totals.booked} booked`);
    return this.stored(manager, fileId);
  }

  /** Our arrays for one page of booked entries; an entry naming a batch we never sent refuses the file. */
  private async debitPage(
    manager: EntityManager,
    transactions: readonly Camt054Transaction[],
    batches: Map<string, BankBatch>,
    seen: SeenReferences,
    totals: { entries: number; pending: number },
  ): Promise<DebitEntryPage> {
    const page = {
      repeated: [] as boolean[],
      batchIds: [] as Array<string | null>,
      endToEndIds: [] as Array<string | null>,
      amountsOre: [] as Array<string | null>,
      bookedOn: [] as Array<string | null>,
      debit: [] as boolean[],
    };
    for (const transaction of transactions) {
      totals.entries++;
      if (transaction.status !== 'BOOK' || !transaction.bookingDate) {
        totals.pending++;
        continue;
      }
      if (transaction.currency !== 'NOK') {
        throw new PaymentsError(
          'BANK_FILE_NOT_NOK',
          `Oppføringen ${transaction.endToEndId ?? ''} er i ${transaction.currency}; IMDis utbetalinger er i NOK`,
          { endToEndId: transaction.endToEndId, currency: transaction.currency },
          'Amt',
        );
      }
      let batchId: string | null = null;
      if (transaction.messageId) {
        let batch = batches.get(transaction.messageId);
        if (!batch) {
          batch = await this.sentBatch(manager, transaction.messageId, 'Refs/MsgId');
          batches.set(transaction.messageId, batch);
        }
        batchId = batch.id;
      }
      page.repeated.push(transaction.endToEndId !== null && seen.repeats(batchId, transaction.endToEndId));
      page.batchIds.push(batchId);
      page.endToEndIds.push(transaction.endToEndId);
      page.amountsOre.push(oreOf(transaction.amount));
      page.bookedOn.push(transaction.bookingDate);
      page.debit.push(transaction.creditDebit === 'DBIT');
    }
    return page;
  }

  /** Rejected payments leave "paid": taken back on the day they were booked, and committed again when they were. */
  private async reverse(manager: EntityManager, fileId: string, rejected: readonly RejectedPayment[], actor: AuditActor): Promise<void> {
    const lines = rejected.flatMap((payment) => {
      const amount = Money.ofOre(payment.amountOre);
      const base = {
        budgetYear: payment.budgetYear,
        chapter: payment.chapter,
        post: payment.post,
        earmarkCode: payment.earmarkCode,
        amount,
        bookedOn: payment.executionDate,
      };
      return payment.instalmentId
        ? [
            { ...base, kind: 'pay-reversal' as const },
            { ...base, kind: 'commit' as const },
          ]
        : [{ ...base, kind: 'pay-reversal' as const }];
    });
    await this.post(manager, fileId, lines, actor, 'rejected by the bank');
  }

  /** A payment the bank debited on another day counts as paid from that day. */
  private async moveToBookingDates(manager: EntityManager, fileId: string, moves: readonly BookingMove[], actor: AuditActor): Promise<void> {
    const lines = moves.flatMap((move) => {
      const base = { budgetYear: move.budgetYear, chapter: move.chapter, post: move.post, earmarkCode: move.earmarkCode, amount: Money.ofOre(move.amountOre) };
      return [
        { ...base, kind: 'pay-reversal' as const, bookedOn: move.executionDate },
        { ...base, kind: 'pay' as const, bookedOn: move.bookedOn },
      ];
    });
    await this.post(manager, fileId, lines, actor, 'booked by the bank on another day');
  }

  private async post(
    manager: EntityManager,
    fileId: string,
    lines: ReadonlyArray<{
      budgetYear: number;
      chapter: string;
      post: string;
      earmarkCode: string | null;
      kind: 'pay' | 'pay-reversal' | 'commit';
      amount: Money;
      bookedOn: string;
    }>,
    actor: AuditActor,
    note: string,
  ): Promise<void> {
    const perPost = new Map<string, Map<string, { earmarkCode: string | null; kind: 'pay' | 'pay-reversal' | 'commit'; amount: Money; bookedOn: string }>>();
    for (const line of lines) {
      const postKey = `${line.budgetYear}:${line.chapter}:${line.post}`;
      const sums = perPost.get(postKey) ?? new Map();
      const key = `${line.earmarkCode ?? ''}:${line.kind}:${line.bookedOn}`;
      const sum = sums.get(key);
      sums.set(key, { earmarkCode: line.earmarkCode, kind: line.kind, bookedOn: line.bookedOn, amount: sum ? sum.amount.plus(line.amount) : line.amount });
      perPost.set(postKey, sums);
    }
    for (const [postKey, sums] of perPost) {
      const [budgetYear, chapter, post] = postKey.split(':');
      await this.ledger.recordPaymentCorrections(manager, {
        budgetYear: Number(budgetYear),
        budgetPost: BudgetPost.of({ chapter, post }),
        referenceType: 'bank-file',
        referenceId: fileId,
        lines: [...sums.values()],
        actorId: actor.userId,
        note,
      });
    }
  }

  private async sentBatch(manager: EntityManager, messageId: string, field: string): Promise<BankBatch> {
    const batch = await this.repository.batchByMessageId(manager, messageId);
    if (!batch) {
      throw new PaymentsError(
        'BANK_FILE_UNKNOWN_BATCH',
        `Ingen betalingsbunt fra IMDi har meldings-ID ${messageId}; filen gjelder ikke en av våre betalingsfiler`,
        { messageId },
        field,
      );
    }
    if (!batch.sentAt) {
      throw new PaymentsError(
        'BATCH_NOT_SENT',
        `Betalingsbunten med meldings-ID ${messageId} er ikke sendt til banken ennå, så banken kan ikke ha svart på den`,
        { messageId, batchId: batch.id },
        field,
      );
    }
    return batch;
  }

  private async refuseReusedMessageId(manager: EntityManager, kind: StoredBankFile['kind'], messageId: string): Promise<void> {
    const earlier = await this.repository.findByMessageId(manager, kind, messageId);
    if (earlier) {
      throw new PaymentsError(
        'BANK_FILE_MESSAGE_REUSED',
        `En annen fil med meldings-ID ${messageId} ble lest inn ${earlier.importedAt.toISOString().slice(0, 10)}; innholdet er ikke det samme, så filen er ikke lest inn`,
        { messageId, earlierFileId: earlier.id },
        'MsgId',
      );
    }
  }

  private unknownTransaction(endToEndId: string | null, batch: BankBatch): PaymentsError {
    return new PaymentsError(
      'BANK_FILE_UNKNOWN_PAYMENT',
      `Transaksjonen ${endToEndId ?? '(uten ende-til-ende-ID)'} finnes ikke i betalingsbunten med meldings-ID ${batch.messageId}`,
      { endToEndId },
      'OrgnlEndToEndId',
    );
  }

  private async stored(manager: EntityManager, fileId: string): Promise<StoredBankFile> {
    const file = await this.repository.findById(manager, fileId);
    if (!file) throw new PaymentsError('BANK_FILE_NOT_FOUND', `Filen ${fileId} finnes ikke`, { id: fileId });
    return file;
  }
}
