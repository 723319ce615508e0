import { validate } from 'class-validator';
import { IsEmailAddress } from './is-email-address';

class Contact {
  @IsEmailAddress()
  email: unknown;
}

describe(IsEmailAddress.name, () => {
  const check = async (email: unknown) => {
    const contact = Object.assign(new Contact(), { email });
    return (await validate(contact)).map((error) => Object.keys(error.constraints ?? {}));
  };

  it('refuses an address with a lone surrogate as invalid instead of throwing', async () => {
    await expect(check('kari\ud800@example.no')).resolves.toEqual([['isEmail']]);
    await expect(check('\udfff')).resolves.toEqual([['isEmail']]);
  });

  it('accepts an address as @IsEmail does, and refuses what is no string', async () => {
    await expect(check('kari@example.no')).resolves.toEqual([]);
    await expect(check(42)).resolves.toEqual([['isEmail']]);
  });
});
