// zod/mini: the same zod 4 checks and messages as classic zod, but tree-shakable, which keeps the
// card's bundle within its budget (the schemas run in the browser as well as in the BFF).
import { z } from 'zod/mini';
import { displayNameSchema, emailSchema, hasNoControlChars } from './person';
import { tlsModes } from './mail-sender';

/** Longest password accepted, in characters; real SMTP passwords are far shorter. */
const MAX_PASSWORD_LENGTH = 256;

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** Host name (RFC 1123 labels) or an IPv4/IPv6 literal. */
export function isHostOrIp(value: string): boolean {
  if (z.ipv4().safeParse(value).success || z.ipv6().safeParse(value).success) return true;
  if (value.length > 253 || /^[0-9.]+$/.test(value)) return false;
  return value.split('.').every((label) => HOST_LABEL.test(label));
}

/** What the card's validation depends on besides the input itself. */
export interface CardRules {
  /** The ports open in the vendor's firewall (a deployment setting). */
  openPorts: readonly number[];
  /**
   * A global mail user with an SMTP server is set, so the server may be left empty and only User
   * and Password filled ("credentials only", SPEC §3 step 3).
   */
  inheritsServer: boolean;
}

export function makeSmtpInputSchema(rules: CardRules) {
  return z
    .object(
      {
        /** Empty only for "credentials only". */
        host: z.string({ error: 'required' }).check(
          z.trim(),
          z.refine((host) => host === '' || isHostOrIp(host), { error: 'host.invalid' }),
        ),
        port: z.optional(
          z.number({ error: 'required' }).check(
            z.int({ error: 'port.notOpen' }),
            z.refine((port) => rules.openPorts.includes(port), { error: 'port.notOpen' }),
          ),
        ),
        security: z.enum(tlsModes, { error: 'required' }),
        user: z
          .string({ error: 'required' })
          .check(z.trim(), z.maxLength(254, { error: 'tooLong' }), z.refine(hasNoControlChars, { error: 'controlChars' })),
        /** Write-only. Blank keeps the stored password (unless the server changed). */
        password: z.string({ error: 'required' }).check(z.maxLength(MAX_PASSWORD_LENGTH, { error: 'tooLong' })),
        /** Forget the stored password. */
        clearPassword: z.boolean({ error: 'required' }),
      },
      { error: 'required' },
    )
    .check(
      z.superRefine((smtp, ctx) => {
        if (smtp.host !== '') {
          if (smtp.port === undefined) ctx.addIssue({ code: 'custom', path: ['port'], message: 'required' });
        } else if (!rules.inheritsServer) {
          ctx.addIssue({ code: 'custom', path: ['host'], message: 'required' });
          if (smtp.port === undefined) ctx.addIssue({ code: 'custom', path: ['port'], message: 'required' });
        } else if (smtp.user === '') {
          ctx.addIssue({ code: 'custom', path: ['user'], message: 'user.requiredForCredentialsOnly' });
        }
      }),
    );
}
export type SmtpInput = z.infer<ReturnType<typeof makeSmtpInputSchema>>;

export function makeMailSenderInputSchema(rules: CardRules) {
  return z.discriminatedUnion(
    'mode',
    [
      z.object({ mode: z.literal('default') }),
      z.object({ mode: z.literal('replyTo') }),
      z.object({ mode: z.literal('smtp'), smtp: makeSmtpInputSchema(rules) }),
      z.object({ mode: z.literal('m365'), m365: z.object({ user: emailSchema }, { error: 'required' }) }),
    ],
    { error: 'mode.invalid' },
  );
}
export type MailSenderInput = z.infer<ReturnType<typeof makeMailSenderInputSchema>>;

/** The payload of saving a user card, the same schema in the form and in the BFF. */
export function makeCardInputSchema(rules: CardRules) {
  return z.object(
    {
      name: displayNameSchema,
      email: emailSchema,
      mailSender: makeMailSenderInputSchema(rules),
    },
    { error: 'required' },
  );
}
export type CardInput = z.infer<ReturnType<typeof makeCardInputSchema>>;

/** "Send test mail": to the user's own address unless an admin names another (SPEC §5). */
export const testMailInputSchema = z.object({ to: z.optional(emailSchema) });
export type TestMailInput = z.infer<typeof testMailInputSchema>;

/** The system setting "Meili saatmise kasutaja kood"; null clears it (everyone back to the relay). */
export const mailSendingUserInputSchema = z.object(
  {
    mailSendingUserCode: z.nullable(
      z.string({ error: 'required' }).check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(64, { error: 'tooLong' })),
    ),
  },
  { error: 'required' },
);
export type MailSendingUserInput = z.infer<typeof mailSendingUserInputSchema>;
