import { Money } from '@imdi/kernel';
import { toBankCharacterSet, writePain001, type CreditTransfer } from './pain001.writer';

describe(toBankCharacterSet.name, () => {
  it('keeps Norwegian letters and the characters banks accept', () => {
    expect(toBankCharacterSet("Bjørnøy Ål-og-Æ lag (BA) 12/3 ?:.,'+")).toBe("Bjørnøy Ål-og-Æ lag (BA) 12/3 ?:.,'+");
  });

  it('drops accents, spells out a few letters and replaces what banks cannot carry', () => {
    expect(toBankCharacterSet('Café Ünal & Søn – Straße')).toBe('Cafe Unal + Søn - Strasse');
    expect(toBankCharacterSet('Forening\u0007 for\u0000 alle\n')).toBe('Forening for alle');
    expect(toBankCharacterSet('Ансамбль «Друзья» 友好')).toBe('');
  });
});

describe(writePain001.name, () => {
  async function file(creditorName: string, createdAt: Date): Promise<string> {
    async function* transfers(): AsyncGenerator<CreditTransfer> {
      yield {
        endToEndId: 'IMDI1',
        amount: Money.ofKroner(100),
        creditorName,
        creditorAccount: '12345678903',
        remittance: 'Saksnr 2017/00001 <kap/post> 496.73',
      };
    }
    let xml = '';
    const header = {
      messageId: 'M1',
      createdAt,
      numberOfTransactions: 1,
      controlSum: Money.ofKroner(100),
      debtor: { name: 'IMDi', organisationNumber: '988295388', account: '12345678903', bic: 'DNBANOKK' },
    };
    for await (const chunk of writePain001(
      header,
      [{ executionDate: '2017-03-01', requestedExecutionDate: '2017-03-01', numberOfTransactions: 1, controlSum: Money.ofKroner(100) }],
      transfers,
    ))
      xml += chunk;
    return xml;
  }

  it('writes the creation time as Oslo time with its offset', async () => {
    expect(await file('Lag', new Date('2017-03-01T09:15:00Z'))).toContain('<CreDtTm>2017-03-01T10:15:00+01:00</CreDtTm>');
    expect(await file('Lag', new Date('2017-06-01T09:15:00Z'))).toContain('<CreDtTm>2017-06-01T11:15:00+02:00</CreDtTm>');
  });

  it('writes a creditor name without control characters, and a dash for a name with nothing left', async () => {
    const xml = await file('Forening\u0001 «Venner»', new Date('2017-03-01T09:15:00Z'));
    expect(xml).toContain('<Cdtr><Nm>Forening Venner</Nm></Cdtr>');
    expect(xml).toContain('<Ustrd>Saksnr 2017/00001 kap/post 496.73</Ustrd>');
    expect(await file('友好', new Date('2017-03-01T09:15:00Z'))).toContain('<Cdtr><Nm>-</Nm></Cdtr>');
  });
});
