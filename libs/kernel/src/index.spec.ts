import * as kernel from './index';

describe('kernel index', () => {
  it('accepts every value object and the domain errors as named exports', () => {
    expect(Object.keys(kernel).sort()).toEqual(
      [
        'AccountNumber',
        'BudgetPost',
        'DomainError',
        'InvalidValueError',
        'Money',
        'MunicipalityNumber',
        'NationalIdNumber',
        'OrganisationNumber',
      ].sort(),
    );
  });
});
