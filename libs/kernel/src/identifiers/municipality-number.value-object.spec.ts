import { InvalidValueError } from '../errors/domain.error';
import { MunicipalityNumber } from './municipality-number.value-object';

function refusal(action: () => unknown): InvalidValueError {
  try {
    action();
  } catch (error: unknown) {
    if (error instanceof InvalidValueError) return error;
    throw error;
  }
  throw new Error('expected an InvalidValueError');
}

describe(MunicipalityNumber.name, () => {
  it('accepts "0301" (Oslo) and keeps the leading zero', () => {
    const oslo = MunicipalityNumber.of('0301');
    expect(oslo.value).toBe('0301');
    expect(oslo.toString()).toBe('0301');
    expect(oslo.countyNumber).toBe('03');
    expect(JSON.stringify({ kommune: oslo })).toBe('{"kommune":"0301"}');
  });

  it.each(['4601', '5001', '1103', ' 3201 '])('accepts %j', (input) => {
    expect(MunicipalityNumber.of(input).value).toBe(input.trim());
  });

  it.each(['0001', '0099', '0000'])('refuses %j with county 00', (input) => {
    const error = refusal(() => MunicipalityNumber.of(input, 'residenceMunicipality'));
    expect(error).toMatchObject({
      code: 'INVALID_VALUE',
      field: 'residenceMunicipality',
      rule: 'county-not-zero',
    });
    expect(error.message).toContain('residenceMunicipality');
  });

  it.each(['', '301', '03010', '03 01', 'O301', '-301'])('refuses %j, which is not four digits', (input) => {
    const error = refusal(() => MunicipalityNumber.of(input));
    expect(error).toMatchObject({ field: 'municipalityNumber', rule: 'four-digits' });
    expect(error.message).toContain('municipalityNumber');
  });

  it('accepts equality by value', () => {
    expect(MunicipalityNumber.of('0301').equals(MunicipalityNumber.of(' 0301'))).toBe(true);
    expect(MunicipalityNumber.of('0301').equals(MunicipalityNumber.of('4601'))).toBe(false);
  });
});
