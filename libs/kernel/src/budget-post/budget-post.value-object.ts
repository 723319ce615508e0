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
      throw new InvalidValueError(field, 'chapter-post-format', `«${field}» må skrives som kapittel og post, for eksempel "496.62".`);
    }
    return BudgetPost.of({ chapter: match[1], post: match[2] }, field);
  }

  static of(parts: BudgetPostParts, field = 'budgetPost'): BudgetPost {
    const { chapter, post } = parts;
    if (!/^\d{3,4}$/.test(chapter)) {
      throw new InvalidValueError(field, 'chapter-three-or-four-digits', `«${field}» må ha et kapittel på 3 eller 4 sifre.`);
    }
    if (chapter.startsWith('0')) {
      throw new InvalidValueError(field, 'chapter-no-leading-zero', `«${field}» må ha et kapittel uten 0 først.`);
    }
    if (!/^\d{2}$/.test(post)) {
      throw new InvalidValueError(field, 'post-two-digits', `«${field}» må ha en post på 2 sifre.`);
    }
    if (post === '00') {
      throw new InvalidValueError(field, 'post-not-zero', `«${field}» må ha en post fra 01 til 99.`);
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
