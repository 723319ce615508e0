import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IsEmail, IsInt, IsObject, IsString, Length, Matches, Max, Min, validateSync } from 'class-validator';
import { flattenValidationErrors } from '@imdi/platform';

const ENGLISH = /\b(the|must|cannot|can not|is not|has no|there is|already been|should|not found|invalid)\b/i;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('problem details a person reads', () => {
  it('says every domain refusal in bokmål where it is thrown', () => {
    const root = join(__dirname, '..', '..', '..', 'libs');
    const english: string[] = [];
    let thrown = 0;
    for (const file of sourceFiles(root)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/new (\w+Error)\(\s*'([A-Z_]+)',\s*(`[^`]*`|'[^']*')/g)) {
        thrown += 1;
        if (ENGLISH.test(match[3])) english.push(`${file.slice(root.length)}: ${match[2]} ${match[3]}`);
      }
      for (const match of source.matchAll(/new InvalidValueError\(\s*[^,]+,\s*'[a-z0-9-]+',\s*(`[^`]*`|'[^']*')/g)) {
        thrown += 1;
        if (ENGLISH.test(match[1])) english.push(`${file.slice(root.length)}: ${match[1]}`);
      }
    }
    expect(thrown).toBeGreaterThan(150);
    expect(english).toEqual([]);
  });

  class Example {
    @IsString()
    @Length(9, 9)
    organisationNumber: string;

    @IsInt()
    @Min(2000)
    @Max(2100)
    budgetYear: number;

    @IsEmail()
    contactEmail: string;

    @IsObject()
    name: object;

    @Matches(/^\d{1,12}$/, { message: '$property must be an amount in kroner, e.g. "250000"' })
    amountNok: string;
  }

  it('says every broken validation rule in bokmål, naming the field', () => {
    const instance = Object.assign(new Example(), { organisationNumber: '12', budgetYear: 1999.5, contactEmail: 'x', name: [], amountNok: 'mange' });
    const problems = flattenValidationErrors(validateSync(instance));
    expect(problems.map((problem) => problem.rule).sort()).toEqual(['isEmail', 'isInt', 'isLength', 'isObject', 'matches', 'min']);
    for (const problem of problems) {
      expect(problem.message).toContain(`«${problem.field}»`);
      expect(problem.message).not.toMatch(ENGLISH);
    }
  });
});
