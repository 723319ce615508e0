import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { withTemporaryFile } from './temporary-file';

const run = promisify(execFile);

/**
 * What can be checked of PDF/A-2b here without veraPDF: the XMP identification (part 2,
 * conformance B), every font embedded (poppler's pdffonts), an sRGB output intent with an ICC
 * profile, a file identifier, and the binary comment after the header. Returns what is wrong.
 */
export async function pdfA2bProblems(pdf: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  await withTemporaryFile('document.pdf', pdf, async (file) => {
    const { stdout: xmp } = await run('pdfinfo', ['-meta', file]);
    if (!/<pdfaid:part>2<\/pdfaid:part>/.test(xmp)) problems.push('XMP lacks pdfaid:part 2');
    if (!/<pdfaid:conformance>B<\/pdfaid:conformance>/.test(xmp)) problems.push('XMP lacks pdfaid:conformance B');
    const { stdout: info } = await run('pdfinfo', [file]);
    const title = /^Title:\s+(.*)$/m.exec(info)?.[1];
    if (!title || !xmp.includes(`<rdf:li xml:lang="x-default">${title}</rdf:li>`)) problems.push(`XMP dc:title differs from the Title ${title}`);
    const { stdout: fonts } = await run('pdffonts', [file]);
    const fontRows = fonts
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    if (fontRows.length === 0) problems.push('no fonts');
    for (const row of fontRows) if (!/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(row)) problems.push(`font not embedded: ${row}`);
  });
  const header = Buffer.from(pdf.subarray(0, 16));
  if (!header.toString('latin1').startsWith('%PDF-1.') || header.subarray(9, 14).some((byte, index) => (index === 0 ? byte !== 0x25 : byte <= 127)))
    problems.push('no binary comment after the header');
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const intents = document.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const intent = intents?.lookupMaybe(0, PDFDict);
  if (intent?.get(PDFName.of('S'))?.toString() !== '/GTS_PDFA1') problems.push('no GTS_PDFA1 output intent');
  const identifier = intent?.lookupMaybe(PDFName.of('OutputConditionIdentifier'), PDFString, PDFHexString)?.decodeText();
  if (identifier !== 'sRGB IEC61966-2.1') problems.push(`output condition is ${identifier}`);
  const profile = intent?.lookup(PDFName.of('DestOutputProfile'));
  const icc = profile instanceof PDFRawStream ? inflateSync(profile.getContents()) : Buffer.alloc(0);
  const components = profile instanceof PDFRawStream ? profile.dict.get(PDFName.of('N'))?.toString() : undefined;
  if (icc.toString('latin1', 36, 40) !== 'acsp' || icc.toString('latin1', 16, 20) !== 'RGB ' || components !== '3')
    problems.push('output intent has no RGB ICC profile');
  if (!(document.context.trailerInfo.ID instanceof PDFArray)) problems.push('no file identifier (trailer ID)');
  return problems;
}
