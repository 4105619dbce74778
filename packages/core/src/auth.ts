import { z } from 'zod';

export const signInSchema = z.object({
  code: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(64, { error: 'tooLong' }),
  password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(256, { error: 'tooLong' }),
});
export type SignInInput = z.infer<typeof signInSchema>;
