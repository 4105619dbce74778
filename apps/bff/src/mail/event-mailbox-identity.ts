import { randomUUID } from 'node:crypto';
import { eventMailbox, type EffectiveConfig } from '@saatja/core';
import type { OutgoingMessage } from './send-mail';

/**
 * Mail sent as the company's event mailbox (Directo-Reply-To, SPEC §4) also names it as Sender, and
 * carries a Message-ID Saatja made, so a bounce coming back to the mailbox finds it in the send log.
 * Nothing here is user data: the address and domain are deployment settings.
 */
export function eventMailboxIdentity(
  effective: Pick<EffectiveConfig, 'from'>,
  deployment: { companyName: string; eventDomain: string },
): Pick<OutgoingMessage, 'sender' | 'messageId'> {
  const mailbox = eventMailbox(deployment);
  if (effective.from.address.toLowerCase() !== mailbox) return {};
  return { sender: mailbox, messageId: `<${randomUUID()}@${deployment.eventDomain}>` };
}
