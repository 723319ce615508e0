import { parseSettlementCsv } from './settlement-records.csv';

const HEADER = 'nationalIdNumber;organisationNumber;municipalityNumber;settlementDate;category;specialCriterion';

describe(parseSettlementCsv.name, () => {
  it('reads a spreadsheet file that starts with a byte order mark and has a line break inside a quoted value', () => {
    const csv = [
      `\uFEFF${HEADER}`,
      '01018512345;964338531;0301;2017-01-20;"single-',
      'adult";nei',
      '# a comment line',
      '"02029012345";"964;338531";0301;2017-01-21;child;ja',
      '',
    ].join('\r\n');
    const { records, problems } = parseSettlementCsv(csv);
    expect(problems).toEqual([]);
    expect(records.map(({ line, input }) => [line, input.nationalIdNumber, input.organisationNumber, input.category, input.specialCriterion])).toEqual([
      [2, '01018512345', '964338531', 'single-\nadult', false],
      [5, '02029012345', '964;338531', 'child', true],
    ]);
  });

  it('names lines as an editor numbers them, also after a value that spans lines', () => {
    const csv = [HEADER, '01018512345;964338531;0301;2017-01-20;"adult', '";nei', '02029012345;964338531;0301;2017-01-21', ''].join('\n');
    const { records, problems } = parseSettlementCsv(csv);
    expect(records.map((record) => record.line)).toEqual([2]);
    expect(problems).toEqual([{ field: 'line 4', rule: 'column-count', message: 'linje 4: har 4 kolonner, men overskriftslinjen har 6' }]);
  });

  it('names the line of a quote that is never closed', () => {
    const { records, problems } = parseSettlementCsv(
      [HEADER, '01018512345;964338531;0301;2017-01-20;adult;nei', '"02029012345;964338531;0301;2017-01-21;child;ja'].join('\n'),
    );
    expect(records).toEqual([]);
    expect(problems).toEqual([{ field: 'line 3', rule: 'csv-syntax', message: expect.stringMatching(/^linje 3: et anførselstegn/) }]);
  });
});
