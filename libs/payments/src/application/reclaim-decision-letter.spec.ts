import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Money } from '@imdi/kernel';
import { pdfA2bProblems } from '../../../../test/support/pdf-archive-check';
import { reclaimAppealDeadline } from '../domain/reclaim-notice';
import { renderReclaimDecisionLetter, type ReclaimDecisionLetterContent } from './reclaim-decision-letter';

const run = promisify(execFile);

/** The letter's text as poppler reads it, lines joined by single spaces. */
async function textOf(pdf: Uint8Array): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'imdi-reclaim-letter-'));
  try {
    const file = join(directory, 'letter.pdf');
    writeFileSync(file, pdf);
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    return stdout.replace(/\s+/g, ' ');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const content = (writtenStandard: 'nb' | 'nn', appealDeadline: string | null): ReclaimDecisionLetterContent => ({
  writtenStandard,
  agency: {
    name: 'Integrerings- og mangfoldsdirektoratet',
    shortName: 'IMDi',
    postalAddress: 'Postboks 8059 Dep, 0031 Oslo',
    organisationNumber: '974760673',
    email: 'post@imdi.no',
    phone: '24 16 88 00',
    website: 'www.imdi.no',
  },
  recipient: { name: 'Vikna kommune', organisationNumber: '938772924', attention: 'Kari', postalAddress: null },
  ourReference: '2017/00042-7',
  decidedOn: '2017-12-09',
  caseworker: { name: 'Siri Saksbehandler', title: writtenStandard === 'nn' ? 'sakshandsamar' : 'saksbehandler' },
  amount: Money.parseNok('12345.67'),
  dueOn: '2018-01-31',
  reason: 'Deler av midlene er ikke brukt etter formålet.',
  followsNotice: true,
  appealDeadline,
});

describe(renderReclaimDecisionLetter.name, () => {
  // Decided on Saturday 9 December 2017: three weeks on is Saturday 30 December, moved to Tuesday 2 January (fvl. § 30).
  const appealDeadline = reclaimAppealDeadline('2017-12-09');

  it('writes the decision in bokmål as PDF/A-2b: reference, amount in kroner and øre, due date, reasons and the appeal deadline', async () => {
    expect(appealDeadline).toBe('2018-01-02');
    const pdf = await renderReclaimDecisionLetter(content('nb', appealDeadline));
    expect(await pdfA2bProblems(Buffer.from(pdf))).toEqual([]);
    const text = await textOf(pdf);
    expect(text).toContain('Vedtak om tilbakebetaling av tilskudd');
    expect(text).toContain('Vår ref. 2017/00042-7');
    expect(text).toContain('Beløp som kreves tilbake 12 345,67 kr');
    expect(text).toContain('Betalingsfrist 31.01.2018');
    expect(text).toContain('Deler av midlene er ikke brukt etter formålet.');
    expect(text).toContain('Dere kan klage på vedtaket. Fristen er 02.01.2018');
  });

  it('writes it in nynorsk for an organisation with nynorsk as its written standard', async () => {
    const text = await textOf(await renderReclaimDecisionLetter(content('nn', appealDeadline)));
    expect(text).toContain('Vedtak om tilbakebetaling av tilskot');
    expect(text).toContain('Beløp som blir kravd tilbake 12 345,67 kr');
    expect(text).toContain('De kan klage på vedtaket. Fristen er 02.01.2018');
    expect(text).not.toContain('tilskudd');
  });

  it('says what the demand rests on, and offers no appeal, when the decision is no enkeltvedtak', async () => {
    const text = await textOf(await renderReclaimDecisionLetter(content('nb', null)));
    expect(text).toContain('Kravet følger av vilkårene i tilsagnsbrevet.');
    expect(text).not.toContain('klage');
  });
});
