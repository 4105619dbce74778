import { z } from 'zod/mini';

/**
 * Characters no person's name may hold, wherever it is entered (the card, an admin creating a user):
 * control characters (C0, DEL, C1: CR, LF, NUL, …), the Unicode line and paragraph separators, and
 * the bidirectional overrides that make a name read differently than it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Whether `value` holds no character that could break a header line or disguise the text. */
export const hasNoControlChars = (value: string) => !FORBIDDEN_IN_NAMES.test(value);

/** A person's e-mail address, wherever one is entered. */
export const emailSchema = z.pipe(
  z.string({ error: 'required' }).check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(254, { error: 'tooLong' })),
  z.email({ error: 'email.invalid' }),
);

/** A person's name (a user, the card's sender name), wherever one is entered. */
export const displayNameSchema = z
  .string({ error: 'required' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'required' }),
    z.maxLength(100, { error: 'tooLong' }),
    z.refine(hasNoControlChars, { error: 'controlChars' }),
  );
