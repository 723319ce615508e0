import { IntakeError } from './intake.errors';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** What an upload route reads: room for the rule above to answer ATTACHMENT_TOO_LARGE (which the web names), and no more. */
export const ATTACHMENT_BODY_LIMIT_BYTES = 2 * MAX_ATTACHMENT_BYTES;

export type AttachmentType = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx' | 'odt' | 'ods' | 'txt' | 'csv';

const MEDIA_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain',
  csv: 'text/csv',
};

const EXTENSIONS: Record<string, AttachmentType> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  docx: 'docx',
  xlsx: 'xlsx',
  odt: 'odt',
  ods: 'ods',
  txt: 'txt',
  csv: 'csv',
};

const startsWith = (content: Uint8Array, signature: readonly number[]): boolean => signature.every((byte, index) => content[index] === byte);
const contains = (content: Uint8Array, text: string): boolean => Buffer.from(content).includes(text, 0, 'latin1');

/** What the bytes are, whatever the file is called. */
export function sniffAttachmentType(content: Uint8Array): AttachmentType | undefined {
  if (startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    if (contains(content, 'application/vnd.oasis.opendocument.text')) return 'odt';
    if (contains(content, 'application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (contains(content, 'word/')) return 'docx';
    if (contains(content, 'xl/')) return 'xlsx';
    return undefined;
  }
  return isPlainText(content) ? 'txt' : undefined;
}

function isPlainText(content: Uint8Array): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

export interface AcceptedAttachment {
  readonly type: AttachmentType;
  readonly mediaType: string;
}

/**
 * Accepts a file only if its content is an allowed type and agrees with its name: an executable
 * renamed to .pdf, or a picture calling itself a spreadsheet, is refused.
 */
export function checkAttachment(fileName: string, content: Uint8Array): AcceptedAttachment {
  if (content.length === 0) {
    throw new IntakeError('ATTACHMENT_TYPE_NOT_ALLOWED', 'Filen er tom. Velg en fil med innhold.', {}, 'file');
  }
  if (content.length > MAX_ATTACHMENT_BYTES) {
    throw new IntakeError(
      'ATTACHMENT_TOO_LARGE',
      `Et vedlegg kan være høyst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; dette er ${Math.ceil(content.length / 1024)} kB.`,
      { maxBytes: MAX_ATTACHMENT_BYTES, sizeBytes: content.length },
      'file',
    );
  }
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const named = EXTENSIONS[extension];
  if (!named) {
    throw new IntakeError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `Filer med endelsen .${extension || '(ingen)'} kan ikke brukes. Tillatt: ${Object.keys(EXTENSIONS).join(', ')}.`,
      {},
      'fileName',
    );
  }
  const sniffed = sniffAttachmentType(content);
  const agrees = sniffed === named || (named === 'csv' && sniffed === 'txt');
  if (!agrees) {
    throw new IntakeError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `Innholdet i ${fileName} er ${sniffed ? `en ${sniffed}-fil` : 'ikke en filtype som kan brukes'}, ikke ${named} slik navnet sier. Sjekk at filen har riktig endelse.`,
      { claimed: named, detected: sniffed ?? null },
      'file',
    );
  }
  return { type: named, mediaType: MEDIA_TYPES[named] };
}
