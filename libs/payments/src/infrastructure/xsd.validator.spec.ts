import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateAgainstSchema } from './xsd.validator';

const STATUS_REPORT = (group: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>' +
  '<GrpHdr><MsgId>DNB-1</MsgId><CreDtTm>2023-03-15T09:00:00</CreDtTm></GrpHdr>\n' +
  `<OrgnlGrpInfAndSts>${group}</OrgnlGrpInfAndSts></CstmrPmtStsRpt></Document>\n`;

describe('validation of a bank file against the vendored official ISO 20022 schema', () => {
  const directory = mkdtempSync(join(tmpdir(), 'xsd-validator-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const validate = (name: string, xml: string) => {
    const path = join(directory, name);
    writeFileSync(path, xml);
    return validateAgainstSchema(path, 'pain.002.001.03');
  };

  it('accepts a pain.002.001.03 status report that follows the schema', async () => {
    expect(await validate('ok.xml', STATUS_REPORT('<OrgnlMsgId>ABC</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>ACCP</GrpSts>'))).toEqual({
      valid: true,
    });
  });

  it('names the line, the element and the broken rule in Norwegian', async () => {
    expect(await validate('code.xml', STATUS_REPORT('<OrgnlMsgId>ABC</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>OK</GrpSts>'))).toEqual({
      valid: false,
      wellFormed: true,
      problems: [expect.stringMatching(/^linje 3: GrpSts: verdien «OK» er ikke en av de tillatte kodene \(.*PART.*\)$/)],
    });
    expect(await validate('order.xml', STATUS_REPORT('<OrgnlMsgId>ABC</OrgnlMsgId><GrpSts>ACCP</GrpSts>'))).toMatchObject({
      valid: false,
      problems: ['linje 3: elementet GrpSts er ikke tillatt her; skjemaet venter OrgnlMsgNmId'],
    });
    expect(await validate('long.xml', STATUS_REPORT(`<OrgnlMsgId>${'A'.repeat(36)}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId>`))).toMatchObject({
      valid: false,
      problems: ['linje 3: OrgnlMsgId: verdien er 36 tegn lang, men høyst 35 tegn er tillatt'],
    });
  });

  it('tells a file that is not well-formed XML apart from one that breaks the schema', async () => {
    const verdict = await validate('broken.xml', STATUS_REPORT('<OrgnlMsgId>ABC</OrgnlMsgId>').replace('</CstmrPmtStsRpt>', ''));
    expect(verdict).toMatchObject({ valid: false, wellFormed: false, problems: [expect.stringMatching(/^linje \d+: XML-feil: /)] });
  });
});
