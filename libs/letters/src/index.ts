export { PdfLetterWriter } from './pdf/pdf-letter.writer';
export { renderReceipt, type ReceiptContent } from './templates/receipt.template';
