import 'reflect-metadata';
import { IsInt, IsString, MinLength, validate, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Line {
  @IsInt()
  amount!: number;
}

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];
}

const failedRules = async (value: object) =>
  (await validate(value)).flatMap(function rules(error): string[] {
    return [...Object.keys(error.constraints ?? {}), ...(error.children ?? []).flatMap(rules)];
  });

describe(cacheValidationMetadata.name, () => {
  beforeAll(() => cacheValidationMetadata());

  it('still applies inherited and nested rules, the same on every call', async () => {
    const invalid = Object.assign(new Child(), { name: 7, lines: [Object.assign(new Line(), { amount: 'x' })] });
    expect((await failedRules(invalid)).sort()).toEqual(['isInt', 'isString']);
    expect((await failedRules(invalid)).sort()).toEqual(['isInt', 'isString']);
    expect(await failedRules(Object.assign(new Child(), { name: 'ok', lines: [Object.assign(new Line(), { amount: 1 })] }))).toEqual([]);
  });

  it('sees a rule added after a class was first validated', async () => {
    class Late {
      @IsString()
      title!: string;
    }
    expect(await failedRules(Object.assign(new Late(), { title: 'a' }))).toEqual([]);
    // What a class loaded later does: adds rules to a class the cache has already answered for.
    MinLength(2)(Late.prototype, 'title');
    expect(await failedRules(Object.assign(new Late(), { title: 'a' }))).toEqual(['minLength']);
  });
});
