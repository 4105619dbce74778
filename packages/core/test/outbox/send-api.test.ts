import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { toFieldErrors } from '../../src/errors';
import {
  base64Bytes,
  idempotencyKeySchema,
  listMessagesQuerySchema,
  MAX_ATTACHMENT_BYTES,
  MAX_RECIPIENTS,
  submitBatchSchema,
  submitMessageSchema,
} from '../../src/outbox/send-api';

const valid = { user: 'MARI', to: ['klient@firma.ee'], subject: 'Arve 2026-001', text: 'Tere!' };
const errors = (schema: z.ZodMiniType, input: unknown) => {
  const result = z.safeParse(schema, input);
  return result.success ? {} : toFieldErrors(result.error.issues);
};

describe('submitMessageSchema', () => {
  it('when the message is complete, then it parses with trimmed subject and reference', () => {
    const parsed = z.parse(submitMessageSchema, { ...valid, subject: '  Arve  ', reference: ' INV-1 ', html: '<p>Tere</p>' });
    expect(parsed).toMatchObject({ subject: 'Arve', reference: 'INV-1', html: '<p>Tere</p>' });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['no recipient', { to: [] }, { to: 'recipients.required' }],
    ['a bad address', { to: ['not an address'] }, { 'to.0': 'email.invalid' }],
    ['an address with a line break', { cc: ['a@b.ee\r\nBcc: x@y.ee'] }, { 'cc.0': 'email.invalid' }],
    ['a subject with a line break', { subject: 'Arve\r\nBcc: x@y.ee' }, { subject: 'controlChars' }],
    ['a reference with a line break', { reference: 'INV\n1' }, { reference: 'controlChars' }],
    ['no body', { text: undefined }, { text: 'body.required' }],
    ['no user', { user: ' ' }, { user: 'required' }],
    [
      'a filename with a line break',
      { attachments: [{ filename: 'a\r\n.pdf', contentBase64: 'JVBERg==' }] },
      { 'attachments.0.filename': 'controlChars' },
    ],
    [
      'an attachment that is not base64',
      { attachments: [{ filename: 'a.pdf', contentBase64: 'not base64!' }] },
      { 'attachments.0.contentBase64': 'base64.invalid' },
    ],
    [
      'a content type with a line break',
      { attachments: [{ filename: 'a.pdf', contentType: 'application/pdf\r\nX: y', contentBase64: 'JVBERg==' }] },
      { 'attachments.0.contentType': 'contentType.invalid' },
    ],
  ])('when the message has %s, then the field error says so', (_name, change, expected) => {
    expect(errors(submitMessageSchema, { ...valid, ...change })).toEqual(expected);
  });

  it('when to, cc and bcc together name too many recipients, then "to" says so', () => {
    const many = Array.from({ length: MAX_RECIPIENTS / 2 + 1 }, (_, i) => `r${i}@firma.ee`);
    expect(errors(submitMessageSchema, { ...valid, to: many, bcc: many })).toEqual({ to: 'tooMany' });
  });

  it('when the attachments together are too large, then "attachments" says so', () => {
    const half = 'A'.repeat(Math.ceil((MAX_ATTACHMENT_BYTES / 2 + 3) / 3) * 4);
    const files = [1, 2].map((n) => ({ filename: `${n}.pdf`, contentBase64: half }));
    expect(errors(submitMessageSchema, { ...valid, attachments: files })).toEqual({ attachments: 'attachments.tooLarge' });
  });
});

describe('submitBatchSchema', () => {
  it('when a batch has messages, then each is checked with its index in the field path', () => {
    const message = { to: valid.to, subject: valid.subject, text: valid.text };
    expect(errors(submitBatchSchema, { user: 'MARI', messages: [message, { ...message, to: ['x'] }] })).toEqual({
      'messages.1.to.0': 'email.invalid',
    });
    expect(errors(submitBatchSchema, { user: 'MARI', messages: [] })).toEqual({ messages: 'required' });
  });
});

describe('base64Bytes', () => {
  it.each([
    ['', 0],
    ['QQ==', 1],
    ['QUI=', 2],
    ['QUJD', 3],
  ])('when the text is %j, then it holds %i bytes', (text, bytes) => {
    expect(base64Bytes(text)).toBe(bytes);
  });
});

describe('idempotencyKeySchema and listMessagesQuerySchema', () => {
  it.each([
    ['order-42/invoice', true],
    ['with space', false],
    ['', false],
    ['x'.repeat(201), false],
  ])('when the key is %j, then accepted is %s', (key, ok) => {
    expect(z.safeParse(idempotencyKeySchema, key).success).toBe(ok);
  });

  it('when the query names a reference and a page, then both parse; unknown fields are refused', () => {
    expect(z.parse(listMessagesQuerySchema, { reference: 'INV-1', before: '12' })).toEqual({ reference: 'INV-1', before: 12 });
    expect(z.safeParse(listMessagesQuerySchema, { user: 'MARI' }).success).toBe(false);
  });
});
