import type { ReceivedMail, ScriptedReply } from '@saatja/local-servers';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * For the local SMTP server's `replyToMessage`: Exchange Online lets a mailbox send only as itself
 * or as an address it was given Send As rights for. A foreign From, in the header or the envelope,
 * gets the reply Exchange gives after DATA.
 */
export function createSendAsPolicy() {
  const grants = new Map<string, string[]>();
  return {
    /** An Exchange admin's "Send As" permission: `mailbox` may send as `address`. */
    grant(mailbox: string, address: string): void {
      const key = mailbox.trim().toLowerCase();
      grants.set(key, [...(grants.get(key) ?? []), address]);
    },
    check(mail: ReceivedMail): ScriptedReply | null {
      const mailbox = mail.authUser?.trim().toLowerCase();
      if (!mailbox) return null;
      const allowed = [mailbox, ...(grants.get(mailbox) ?? [])];
      const senders = [mail.envelope.from, mail.headers.fromAddress].filter((address): address is string => Boolean(address));
      const foreign = senders.find((address) => !allowed.some((ok) => same(ok, address)));
      if (foreign === undefined) return null;
      return {
        responseCode: 554,
        message: `5.2.252 SendAsDenied; ${mailbox} not allowed to send as ${foreign}; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.`,
      };
    },
  };
}
export type SendAsPolicy = ReturnType<typeof createSendAsPolicy>;
