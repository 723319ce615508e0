import { Money, osloDateTimeWithOffset } from '@imdi/kernel';

export interface Pain001Header {
  readonly messageId: string;
  readonly createdAt: Date;
  readonly numberOfTransactions: number;
  readonly controlSum: Money;
  readonly debtor: { readonly name: string; readonly organisationNumber: string; readonly account: string; readonly bic: string };
}

export interface PaymentGroup {
  /** The payments' own date, which groups them. */
  readonly executionDate: string;
  /** The bank day asked for: the execution date or, on a weekend or holiday, the next bank day. */
  readonly requestedExecutionDate: string;
  readonly numberOfTransactions: number;
  readonly controlSum: Money;
}

export interface CreditTransfer {
  readonly endToEndId: string;
  readonly amount: Money;
  readonly creditorName: string;
  readonly creditorAccount: string;
  readonly remittance: string;
}

const SPECIAL = /[&<>"']/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// Most values (amounts, accounts, ids) have nothing to escape: test once before replacing.
const escape = (text: string): string => (SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => ENTITIES[char]) : text);

/** Max35Text and friends: cut, never let the bank refuse the file. */
const text = (value: string, max: number): string => escape(value.slice(0, max));

/**
 * Names and remittance text in the character set Norwegian banks accept in pain.001: the SEPA
 * Latin set (a–z, A–Z, 0–9, space and / - ? : ( ) . , ' +) and æ, ø, å. Accents are dropped
 * ("é" → "e"), a few letters spelled out, and anything else (control characters, other scripts)
 * becomes a space, so one bad name never makes a whole batch unreadable to the bank.
 */
const SPELLED: Record<string, string> = {
  ß: 'ss',
  Þ: 'Th',
  þ: 'th',
  Ð: 'D',
  ð: 'd',
  Ł: 'L',
  ł: 'l',
  Œ: 'OE',
  œ: 'oe',
  '&': '+',
  '–': '-',
  '—': '-',
  '’': "'",
  '‘': "'",
};
const BANK_CHARACTERS = "A-Za-z0-9ÆØÅæøå/\\-?:().,'+ ";
const IN_BANK_SET = new RegExp(`^[${BANK_CHARACTERS}]$`);

function toBankCharacter(char: string): string {
  if (IN_BANK_SET.test(char)) return char;
  if (SPELLED[char]) return SPELLED[char];
  const unaccented = char.normalize('NFD').replace(/\p{M}/gu, '');
  return unaccented.length > 0 && [...unaccented].every((part) => IN_BANK_SET.test(part)) ? unaccented : ' ';
}

/** Text wholly in the bank's set, as nearly every name and reference is: kept as it is, without a look at each character. */
const WHOLLY_IN_BANK_SET = new RegExp(`^[${BANK_CHARACTERS}]*$`);

export function toBankCharacterSet(value: string): string {
  const inSet = WHOLLY_IN_BANK_SET.test(value) ? value : Array.from(value, toBankCharacter).join('');
  return inSet.replace(/ {2,}/g, ' ').trim();
}

/** A name or free text for the bank: its character set, at most `max` long, never empty. */
const bankText = (value: string, max: number): string => escape(toBankCharacterSet(value).slice(0, max).trim() || '-');

/** A batch's payment information block per execution date: what the bank's answers refer to. */
export const paymentInformationId = (messageId: string, executionDate: string): string => `${messageId.slice(0, 24)}-${executionDate}`;

/** Our end-to-end id of a payment, as the bank returns it. */
export const endToEndReference = (endToEndId: string | bigint): string => `IMDI${endToEndId}`;

const otherAccount = (bban: string): string => `<Id><Othr><Id>${text(bban, 34)}</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id>`;

/**
 * ISO 20022 pain.001.001.03 (customer credit transfer initiation), written as a stream: one payment
 * information block per execution date, each transaction as it is read. Memory does not grow with
 * the batch; the counts and sums of the headers come from the caller's aggregate query.
 */
export async function* writePain001(
  header: Pain001Header,
  groups: readonly PaymentGroup[],
  transfersOf: (executionDate: string) => AsyncIterable<CreditTransfer>,
): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';
  yield '<CstmrCdtTrfInitn><GrpHdr>';
  yield `<MsgId>${text(header.messageId, 35)}</MsgId><CreDtTm>${osloDateTimeWithOffset(header.createdAt)}</CreDtTm>`;
  yield `<NbOfTxs>${header.numberOfTransactions}</NbOfTxs><CtrlSum>${header.controlSum.toDecimalString()}</CtrlSum>`;
  yield `<InitgPty><Nm>${bankText(header.debtor.name, 140)}</Nm><Id><OrgId><Othr><Id>${text(header.debtor.organisationNumber, 35)}</Id><SchmeNm><Cd>CUST</Cd></SchmeNm></Othr></OrgId></Id></InitgPty>`;
  yield '</GrpHdr>';
  for (const group of groups) {
    yield `<PmtInf><PmtInfId>${text(paymentInformationId(header.messageId, group.executionDate), 35)}</PmtInfId><PmtMtd>TRF</PmtMtd>`;
    yield `<NbOfTxs>${group.numberOfTransactions}</NbOfTxs><CtrlSum>${group.controlSum.toDecimalString()}</CtrlSum>`;
    yield `<PmtTpInf><SvcLvl><Cd>NURG</Cd></SvcLvl></PmtTpInf><ReqdExctnDt>${group.requestedExecutionDate}</ReqdExctnDt>`;
    yield `<Dbtr><Nm>${bankText(header.debtor.name, 140)}</Nm><Id><OrgId><Othr><Id>${text(header.debtor.organisationNumber, 35)}</Id><SchmeNm><Cd>CUST</Cd></SchmeNm></Othr></OrgId></Id></Dbtr>`;
    yield `<DbtrAcct>${otherAccount(header.debtor.account)}<Ccy>NOK</Ccy></DbtrAcct><DbtrAgt><FinInstnId><BIC>${text(header.debtor.bic, 11)}</BIC></FinInstnId></DbtrAgt><ChrgBr>SLEV</ChrgBr>`;
    let chunk = '';
    let pending = 0;
    for await (const transfer of transfersOf(group.executionDate)) {
      chunk +=
        `<CdtTrfTxInf><PmtId><InstrId>${text(transfer.endToEndId, 35)}</InstrId><EndToEndId>${text(transfer.endToEndId, 35)}</EndToEndId></PmtId>` +
        `<Amt><InstdAmt Ccy="NOK">${transfer.amount.toDecimalString()}</InstdAmt></Amt>` +
        `<Cdtr><Nm>${bankText(transfer.creditorName, 140)}</Nm></Cdtr><CdtrAcct>${otherAccount(transfer.creditorAccount)}</CdtrAcct>` +
        `<RmtInf><Ustrd>${bankText(transfer.remittance, 140)}</Ustrd></RmtInf></CdtTrfTxInf>`;
      if (++pending === 500) {
        yield chunk;
        chunk = '';
        pending = 0;
      }
    }
    if (chunk) yield chunk;
    yield '</PmtInf>';
  }
  yield '</CstmrCdtTrfInitn></Document>\n';
}
