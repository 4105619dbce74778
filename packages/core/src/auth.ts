import { z } from 'zod/mini';
import { displayNameSchema, emailSchema } from './person';

export const signInSchema = z.object({
  code: z.string({ error: 'required' }).check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(64, { error: 'tooLong' })),
  password: z.string({ error: 'required' }).check(z.minLength(1, { error: 'required' }), z.maxLength(256, { error: 'tooLong' })),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Shortest password an admin may set, in characters (NIST SP 800-63B's minimum is 8). */
const MIN_PASSWORD_LENGTH = 10;

const newPasswordSchema = z
  .string({ error: 'required' })
  .check(z.minLength(MIN_PASSWORD_LENGTH, { error: 'password.tooShort' }), z.maxLength(256, { error: 'tooLong' }));

export const userCodeSchema = z
  .string({ error: 'required' })
  .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9_-]{1,20}$/, { error: 'code.invalid' }));

/** An admin creating a user (SPEC §6). */
export const createUserInputSchema = z.object(
  {
    code: userCodeSchema,
    name: displayNameSchema,
    email: emailSchema,
    role: z.enum(['user', 'admin'], { error: 'required' }),
    password: newPasswordSchema,
  },
  { error: 'required' },
);
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const resetPasswordInputSchema = z.object({ password: newPasswordSchema }, { error: 'required' });
export type ResetPasswordInput = z.infer<typeof resetPasswordInputSchema>;

export const languageInputSchema = z.object({ language: z.enum(['et', 'en'], { error: 'required' }) }, { error: 'required' });
export type LanguageInput = z.infer<typeof languageInputSchema>;
