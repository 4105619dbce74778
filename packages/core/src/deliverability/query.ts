import { z } from 'zod/mini';
import { emailSchema } from '../person';

/** "Check my domain": the address whose domain is looked up; `refresh` skips the cached answer. */
export const deliverabilityQuerySchema = z.object({
  email: emailSchema,
  refresh: z.optional(z.enum(['1'])),
});
export type DeliverabilityQuery = z.infer<typeof deliverabilityQuerySchema>;
