import { PdfLetterWriter } from '../pdf/pdf-letter.writer';
import { printable } from './printable-text';

export interface RecordContent {
  readonly writtenStandard: 'nb' | 'nn';
  readonly title: string;
  /** Who keeps the record, shown above the title (the agency's name). */
  readonly issuer: string;
  /** Label and value pairs under the title: case number, date, who wrote it. */
  readonly rows: ReadonlyArray<readonly [string, string]>;
  readonly sections: ReadonlyArray<{
    readonly heading?: string;
    readonly text?: string;
    readonly rows?: ReadonlyArray<readonly [string, string]>;
    readonly bullets?: readonly string[];
  }>;
}

/**
 * A document of the case without an address block, as the archive keeps it (PDF/A-2b, fonts embedded):
 * an internal note (the assessment), a report as the recipient sent it, a message sent as e-mail.
 */
export async function renderRecord(raw: RecordContent): Promise<Uint8Array> {
  const content = printable(raw);
  const writer = await PdfLetterWriter.create({ title: content.title, language: content.writtenStandard });
  writer.paragraph(content.issuer).heading(content.title).rows(content.rows);
  for (const section of content.sections) {
    if (section.heading) writer.subheading(section.heading);
    if (section.text) writer.paragraph(section.text);
    if (section.rows && section.rows.length > 0) writer.rows(section.rows);
    if (section.bullets && section.bullets.length > 0) writer.bullets(section.bullets);
  }
  return writer.toBytes();
}
