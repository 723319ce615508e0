import { Readable } from 'node:stream';
import { endsOnCharacterBoundary, readSpooled, spoolBankFile, type SpooledFile } from './bank-file.spool';

async function text(file: SpooledFile): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of readSpooled(file)) chunks.push(chunk);
  return chunks;
}

describe('the spooled bank file read back as text', () => {
  it('keeps Norwegian letters whole where a megabyte chunk ends inside one, and ASCII chunks as they are', async () => {
    // 'æ' is two bytes in UTF-8: the first chunk ends after its first byte.
    const xml = `<a>${'x'.repeat((1 << 20) - 4)}æøå</a>${'y'.repeat(1 << 20)}<b>Ærlig talt</b>`;
    const file = await spoolBankFile(Readable.from([Buffer.from(xml, 'utf8')]), 10 * 1024 * 1024);
    try {
      const chunks = await text(file);
      expect(chunks.join('')).toBe(xml);
      expect(chunks.length).toBeGreaterThanOrEqual(3);
    } finally {
      await file.remove();
    }
  });

  it('knows where a UTF-8 character is cut off', () => {
    const ae = Buffer.from('æ', 'utf8');
    const euro = Buffer.from('€', 'utf8');
    expect([
      endsOnCharacterBoundary(Buffer.from('abc')),
      endsOnCharacterBoundary(ae),
      endsOnCharacterBoundary(ae.subarray(0, 1)),
      endsOnCharacterBoundary(euro.subarray(0, 2)),
      endsOnCharacterBoundary(euro),
    ]).toEqual([true, true, false, false, true]);
  });
});
