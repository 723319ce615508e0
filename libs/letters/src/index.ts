export { PdfLetterWriter } from './pdf/pdf-letter.writer';
export { renderReceipt, type ReceiptContent } from './templates/receipt.template';
export { renderDecisionLetter, type DecisionLetterContent } from './templates/decision-letter.template';
export { renderNotice, type NoticeContent } from './templates/notice.template';
export { letterFonts } from './pdf/fonts';
export { formatOrganisationNumber, letterRecipient, type AgencyLetterhead, type LetterFrame, type LetterPerson, type LetterRecipient } from './templates/letter-frame';
