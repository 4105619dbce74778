import { z } from 'zod/mini';
import { M365_MESSAGE_TYPE, M365_QUERY } from './m365';
import { emailSchema } from './person';

/** "Authenticate Microsoft 365": the mailbox to sign in as, from the card's User field. */
export const m365StartInputSchema = z.object({ user: emailSchema }, { error: 'required' });
export type M365StartInput = z.infer<typeof m365StartInputSchema>;

const queryValue = (max: number) => z.optional(z.string().check(z.minLength(1), z.maxLength(max)));

/**
 * The redirect back from the identity provider (response_mode=query): `code` or `error`, and
 * `state`. Repeated parameters arrive as arrays and fail here, like any other malformed value.
 */
export const m365CallbackQuerySchema = z.object({
  state: queryValue(512),
  code: queryValue(8192),
  client_info: queryValue(4096),
  error: queryValue(256),
  error_description: queryValue(4096),
});
export type M365CallbackQuery = z.infer<typeof m365CallbackQuerySchema>;

const account = z.string().check(z.minLength(1), z.maxLength(320));
const code = z.nullable(z.string().check(z.regex(/^[A-Za-z0-9_]{1,64}$/)));

/** How an "Authenticate Microsoft 365" attempt ended, as the popup reports it to the card. */
export const m365AuthResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('authenticated'), account }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('invalidState') }),
  z.object({ outcome: z.literal('expiredState') }),
  z.object({ outcome: z.literal('accountMismatch'), account, expected: account }),
  z.object({ outcome: z.literal('failed'), code }),
]);
export type M365AuthResult = z.infer<typeof m365AuthResultSchema>;
export type M365Outcome = M365AuthResult['outcome'];

/** The popup's message to its opener. */
export const m365MessageSchema = z.object({ type: z.literal(M365_MESSAGE_TYPE), result: m365AuthResultSchema });

/** The result carried back in the card's URL; null when there is none or it does not parse. */
export function m365ResultFromQuery(params: { get(name: string): string | null }): M365AuthResult | null {
  const outcome = params.get(M365_QUERY.outcome);
  if (outcome === null) return null;
  const parsed = m365AuthResultSchema.safeParse({
    outcome,
    account: params.get(M365_QUERY.account) ?? undefined,
    expected: params.get(M365_QUERY.expected) ?? undefined,
    code: params.get(M365_QUERY.code),
  });
  return parsed.success ? parsed.data : null;
}
