export { PdfLetterWriter } from './pdf/pdf-letter.writer';
export { renderReceipt, type ReceiptContent } from './templates/receipt.template';
export { renderDecisionLetter, type DecisionLetterContent } from './templates/decision-letter.template';
export { renderNotice, type NoticeContent } from './templates/notice.template';
export { letterFonts, type FontStyle } from './pdf/fonts';
export { PdfTextWriter, type DrawTextOptions } from './pdf/pdf-text.writer';
export { makeArchival, type ArchiveMetadata } from './pdf/pdf-archive';
