// What validating a form needs: zod, its react-hook-form resolver and the shared schemas, in a chunk
// of its own (see lazy-validation.ts). The first screen only shows the card; its first validation
// (or the form's first focus) loads this.
import { emailSchema, m365MessageSchema, type M365AuthResult } from '@saatja/core';
import { safeParse } from 'zod/mini';

export { zodResolver } from '@hookform/resolvers/zod';
export { makeCardInputSchema, signInSchema } from '@saatja/core';

/** The address as the shared schema reads it, or null when it is not one. */
export function validEmail(email: string): string | null {
  const valid = safeParse(emailSchema, email);
  return valid.success ? valid.data : null;
}

/** The Microsoft 365 sign-in window's result, if `data` is one of its messages. */
export function m365Result(data: unknown): M365AuthResult | null {
  const parsed = safeParse(m365MessageSchema, data);
  return parsed.success ? parsed.data.result : null;
}
