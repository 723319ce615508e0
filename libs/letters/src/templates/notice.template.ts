import { PdfLetterWriter } from '../pdf/pdf-letter.writer';

export interface NoticeContent {
  readonly writtenStandard: 'nb' | 'nn';
  readonly title: string;
  readonly rows: ReadonlyArray<readonly [string, string]>;
  readonly sections: ReadonlyArray<{ readonly heading?: string; readonly text: string }>;
}

/** A short letter of fixed shape: the provisional answer (foreløpig svar), the assignment letter (oppdragsbrev). */
export async function renderNotice(content: NoticeContent): Promise<Uint8Array> {
  const writer = await PdfLetterWriter.create({ title: content.title, language: content.writtenStandard });
  writer.heading(content.title).rows(content.rows);
  for (const section of content.sections) {
    if (section.heading) writer.subheading(section.heading);
    writer.paragraph(section.text);
  }
  return writer.toBytes();
}
