import { InvalidValueError } from '@imdi/kernel';
import { IsInt, IsString, Min } from 'class-validator';
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
  const filter = new ProblemDetailsFilter();

  it('lists every invalid and unknown field with its rule', async () => {
    const pipe = createValidationPipe();
    const error = await pipe
      .transform({ name: 7, count: 0, extra: true }, { type: 'body', metatype: ExampleDto })
      .catch((caught: unknown) => caught);
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
});
