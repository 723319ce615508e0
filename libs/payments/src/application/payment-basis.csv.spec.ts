import { csvField } from './payment-batches.service';

describe(csvField.name, () => {
  it('keeps a field on one line of the payment basis, without control characters', () => {
    expect(csvField('2017-Q1\r\nkorrigert\u0000')).toBe('2017-Q1  korrigert');
  });

  it('quotes a field holding the separator or a quote, so the columns stay where they are', () => {
    expect(csvField('a;b "c"')).toBe('"a;b ""c"""');
    expect(csvField('2017/00012')).toBe('2017/00012');
  });
});
