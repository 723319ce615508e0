import { formatAmount, formatDate, formatFigure, formatNok, fromOre, normaliseAmount, toOre } from './format';

const NBSP = '\u00a0';

describe('amounts in the web front end', () => {
  it('formats the API\'s decimal strings with Norwegian grouping and a decimal comma', () => {
    expect(formatNok('600000.5')).toBe(`600${NBSP}000,50${NBSP}kr`);
    expect(formatNok('1234567890.05')).toBe(`1${NBSP}234${NBSP}567${NBSP}890,05${NBSP}kr`);
    expect(formatNok('0.00')).toBe(`0,00${NBSP}kr`);
    expect(formatAmount('-250.00')).toBe('−250,00');
    expect(formatNok(null)).toBe('–');
  });

  it('keeps amounts beyond floating point exact', () => {
    // 2^53 + 1 øre: a float would round it away.
    expect(formatAmount('90071992547409.93')).toBe(`90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,93`);
    expect(fromOre(toOre('90071992547409.93') + 1n)).toBe('90071992547409.94');
    expect(fromOre(toOre('0.1') + toOre('0.2'))).toBe('0.30');
  });

  it('reads amounts the way people type them, and refuses what is not an amount', () => {
    expect(normaliseAmount('600 000')).toBe('600000');
    expect(normaliseAmount('600\u00a0000,5')).toBe('600000.5');
    expect(normaliseAmount(' 1 234,50 kr')).toBe('1234.50');
    expect(normaliseAmount('007')).toBe('7');
    expect(normaliseAmount('1.234.567')).toBeUndefined();
    expect(normaliseAmount('12,345')).toBeUndefined();
    expect(normaliseAmount('-5')).toBeUndefined();
    expect(normaliseAmount('fem')).toBeUndefined();
  });

  it('shows calendar dates as Norwegians write them, without a time zone shifting the day', () => {
    expect(formatDate('2017-03-01')).toBe('01.03.2017');
  });
});

describe("figures in the reporting jobs' tables", () => {
  it('writes each kind of cell from what the API sent, without arithmetic', () => {
    expect(formatFigure('nok', '14085000.00')).toBe(`14${NBSP}085${NBSP}000,00`);
    expect(formatFigure('nok', '-24975000.00')).toBe(`−24${NBSP}975${NBSP}000,00`);
    // Beyond 2^53 øre an amount would lose its last øre as a float; as a string it cannot.
    expect(formatFigure('nok', '90071992547409.93')).toBe(`90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,93`);
    expect(formatFigure('count', 12345)).toBe(`12${NBSP}345`);
    expect(formatFigure('count', 0)).toBe('0');
    expect(formatFigure('days', '40.0')).toBe('40,0');
    expect(formatFigure('days', null)).toBe('–');
    expect(formatFigure('text', '496.73')).toBe('496.73');
  });
});
