import { InvalidValueError } from '../errors/domain.error';

export interface BudgetPostParts {
  readonly chapter: string;
  readonly post: string;
}

/** A post in the state budget: chapter (kapittel) and post, written "496.62". */
export class BudgetPost {
  // Strings, not numbers: post "01" and "1" are not interchangeable in Prop. 1 S or the accounts.
  private constructor(
    readonly chapter: string,
    readonly post: string,
  ) {}

  /** Accepts "496.62" and "496 62". */
  static parse(input: string, field = 'budgetPost'): BudgetPost {
    const match = /^(\d+)[. ](\d+)$/.exec(input.trim());
    if (!match) {
      throw new InvalidValueError(
        field,
        'chapter-post-format',
        `${field} must be written as chapter and post, e.g. "496.62".`,
      );
    }
    return BudgetPost.of({ chapter: match[1], post: match[2] }, field);
  }

  static of(parts: BudgetPostParts, field = 'budgetPost'): BudgetPost {
    const { chapter, post } = parts;
    if (!/^\d{3,4}$/.test(chapter)) {
      throw new InvalidValueError(
        field,
        'chapter-three-or-four-digits',
        `${field} must have a chapter of 3 or 4 digits.`,
      );
    }
    if (chapter.startsWith('0')) {
      throw new InvalidValueError(
        field,
        'chapter-no-leading-zero',
        `${field} must have a chapter without a leading zero.`,
      );
    }
    if (!/^\d{2}$/.test(post)) {
      throw new InvalidValueError(field, 'post-two-digits', `${field} must have a post of 2 digits.`);
    }
    if (post === '00') {
      throw new InvalidValueError(
        field,
        'post-not-zero',
        `${field} must have a post from 01 to 99.`,
      );
    }
    return new BudgetPost(chapter, post);
  }

  equals(other: BudgetPost): boolean {
    return this.chapter === other.chapter && this.post === other.post;
  }

  toString(): string {
    return `${this.chapter}.${this.post}`;
  }

  toJSON(): string {
    return this.toString();
  }
}
