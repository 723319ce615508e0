import { InvalidValueError } from '../errors/domain.error';
import { BudgetPost } from './budget-post.value-object';

function refusal(action: () => unknown): InvalidValueError {
  try {
    action();
  } catch (error: unknown) {
    if (error instanceof InvalidValueError) return error;
    throw error;
  }
  throw new Error('expected an InvalidValueError');
}

describe(BudgetPost.name, () => {
  it.each(['496.62', '496 62', ' 496.62 '])('accepts %j as chapter 496 post 62', (input) => {
    const post = BudgetPost.parse(input);
    expect(post.chapter).toBe('496');
    expect(post.post).toBe('62');
    expect(post.toString()).toBe('496.62');
  });

  it('accepts a four-digit chapter and a post with a leading zero', () => {
    const post = BudgetPost.parse('3496.01');
    expect(post.chapter).toBe('3496');
    expect(post.post).toBe('01');
    expect(JSON.stringify({ post })).toBe('{"post":"3496.01"}');
  });

  it('accepts parts as an object', () => {
    expect(BudgetPost.of({ chapter: '496', post: '99' }).toString()).toBe('496.99');
  });

  it('accepts equality by chapter and post', () => {
    expect(BudgetPost.parse('496.62').equals(BudgetPost.of({ chapter: '496', post: '62' }))).toBe(true);
    expect(BudgetPost.parse('496.62').equals(BudgetPost.parse('496.21'))).toBe(false);
    expect(BudgetPost.parse('496.62').equals(BudgetPost.parse('497.62'))).toBe(false);
  });

  it.each(['', '496', '496.', '.62', '496-62', '496,62', '496  62', '496.62.1', 'kap 496 post 62'])('refuses %j, which is not "chapter.post"', (input) => {
    const error = refusal(() => BudgetPost.parse(input, 'grantPost'));
    expect(error).toMatchObject({
      code: 'INVALID_VALUE',
      field: 'grantPost',
      rule: 'chapter-post-format',
    });
    expect(error.message).toContain('grantPost');
  });

  it.each([
    ['49.62', 'chapter-three-or-four-digits'],
    ['49612.62', 'chapter-three-or-four-digits'],
    ['0496.62', 'chapter-no-leading-zero'],
    ['096.62', 'chapter-no-leading-zero'],
    ['496.6', 'post-two-digits'],
    ['496.062', 'post-two-digits'],
    ['496.00', 'post-not-zero'],
  ])('refuses %j (%s)', (input, rule) => {
    const error = refusal(() => BudgetPost.parse(input));
    expect(error).toMatchObject({ field: 'budgetPost', rule });
    expect(error.message).toContain('budgetPost');
  });

  it.each([
    [{ chapter: '496', post: '1' }, 'post-two-digits'],
    [{ chapter: '496 ', post: '62' }, 'chapter-three-or-four-digits'],
    [{ chapter: '', post: '62' }, 'chapter-three-or-four-digits'],
    [{ chapter: '496', post: '00' }, 'post-not-zero'],
  ])('refuses parts %j (%s)', (parts, rule) => {
    expect(refusal(() => BudgetPost.of(parts)).rule).toBe(rule);
  });
});
