import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pdfA2bProblems } from '../../../../test/support/pdf-archive-check';
import { PdfLetterWriter } from './pdf-letter.writer';

const run = promisify(execFile);

const NAMES = {
  tigrinya: 'Tesfaye Gebremedhin ተስፋይ ገብረመድህን',
  arabic: 'محمد عبدالله',
  persian: 'فاطمه رضایی',
  northSami: 'Ásllat Sárá Niillas Ánde',
  samiLetters: 'Čáhppes Ŋoađđi Šiellat Ŧžđ',
  cyrillic: 'Александр Иванов',
  somali: 'Cabdullaahi Maxamed Xasan',
};

async function letterWithNames(): Promise<Uint8Array> {
  const writer = await PdfLetterWriter.create({ title: 'Navn i alle skrifter', language: 'nb' });
  writer.heading(`Tilskuddsbrev til ${NAMES.arabic}`);
  writer.rows(Object.values(NAMES).map((name, index) => [`Mottaker ${index + 1}`, `${name} (org.nr. 974760673)`] as const));
  for (const name of Object.values(NAMES)) writer.paragraph(`Vi har mottatt søknaden fra ${name} og vil behandle den innen tre uker.`);
  return writer.toBytes();
}

/** Text as poppler reads it back, and the first page as a picture in test-artifacts/letters/. */
async function readBack(pdf: Uint8Array, name: string): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'imdi-letter-'));
  try {
    const file = join(directory, 'letter.pdf');
    writeFileSync(file, pdf);
    const artifacts = join(__dirname, '..', '..', '..', '..', 'test-artifacts', 'letters');
    mkdirSync(artifacts, { recursive: true });
    await run('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', file, join(artifacts, name)]);
    const { stdout } = await run('pdftotext', [file, '-']);
    // poppler marks a right-to-left stretch inside a left-to-right line with the invisible
    // embedding controls RLE ... PDF (U+202B, U+202C); the characters between are the name.
    return stdout.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe(PdfLetterWriter.name, () => {
  it('writes names in any script so that a reader gets each of them back exactly', async () => {
    const text = await readBack(await letterWithNames(), 'names-in-all-scripts');
    const squeezed = text.replace(/\s+/g, '');
    for (const name of Object.values(NAMES)) {
      // Each name whole, in reading order, its inner spaces as written.
      expect(text).toContain(name);
      // In its sentence. poppler moves the space after a right-to-left stretch to before it (its
      // reorderText takes the neutral characters up to the next left-to-right letter into the
      // reversed stretch), so the sentence is compared without spaces.
      expect(squeezed).toContain(`Vihar mottattsøknadenfra${name}ogvilbehandledeninnentreuker.`.replace(/\s+/g, ''));
    }
    for (const name of [NAMES.tigrinya, NAMES.northSami, NAMES.samiLetters, NAMES.cyrillic, NAMES.somali]) {
      expect(text.replace(/\s+/g, ' ')).toContain(`Vi har mottatt søknaden fra ${name} og vil behandle den innen tre uker.`);
      expect(text).toContain(`${name} (org.nr. 974760673)`);
    }
    expect(text).toContain(`Tilskuddsbrev til ${NAMES.arabic}`);
  });

  it('writes PDF/A-2b: XMP identification, embedded fonts, an sRGB output intent and a file identifier', async () => {
    expect(await pdfA2bProblems(await letterWithNames())).toEqual([]);
  });
});
