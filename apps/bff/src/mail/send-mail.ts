import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { replyScrubber } from './reply-scrubber';

export interface OutgoingMessage {
  from: { name: string; address: string };
  replyTo: string | null;
  to: string;
  subject: string;
  text: string;
  /** Set only from deployment settings (the event mailbox), never from user data. */
  sender?: string;
  /** Saatja's own `<id@domain>`; otherwise nodemailer generates one. */
  messageId?: string;
}

/** What nodemailer reported of a failure; classified on codes, never on message text. */
export interface SmtpFailure {
  code: string | null;
  originalCode: string | null;
  command: string | null;
  responseCode: number | null;
  response: string | null;
  /** Which of nodemailer's timeouts fired (GREETING_TIMEOUT, …); the diagnosis needs it. */
  timeoutType: string | null;
}

export type SendResult = { ok: true; messageId: string; response: string } | { ok: false; failure: SmtpFailure };

const str = (value: unknown) => (typeof value === 'string' ? value : null);

export function toSmtpFailure(error: unknown): SmtpFailure {
  const e = (error ?? {}) as Record<string, unknown>;
  return {
    code: str(e.code),
    originalCode: str(e.originalCode),
    command: str(e.command),
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : null,
    response: str(e.response),
    timeoutType: str(e.timeoutType),
  };
}

/** Send one message; user data goes only into address and content fields, never envelope/headers/raw. */
export async function sendMail(options: SMTPTransport.Options, message: OutgoingMessage): Promise<SendResult> {
  const transporter = nodemailer.createTransport(options);
  const scrub = replyScrubber(options.auth);
  try {
    const info = await transporter.sendMail({
      from: message.from,
      to: message.to,
      replyTo: message.replyTo ?? undefined,
      subject: message.subject,
      text: message.text,
      sender: message.sender,
      messageId: message.messageId,
    });
    return { ok: true, messageId: info.messageId, response: scrub(info.response) };
  } catch (error) {
    const failure = toSmtpFailure(error);
    return { ok: false, failure: { ...failure, response: failure.response === null ? null : scrub(failure.response) } };
  } finally {
    transporter.close();
  }
}
