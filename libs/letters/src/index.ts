export { PdfLetterWriter } from './pdf/pdf-letter.writer';
export { PdfTextWriter, type DrawTextOptions } from './pdf/pdf-text.writer';
export { makeArchival, type ArchiveMetadata } from './pdf/pdf-archive';
export type { FontStyle } from './pdf/fonts';
export { renderReceipt, type ReceiptContent } from './templates/receipt.template';
export { renderDecisionLetter, type DecisionLetterContent } from './templates/decision-letter.template';
export { renderNotice, type NoticeContent } from './templates/notice.template';
export { renderRecord, type RecordContent } from './templates/record.template';
export {
  formatOrganisationNumber,
  letterRecipient,
  type AgencyLetterhead,
  type LetterFrame,
  type LetterPerson,
  type LetterRecipient,
} from './templates/letter-frame';
export { letterFonts } from './pdf/fonts';
