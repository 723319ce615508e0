import { NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InvalidValueError } from '@imdi/kernel';
import { QueryFailedError } from 'typeorm';
import { IsInt, IsString, Min } from 'class-validator';
import { DomainErrorStatuses } from './domain-error-statuses';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.problem';

class ExampleDto {
  @IsString()
  name: string;

  @IsInt()
  @Min(1)
  count: number;
}

describe(ProblemDetailsFilter.name, () => {
  const filter = new ProblemDetailsFilter(new DomainErrorStatuses([]));

  it('lists every invalid and unknown field with its rule', async () => {
    const pipe = createValidationPipe();
    const error = await pipe.transform({ name: 7, count: 0, extra: true }, { type: 'body', metatype: ExampleDto }).catch((caught: unknown) => caught);
    const problem = filter.toProblem(error);
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', rule: 'isString' }),
        expect.objectContaining({ field: 'count', rule: 'min' }),
        expect.objectContaining({ field: 'extra', rule: 'unknown-field' }),
      ]),
    );
  });

  it('turns a refused value object into 400 naming the field and rule', () => {
    const problem = filter.toProblem(new InvalidValueError('accountNumber', 'mod11-check-digit', 'accountNumber fails its check digit'));
    expect(problem).toMatchObject({ status: 400, code: 'INVALID_VALUE', errors: [{ field: 'accountNumber', rule: 'mod11-check-digit' }] });
  });

  it.each([
    ['23505', 409, 'ALREADY_EXISTS'],
    ['23503', 409, 'REFERENCE_NOT_FOUND'],
    ['23514', 422, 'VALUE_NOT_ALLOWED'],
    ['22P02', 400, 'VALUE_MALFORMED'],
    ['22008', 400, 'DATE_INVALID'],
  ])('answers a database refusal %s that no check caught with %i %s, never 500', (sqlState, status, code) => {
    const error = new QueryFailedError('INSERT …', [], Object.assign(new Error('refused'), { code: sqlState }));
    const problem = filter.toProblem(error);
    expect([problem.status, problem.code]).toEqual([status, code]);
    expect(problem.detail).toMatch(/[æøå]|\b(og|ikke|er)\b/);
  });

  it('still answers an unknown database failure with 500', () => {
    expect(filter.toProblem(new QueryFailedError('SELECT …', [], Object.assign(new Error('gone'), { code: '57P01' }))).status).toBe(500);
  });

  it("says the framework's refusals in bokmål, and keeps a guard's own bokmål detail", () => {
    expect(filter.toProblem(new NotFoundException('Cannot GET /x'))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      detail: 'Fant ikke det du ba om. Sjekk adressen.',
    });
    expect(filter.toProblem(new UnauthorizedException({ detail: 'Innloggingen er utløpt. Logg inn på nytt.' })).detail).toBe(
      'Innloggingen er utløpt. Logg inn på nytt.',
    );
  });
});
