// The ERP's send API (SPEC §10): one schema per payload, parsed by the BFF and turned into the
// OpenAPI document. Everything that ends up in a header is an address or checked free of control
// characters, so no field can smuggle a CR/LF into the message (the card's rules).
import { z } from 'zod/mini';
import { emailSchema, hasNoControlChars } from '../person';

/** Recipients per message over to, cc and bcc together; Google allows 100 over SMTP. */
export const MAX_RECIPIENTS = 100;
/** Attachments per message. */
export const MAX_ATTACHMENTS = 20;
/** Decoded bytes of all attachments of one message (an invoice PDF is well below). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Characters of the text and of the HTML body, each. */
export const MAX_BODY_CHARS = 2_000_000;
/** Messages in one batch. */
export const MAX_BATCH_MESSAGES = 10_000;
/** Characters of an Idempotency-Key header. */
export const MAX_IDEMPOTENCY_KEY_CHARS = 200;

const headerText = (max: number) =>
  z.string({ error: 'required' }).check(z.maxLength(max, { error: 'tooLong' }), z.refine(hasNoControlChars, { error: 'controlChars' }));

const recipients = z.array(emailSchema, { error: 'required' }).check(z.maxLength(MAX_RECIPIENTS, { error: 'tooMany' }));

/** Bytes that `base64` decodes to (padding-aware), without decoding it. */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

export const attachmentSchema = z.object(
  {
    filename: z
      .string({ error: 'required' })
      .check(
        z.minLength(1, { error: 'required' }),
        z.maxLength(255, { error: 'tooLong' }),
        z.refine(hasNoControlChars, { error: 'controlChars' }),
      ),
    contentType: z.optional(
      z.string({ error: 'required' }).check(z.regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i, { error: 'contentType.invalid' })),
    ),
    /** The file's bytes, base64 (RFC 4648, no line breaks). */
    contentBase64: z.base64({ error: 'base64.invalid' }),
  },
  { error: 'required' },
);

/** One message's content and recipients, as in a single submission and in a batch. */
export const messageContentSchema = z
  .object(
    {
      to: recipients.check(z.minLength(1, { error: 'recipients.required' })),
      cc: z.optional(recipients),
      bcc: z.optional(recipients),
      subject: headerText(998).check(z.trim()),
      text: z.optional(z.string({ error: 'required' }).check(z.maxLength(MAX_BODY_CHARS, { error: 'tooLong' }))),
      html: z.optional(z.string({ error: 'required' }).check(z.maxLength(MAX_BODY_CHARS, { error: 'tooLong' }))),
      attachments: z.optional(z.array(attachmentSchema, { error: 'required' }).check(z.maxLength(MAX_ATTACHMENTS, { error: 'tooMany' }))),
      /** The ERP's own reference (an invoice number); messages can be listed by it. */
      reference: z.optional(headerText(200).check(z.trim())),
    },
    { error: 'required' },
  )
  .check(
    z.superRefine((message, ctx) => {
      if (message.text === undefined && message.html === undefined)
        ctx.addIssue({ code: 'custom', path: ['text'], message: 'body.required' });
      const total = message.to.length + (message.cc?.length ?? 0) + (message.bcc?.length ?? 0);
      if (total > MAX_RECIPIENTS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'tooMany' });
      const bytes = (message.attachments ?? []).reduce((sum, file) => sum + base64Bytes(file.contentBase64), 0);
      if (bytes > MAX_ATTACHMENT_BYTES) ctx.addIssue({ code: 'custom', path: ['attachments'], message: 'attachments.tooLarge' });
    }),
  );
export type MessageContent = z.infer<typeof messageContentSchema>;

/** The user code the mail is sent as (through that user's effective configuration). */
const asUser = z
  .string({ error: 'required' })
  .check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(64, { error: 'tooLong' }));

/** POST /api/v1/messages. */
export const submitMessageSchema = z.extend(messageContentSchema, { user: asUser });
export type SubmitMessageInput = z.infer<typeof submitMessageSchema>;

/** POST /api/v1/batches: many messages of one user (the mass-mail module). */
export const submitBatchSchema = z.object(
  {
    user: asUser,
    name: z.optional(headerText(200).check(z.trim())),
    messages: z
      .array(messageContentSchema, { error: 'required' })
      .check(z.minLength(1, { error: 'required' }), z.maxLength(MAX_BATCH_MESSAGES, { error: 'tooMany' })),
  },
  { error: 'required' },
);
export type SubmitBatchInput = z.infer<typeof submitBatchSchema>;

/** The Idempotency-Key header: printable ASCII, so it can be stored and compared as given. */
export const idempotencyKeySchema = z.optional(
  z
    .string()
    .check(
      z.minLength(1, { error: 'required' }),
      z.maxLength(MAX_IDEMPOTENCY_KEY_CHARS, { error: 'tooLong' }),
      z.regex(/^[\x21-\x7e]+$/, { error: 'idempotencyKey.invalid' }),
    ),
);

/** GET /api/v1/messages?reference=… */
export const listMessagesQuerySchema = z.strictObject({
  reference: z.optional(headerText(200)),
  before: z.optional(z.coerce.number().check(z.int(), z.positive())),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

/** GET /api/v1/batches/estimate?user=…&messages=…: how long a batch would take, asked before submitting it. */
export const batchEstimateQuerySchema = z.strictObject({
  user: asUser,
  messages: z.coerce
    .number()
    .check(z.int({ error: 'limit.invalid' }), z.positive({ error: 'limit.invalid' }), z.maximum(MAX_BATCH_MESSAGES, { error: 'tooMany' })),
  recipientsEach: z.optional(
    z.coerce
      .number()
      .check(z.int({ error: 'limit.invalid' }), z.positive({ error: 'limit.invalid' }), z.maximum(MAX_RECIPIENTS, { error: 'tooMany' })),
  ),
});
export type BatchEstimateQuery = z.infer<typeof batchEstimateQuerySchema>;
