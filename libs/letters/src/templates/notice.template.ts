import { PdfLetterWriter } from '../pdf/pdf-letter.writer';
import { printable } from './printable-text';
import { writeLetterBottom, writeLetterTop, type LetterFrame } from './letter-frame';

export interface NoticeContent {
  readonly writtenStandard: 'nb' | 'nn';
  readonly title: string;
  /** Letterhead, address block, reference line and signatures. */
  readonly frame: LetterFrame;
  readonly rows: ReadonlyArray<readonly [string, string]>;
  readonly sections: ReadonlyArray<{ readonly heading?: string; readonly text: string }>;
}

/** A short letter of fixed shape: the provisional answer (foreløpig svar), the assignment letter (oppdragsbrev), the advance notice of a reclaim. */
export async function renderNotice(raw: NoticeContent): Promise<Uint8Array> {
  const content = printable(raw);
  const writer = await PdfLetterWriter.create({ title: content.title, language: content.writtenStandard });
  writeLetterTop(writer, content.frame, content.writtenStandard);
  writer.heading(content.title).rows(content.rows);
  for (const section of content.sections) {
    if (section.heading) writer.subheading(section.heading);
    writer.paragraph(section.text);
  }
  writeLetterBottom(writer, content.frame, content.writtenStandard);
  return writer.toBytes();
}
