import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => decorators.forEach((decorate) => decorate(target, propertyKey));
}

/** A whole number of persons, hours or places. */
export function Count(min: number, max: number): PropertyDecorator {
  return all(IsInt(), Min(min), Max(max));
}

/** Free text the caseworker reads, within sensible bounds. */
export function Text(minLength: number, maxLength: number): PropertyDecorator {
  return all(IsString(), Length(minLength, maxLength));
}

/** One of a fixed list of codes; the message lists them. */
export function OneOf(values: readonly string[]): PropertyDecorator {
  return IsIn([...values], { message: `$property must be one of: ${values.join(', ')}` });
}
