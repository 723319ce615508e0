import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

export interface ArchiveMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject?: string;
  /** BCP 47, as the catalogue's /Lang: "nb-NO", "nn-NO". */
  readonly language: string;
  readonly producer: string;
}

const CREATOR = 'IMDi tilskuddsforvaltning';
// The sRGB IEC61966-2.1 profile that PDFKit ships (ICC v2, as PDF/A-2 readers expect).
let iccProfile: Uint8Array | undefined;
const deflatedSrgbProfile = (): Uint8Array =>
  (iccProfile ??= deflateSync(readFileSync(join(dirname(require.resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc'))));

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Makes the document PDF/A-2b (ISO 19005-2, level B), the form the archive (Noark 5) takes in:
 * XMP metadata that says so and agrees with the document information, an sRGB output intent for
 * the DeviceRGB colours drawn, and a file identifier. The fonts are embedded by the text writer.
 */
export function makeArchival(document: PDFDocument, meta: ArchiveMetadata): void {
  // XMP and the information dictionary must give the same instant; both hold whole seconds.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  document.setTitle(meta.title, { showInWindowTitleBar: true });
  document.setAuthor(meta.author);
  if (meta.subject) document.setSubject(meta.subject);
  document.setLanguage(meta.language);
  document.setProducer(meta.producer);
  document.setCreator(CREATOR);
  document.setCreationDate(now);
  document.setModificationDate(now);

  const context = document.context;
  const date = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const xmp = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<pdfaid:part>2</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    ...(meta.subject ? [`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.subject)}</rdf:li></rdf:Alt></dc:description>`] : []),
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(CREATOR)}</xmp:CreatorTool>`,
    `<pdf:Producer>${escapeXml(meta.producer)}</pdf:Producer>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
  // Unfiltered, so that archive tools can find the packet by scanning the file.
  const metadata = context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  document.catalog.set(PDFName.of('Metadata'), context.register(metadata));

  const profile = context.stream(deflatedSrgbProfile(), { N: 3, Filter: 'FlateDecode' });
  const outputIntent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(profile),
  });
  document.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(outputIntent)]));

  const id = PDFHexString.of(randomBytes(16).toString('hex'));
  context.trailerInfo.ID = context.obj([id, id]);
}
