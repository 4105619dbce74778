import { z } from 'zod';

export const signInSchema = z.object({
  code: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(64, { error: 'tooLong' }),
  password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(256, { error: 'tooLong' }),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Shortest password an admin may set, in characters (NIST SP 800-63B's minimum is 8). */
const MIN_PASSWORD_LENGTH = 10;

const newPasswordSchema = z
  .string({ error: 'required' })
  .min(MIN_PASSWORD_LENGTH, { error: 'password.tooShort' })
  .max(256, { error: 'tooLong' });

export const userCodeSchema = z
  .string({ error: 'required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{1,20}$/, { error: 'code.invalid' });

/** An admin creating a user (SPEC §6). */
export const createUserInputSchema = z.object(
  {
    code: userCodeSchema,
    name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }),
    email: z.string({ error: 'required' }).trim().pipe(z.email({ error: 'email.invalid' })),
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
