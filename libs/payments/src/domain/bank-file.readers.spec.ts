import { oreOf, readCamt054 } from './camt054.reader';
import { readPain002 } from './pain002.reader';

async function* chunked(xml: string, size: number): AsyncGenerator<string> {
  for (let start = 0; start < xml.length; start += size) yield xml.slice(start, start + size);
}

const CAMT = `<?xml version="1.0" encoding="UTF-8"?>
<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><c:BkToCstmrDbtCdtNtfctn>
<c:GrpHdr><c:MsgId>NTF-7</c:MsgId><c:CreDtTm>2023-03-16T07:00:00</c:CreDtTm></c:GrpHdr>
<c:Ntfctn><c:Id>1</c:Id><c:CreDtTm>2023-03-16T07:00:00</c:CreDtTm><c:Acct><c:Id><c:Othr><c:Id>76940512057</c:Id></c:Othr></c:Id></c:Acct>
<c:Ntry><c:Amt Ccy="NOK">300.50</c:Amt><c:CdtDbtInd>DBIT</c:CdtDbtInd><c:Sts>BOOK</c:Sts><c:BookgDt><c:Dt>2023-03-16</c:Dt></c:BookgDt>
  <c:BkTxCd/><c:NtryDtls>
    <c:TxDtls><c:Refs><c:MsgId>ABC</c:MsgId><c:EndToEndId>IMDI1</c:EndToEndId></c:Refs><c:AmtDtls><c:TxAmt><c:Amt Ccy="NOK">100.25</c:Amt></c:TxAmt></c:AmtDtls></c:TxDtls>
    <c:TxDtls><c:Refs><c:MsgId>ABC</c:MsgId><c:EndToEndId>IMDI2</c:EndToEndId></c:Refs><c:AmtDtls><c:InstdAmt><c:Amt Ccy="NOK">200.25</c:Amt></c:InstdAmt></c:AmtDtls></c:TxDtls>
  </c:NtryDtls></c:Ntry>
<c:Ntry><c:Amt Ccy="NOK">5</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts>PDNG</c:Sts><c:BkTxCd/></c:Ntry>
<c:Ntry><c:Amt Ccy="NOK">42.00</c:Amt><c:CdtDbtInd>DBIT</c:CdtDbtInd><c:Sts>BOOK</c:Sts><c:BookgDt><c:DtTm>2023-03-17T10:00:00</c:DtTm></c:BookgDt><c:BkTxCd/>
  <c:NtryDtls><c:TxDtls><c:Refs><c:EndToEndId>IMDI3</c:EndToEndId></c:Refs></c:TxDtls></c:NtryDtls></c:Ntry>
</c:Ntfctn></c:BkToCstmrDbtCdtNtfctn></c:Document>`;

describe('bank file readers', () => {
  it('reads each transaction of a batch-booked camt.054 entry with its own amount, whatever the prefix and the chunking', async () => {
    let header = '';
    const read = [];
    for await (const page of readCamt054(chunked(CAMT, 7), (found) => (header = found.messageId))) read.push(...page);
    expect(header).toBe('NTF-7');
    expect(read).toEqual([
      {
        messageId: 'ABC',
        paymentInformationId: null,
        endToEndId: 'IMDI1',
        amount: '100.25',
        currency: 'NOK',
        creditDebit: 'DBIT',
        status: 'BOOK',
        bookingDate: '2023-03-16',
      },
      {
        messageId: 'ABC',
        paymentInformationId: null,
        endToEndId: 'IMDI2',
        amount: '200.25',
        currency: 'NOK',
        creditDebit: 'DBIT',
        status: 'BOOK',
        bookingDate: '2023-03-16',
      },
      { messageId: null, paymentInformationId: null, endToEndId: null, amount: '5', currency: 'NOK', creditDebit: 'CRDT', status: 'PDNG', bookingDate: null },
      // The entry's only transaction, without an amount of its own: the entry's amount is its.
      {
        messageId: null,
        paymentInformationId: null,
        endToEndId: 'IMDI3',
        amount: '42.00',
        currency: 'NOK',
        creditDebit: 'DBIT',
        status: 'BOOK',
        bookingDate: '2023-03-17',
      },
    ]);
  });

  it('refuses XML that is not well-formed', async () => {
    const pages = readCamt054(chunked(CAMT.replace('</c:Ntfctn>', ''), 100), () => undefined);
    await expect(
      (async () => {
        for await (const page of pages) void page;
      })(),
    ).rejects.toThrow(/mismatch|unclosed|close/i);
  });

  it('follows comments, processing instructions, CDATA, references, quoted values and empty elements, split anywhere', async () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Document [ <!ELEMENT Document ANY> ]>
<!-- sent > by the bank -->
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>A&amp;B&#x2F;&#248;<![CDATA[<ø>]]></MsgId><?bank note?></GrpHdr>
<Ntfctn><Id/><Ntry><Amt Ccy='NOK' x="a>b">1&#46;50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2023-03-16</Dt></BookgDt><BkTxCd/>
<NtryDtls><TxDtls><Refs><!-- <EndToEndId>IMDI8</EndToEndId> --><EndToEndId> IMDI7 </EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
`;
    for (const size of [1, 2, 3, 5, 8, 13, 64, xml.length]) {
      let header = '';
      const read = [];
      for await (const page of readCamt054(chunked(xml, size), (found) => (header = found.messageId))) read.push(...page);
      expect({ size, header, read }).toEqual({
        size,
        header: 'A&B/ø<ø>',
        read: [
          {
            messageId: null,
            paymentInformationId: null,
            endToEndId: 'IMDI7',
            amount: '1.50',
            currency: 'NOK',
            creditDebit: 'DBIT',
            status: 'BOOK',
            bookingDate: '2023-03-16',
          },
        ],
      });
    }
  });

  it('refuses a file that ends inside an element or a tag, or has an unknown entity', async () => {
    const readAll = async (xml: string) => {
      for await (const page of readCamt054(chunked(xml, 10), () => undefined)) void page;
    };
    await expect(readAll(CAMT.slice(0, CAMT.length - 30))).rejects.toThrow(/ends/);
    await expect(readAll(CAMT.slice(0, CAMT.indexOf('<c:Sts>') + 4))).rejects.toThrow(/ends/);
    await expect(readAll(CAMT.replace('NTF-7', 'NTF&nbsp;7'))).rejects.toThrow(/entity/);
  });

  it('hands a long file on in pages of 5000 transactions as it reads, each page ending with an entry, however large the chunks', async () => {
    const entry = (n: number) =>
      `<Ntry><Amt Ccy="NOK">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2023-03-16</Dt></BookgDt><BkTxCd/>` +
      `<NtryDtls><TxDtls><Refs><EndToEndId>IMDI${n}</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>`;
    const numbers = Array.from({ length: 12_001 }, (_, index) => index + 1);
    const xml = CAMT.replace(/<c:Ntry>[\s\S]*<\/c:Ntry>/, '').replace(
      '<c:Ntfctn>',
      `<c:Ntfctn xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">${numbers.map(entry).join('')}`,
    );
    const pages: string[][] = [];
    for await (const page of readCamt054(chunked(xml, xml.length), () => undefined)) pages.push(page.map((transaction) => transaction.endToEndId ?? ''));
    expect(pages.map((page) => page.length)).toEqual([5000, 5000, 2001]);
    expect(pages.flat()).toEqual(numbers.map((n) => `IMDI${n}`));
  });

  it('turns ISO decimals into øre and refuses fractions of an øre', () => {
    expect([oreOf('1234.5'), oreOf('0.01'), oreOf('12'), oreOf('1.00000'), oreOf('1.001'), oreOf('-1'), oreOf('1e3')]).toEqual([
      '123450',
      '1',
      '1200',
      '100',
      null,
      null,
      null,
    ]);
  });

  it('reads a pain.002: the group status, a rejected transaction and the reason at the level it was given', async () => {
    const report = await readPain002(
      chunked(
        `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt><GrpHdr><MsgId>S1</MsgId></GrpHdr>
         <OrgnlGrpInfAndSts><OrgnlMsgId>M1</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
         <OrgnlPmtInfAndSts><OrgnlPmtInfId>P1</OrgnlPmtInfId><StsRsnInf><Rsn><Cd>MS03</Cd></Rsn></StsRsnInf>
           <TxInfAndSts><OrgnlEndToEndId>IMDI9</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
           <TxInfAndSts><OrgnlEndToEndId>IMDI10</OrgnlEndToEndId><TxSts>RJCT</TxSts></TxInfAndSts>
         </OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>`,
        13,
      ),
    );
    expect(report).toEqual({
      messageId: 'S1',
      originalMessageId: 'M1',
      originalMessageName: 'pain.001.001.03',
      groupStatus: 'PART',
      groupReasonCode: null,
      paymentInformation: [
        {
          originalPaymentInformationId: 'P1',
          status: null,
          reasonCode: 'MS03',
          transactions: [
            { originalEndToEndId: 'IMDI9', status: 'RJCT', reasonCode: 'AC04' },
            { originalEndToEndId: 'IMDI10', status: 'RJCT', reasonCode: null },
          ],
        },
      ],
    });
  });
});
