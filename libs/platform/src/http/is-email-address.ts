import { buildMessage, isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * class-validator's @IsEmail(), except that a string with a lone UTF-16 surrogate is simply not an
 * address: validator's isEmail passes it to encodeURI, which throws URIError, and the request
 * answered 500.
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value),
        defaultMessage: buildMessage((each) => `${each}$property must be an email`, options),
      },
    },
    options,
  );
}
