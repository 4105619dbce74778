import type { EffectiveConfig } from '@saatja/core';
import type { SendMailOptions } from 'nodemailer';
import { eventMailboxIdentity } from '../mail/event-mailbox-identity';
import type { ClaimedMessage } from './outbox-claims';

/**
 * The mail as nodemailer sends it: the ERP's content, the identity of the user's effective
 * configuration as it is now, and the message's own Message-ID (the same on every attempt).
 * Attachments are content only: nodemailer's file and URL access stay off (build-transport).
 */
export function composeMail(
  message: ClaimedMessage,
  effective: EffectiveConfig,
  deployment: { companyName: string; eventDomain: string },
): SendMailOptions {
  const content = message.content;
  if (!content) throw new Error(`outbox message ${message.id} has no content`);
  const { sender } = eventMailboxIdentity(effective, deployment);
  return {
    messageId: message.message_id,
    from: effective.from,
    sender,
    replyTo: effective.replyTo ?? undefined,
    to: message.to_addresses,
    cc: content.cc,
    bcc: content.bcc,
    subject: message.subject,
    text: content.text ?? undefined,
    html: content.html ?? undefined,
    attachments: content.attachments.map((file) => ({
      filename: file.filename,
      content: Buffer.from(file.contentBase64, 'base64'),
      contentType: file.contentType ?? undefined,
    })),
  };
}

/** Every recipient of the message, for the send log. */
export function allRecipients(message: ClaimedMessage): string {
  return [...message.to_addresses, ...(message.content?.cc ?? []), ...(message.content?.bcc ?? [])].join(', ');
}
