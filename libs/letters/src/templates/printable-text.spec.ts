import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderNotice } from './notice.template';
import { printable } from './printable-text';

describe(printable.name, () => {
  it('removes control characters and lone surrogates from every string, keeping line breaks, letters of any script and emoji', () => {
    expect(printable({ name: 'Forening\u0007 Ål\u0000', rows: [['A', 'b\u0085c\td']], list: ['Вестбю 😀\n', '\uD800x'], count: 3 })).toEqual({
      name: 'Forening Ål',
      rows: [['A', 'bc d']],
      list: ['Вестбю 😀\n', 'x'],
      count: 3,
    });
  });

  it('lets a letter for a name with a control character read as the name', async () => {
    const pdf = await renderNotice({
      writtenStandard: 'nb',
      title: 'Forhåndsvarsel',
      frame: {
        agency: {
          name: 'Integrerings- og mangfoldsdirektoratet',
          shortName: 'IMDi',
          postalAddress: 'Postboks 8059 Dep, 0031 Oslo',
          organisationNumber: '988295388',
          email: 'postmottak@imdi.no',
          phone: '24 16 88 00',
          website: 'www.imdi.no',
        },
        recipient: { name: 'Venne\u0007foreningen', organisationNumber: '974760673', attention: 'Kari\u0001 Nordmann', postalAddress: null },
        ourReference: '2017/00001-2',
        yourReference: null,
        date: '01.03.2017',
        caseworker: null,
        approver: null,
        copyTo: [],
      },
      rows: [],
      sections: [{ text: 'Tekst.' }],
    });
    const folder = mkdtempSync(join(tmpdir(), 'imdi-letter-'));
    try {
      writeFileSync(join(folder, 'letter.pdf'), pdf);
      const { stdout } = await promisify(execFile)('pdftotext', [join(folder, 'letter.pdf'), '-']);
      expect(stdout).toContain('Venneforeningen');
      expect(stdout).toContain('Att.: Kari Nordmann');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
