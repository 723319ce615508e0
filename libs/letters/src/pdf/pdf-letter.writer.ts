import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { FontStyle } from './fonts';
import { makeArchival, type ArchiveMetadata } from './pdf-archive';
import { PdfTextWriter } from './pdf-text.writer';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const BODY_SIZE = 10.5;
const LINE = 1.35;

/** Writes a simple, accessible A4 letter (PDF/A-2b): headings, paragraphs, label/value rows and lists, in any script. */
export class PdfLetterWriter {
  private page!: PDFPage;
  private y = 0;

  private constructor(
    private readonly document: PDFDocument,
    private readonly text: PdfTextWriter,
    private readonly meta: ArchiveMetadata,
  ) {
    this.newPage();
  }

  static async create(meta: { title: string; language: 'nb' | 'nn'; subject?: string }): Promise<PdfLetterWriter> {
    const document = await PDFDocument.create();
    return new PdfLetterWriter(document, await PdfTextWriter.create(document), {
      title: meta.title,
      language: meta.language === 'nn' ? 'nn-NO' : 'nb-NO',
      subject: meta.subject,
      author: 'Integrerings- og mangfoldsdirektoratet (IMDi)',
      producer: 'IMDi tilskuddsforvaltning',
    });
  }

  heading(text: string, size = 15): this {
    this.space(size * 0.6);
    this.lines(text, 'bold', size);
    this.space(size * 0.3);
    return this;
  }

  subheading(text: string): this {
    return this.heading(text, 12);
  }

  paragraph(text: string): this {
    for (const part of text.split('\n')) this.lines(part, 'regular', BODY_SIZE);
    this.space(BODY_SIZE * 0.5);
    return this;
  }

  /** Label and value side by side, the label in bold. */
  rows(rows: ReadonlyArray<readonly [string, string]>): this {
    const labelWidth = 170;
    for (const [label, value] of rows) {
      const labelLines = this.text.wrap(label, BODY_SIZE, labelWidth - 8, 'bold');
      const valueLines = this.text.wrap(value, BODY_SIZE, PAGE.width - 2 * MARGIN - labelWidth);
      const height = Math.max(labelLines.length, valueLines.length);
      this.ensureRoom(BODY_SIZE * LINE * height);
      labelLines.forEach((line, index) => this.text.draw(this.page, line, { x: MARGIN, y: this.y - index * BODY_SIZE * LINE, size: BODY_SIZE, style: 'bold' }));
      valueLines.forEach((line, index) => this.text.draw(this.page, line, { x: MARGIN + labelWidth, y: this.y - index * BODY_SIZE * LINE, size: BODY_SIZE }));
      this.y -= BODY_SIZE * LINE * Math.max(1, height);
    }
    this.space(BODY_SIZE * 0.5);
    return this;
  }

  bullets(items: readonly string[]): this {
    for (const item of items) this.lines(`•  ${item}`, 'regular', BODY_SIZE, 12);
    this.space(BODY_SIZE * 0.5);
    return this;
  }

  async toBytes(): Promise<Uint8Array> {
    const pages = this.document.getPages();
    pages.forEach((page, index) => {
      this.text.draw(page, `Side ${index + 1} av ${pages.length}`, { x: PAGE.width - MARGIN - 60, y: MARGIN / 2, size: 8, color: rgb(0.3, 0.3, 0.3) });
    });
    this.text.finish();
    makeArchival(this.document, this.meta);
    // Object streams would be deflated by pdf-lib in JavaScript: the slowest step of a letter.
    return this.document.save({ useObjectStreams: false });
  }

  private lines(text: string, style: FontStyle, size: number, indent = 0): void {
    for (const line of this.text.wrap(text, size, PAGE.width - 2 * MARGIN - indent, style)) {
      this.ensureRoom(size * LINE);
      this.text.draw(this.page, line, { x: MARGIN + indent, y: this.y, size, style });
      this.y -= size * LINE;
    }
  }

  private space(points: number): void {
    this.y -= points;
  }

  private ensureRoom(points: number): void {
    if (this.y - points < MARGIN) this.newPage();
  }

  private newPage(): void {
    this.page = this.document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }
}
