import { describe, expect, it } from 'vitest';
import { createUserInputSchema, displayNameSchema, emailSchema, hasNoControlChars, makeCardInputSchema } from '../src';

const user = { code: 'NEW', name: 'Uus Kasutaja', email: 'uus@firma.ee', role: 'user', password: 'a-new-password-1' };
const card = (name: string, email = 'jaan@firma.ee') => ({ name, email, mailSender: { mode: 'default' } });
const cardSchema = makeCardInputSchema({ openPorts: [587], inheritsServer: false });

describe('one schema for every person’s name and e-mail', () => {
  it.each([
    ['CR', 'Jaan\rTamm'],
    ['LF', 'Jaan\nBcc: x@evil.example'],
    ['NUL', 'Jaan\u0000'],
    ['TAB', 'Jaan\tTamm'],
    ['DEL', 'Jaan\u007f'],
    ['a C1 control (NEL)', 'Jaan\u0085Tamm'],
    ['U+2028 line separator', 'Jaan\u2028Tamm'],
    ['U+2029 paragraph separator', 'Jaan\u2029Tamm'],
    ['a right-to-left override', 'Jaan\u202eTamm'],
    ['a bidi isolate', 'Jaan\u2066Tamm'],
  ])('when a name holds %s, then the card and an admin creating a user both refuse it on the name field', (_what, name) => {
    expect(hasNoControlChars(name)).toBe(false);
    expect(displayNameSchema.safeParse(name).error?.issues[0]?.message).toBe('controlChars');
    expect(createUserInputSchema.safeParse({ ...user, name }).error?.issues).toEqual([
      expect.objectContaining({ path: ['name'], message: 'controlChars' }),
    ]);
    expect(cardSchema.safeParse(card(name)).error?.issues).toEqual([expect.objectContaining({ path: ['name'], message: 'controlChars' })]);
  });

  it.each(['Jaan Tamm', 'Õie Ülle-Šõrm', "Mary O'Neil", 'Jürgen (IT)', 'Ελένη', '山田 太郎'])(
    'when a name is %s, then it is accepted everywhere',
    (name) => {
      expect(hasNoControlChars(name)).toBe(true);
      expect(createUserInputSchema.safeParse({ ...user, name }).success).toBe(true);
      expect(cardSchema.safeParse(card(name)).success).toBe(true);
    },
  );

  it.each(['jaan@firma.ee\r\nBcc: x@evil.example', 'jaan\u2028@firma.ee', 'not-an-address', ''])(
    'when an e-mail is %j, then both refuse it on the email field',
    (email) => {
      expect(emailSchema.safeParse(email).success).toBe(false);
      expect(createUserInputSchema.safeParse({ ...user, email }).error?.issues[0]?.path).toEqual(['email']);
      expect(cardSchema.safeParse(card('Jaan', email)).error?.issues[0]?.path).toEqual(['email']);
    },
  );

  it('when a name or e-mail has spaces around it, then both trim it the same way', () => {
    expect(createUserInputSchema.parse({ ...user, name: '  Uus  ', email: ' uus@firma.ee ' })).toMatchObject({
      name: 'Uus',
      email: 'uus@firma.ee',
    });
    expect(cardSchema.parse(card('  Uus  ', ' uus@firma.ee '))).toMatchObject({ name: 'Uus', email: 'uus@firma.ee' });
  });
});
