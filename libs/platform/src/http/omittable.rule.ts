import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field may be left out, but when it is there (null included) its rules apply. class-validator's
 * IsOptional also waves null through, which then reaches a NOT NULL column as a 500; use IsOptional
 * only where null means something (e.g. "remove the window").
 */
export function Omittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}
