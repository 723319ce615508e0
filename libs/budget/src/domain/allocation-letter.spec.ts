import { checkAllocationLetter, type AllocationLetterDocument } from './allocation-letter';
import { CsvFormatError, parseAllocationCsv } from './allocation-letter.csv';

const letter = (overrides: Partial<AllocationLetterDocument> = {}): AllocationLetterDocument => ({
  budgetYear: 2017,
  source: 'test',
  lines: [
    { chapter: '496', post: '60', name: 'Integreringstilskudd', amountNok: '1000' },
    { chapter: '496', post: '62', name: 'Kommunale innvandrertiltak', amountNok: '500', earmarks: [{ code: 'kum', name: 'KUM', amountNok: '200' }] },
  ],
  declaredTotals: [{ chapter: '496', post: null, amountNok: '1500' }],
  ...overrides,
});

describe(checkAllocationLetter.name, () => {
  it('accepts a letter whose totals add up', () => {
    const check = checkAllocationLetter(letter());
    expect(check.ok).toBe(true);
  });

  it('refuses a declared total that differs by one krone', () => {
    const check = checkAllocationLetter(letter({ declaredTotals: [{ chapter: '496', post: null, amountNok: '1501' }] }));
    expect(check).toMatchObject({ ok: false, mismatches: [{ chapter: '496', post: null, expected: '1501.00', found: '1500.00', difference: '-1.00' }] });
  });

  it('accepts a known mismatch only when it is acknowledged with a reason, and still reports it', () => {
    const check = checkAllocationLetter(
      letter({ declaredTotals: [{ chapter: '496', post: null, amountNok: '1400', acknowledgedMismatch: 'the letter itself is wrong here' }] }),
    );
    expect(check).toMatchObject({ ok: true, acknowledgedMismatches: [{ chapter: '496', acknowledged: 'the letter itself is wrong here' }] });
  });

  it("checks a post total against the post's lines", () => {
    const check = checkAllocationLetter(letter({ declaredTotals: [{ chapter: '496', post: '62', amountNok: '400' }] }));
    expect(check).toMatchObject({ ok: false, mismatches: [{ chapter: '496', post: '62', found: '500.00' }] });
  });

  it("requires a reason when a post's amount is left open", () => {
    const check = checkAllocationLetter(
      letter({ lines: [{ chapter: '496', post: '21', name: 'Spesielle driftsutgifter', amountNok: null }], declaredTotals: [] }),
    );
    expect(check).toMatchObject({ ok: false, problems: [{ rule: 'pending-needs-note' }] });
  });
});

describe(parseAllocationCsv.name, () => {
  it('reads posts, earmarks, totals and flags', () => {
    const document = parseAllocationCsv(
      [
        'type,chapter,post,code,name,amount_nok,flags',
        'post,496,61,,"Særskilt tilskudd, enslige mindreårige",3768338000,estimate',
        'earmark,496,61,x,X,1,',
        'total,496,,,Sum,3768338000,',
      ].join('\n'),
      2017,
      'csv',
    );
    expect(document.lines[0]).toMatchObject({ name: 'Særskilt tilskudd, enslige mindreårige', estimate: true, transferable: false, earmarks: [{ code: 'x' }] });
    expect(document.declaredTotals).toEqual([{ chapter: '496', post: null, amountNok: '3768338000' }]);
  });

  it('reads a spreadsheet file with a byte order mark and a line break inside a quoted name', () => {
    const document = parseAllocationCsv(
      [
        '\uFEFFtype,chapter,post,code,name,amount_nok,flags',
        '# year=2017',
        'post,496,62,,"Kommunale innvandrertiltak,',
        'jf. Prop. 1 S",160670000,transferable',
        'total,496,,,Sum,160670000,',
      ].join('\r\n'),
      2017,
      'csv',
    );
    expect(document.lines).toEqual([
      expect.objectContaining({ chapter: '496', post: '62', name: 'Kommunale innvandrertiltak,\njf. Prop. 1 S', amountNok: '160670000', transferable: true }),
    ]);
    expect(document.declaredTotals).toEqual([{ chapter: '496', post: null, amountNok: '160670000' }]);
  });

  it('refuses a quote that is never closed, naming its line', () => {
    expect(() =>
      parseAllocationCsv(
        'type,chapter,post,code,name,amount_nok,flags\npost,496,61,,Enslige,1,\n\npost,496,62,,"Kommunale,1,\ntotal,496,,,Sum,1,',
        2017,
        'csv',
      ),
    ).toThrow(/linje 4: et anførselstegn/);
  });

  it('refuses an earmark before its post and an unknown row type', () => {
    expect(() => parseAllocationCsv('type,chapter,post,code,name,amount_nok,flags\nearmark,496,62,x,X,1,', 2017, 'csv')).toThrow(CsvFormatError);
    expect(() => parseAllocationCsv('type,chapter,post,code,name,amount_nok,flags\nsum,496,,,X,1,', 2017, 'csv')).toThrow(/type must be/);
  });
});
