import { createTransport } from 'nodemailer';
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import type { LocalSmtpServer, TlsMaterial } from '../src';

export interface TestMessage {
  from?: string;
  to?: string | string[];
  subject?: string;
  text?: string;
  replyTo?: string;
  sender?: string;
}

/** nodemailer transport options matching the server's security mode, trusting only the local CA. */
export function clientFor(server: LocalSmtpServer, material: TlsMaterial, extra: Partial<SMTPTransportOptions> = {}): SMTPTransportOptions {
  return {
    host: server.host,
    port: server.port,
    secure: server.security === 'ssl',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    tls: { ca: material.ca },
    // ms; a broken case should fail the test quickly, not after nodemailer's 30 s defaults.
    connectionTimeout: 3_000,
    greetingTimeout: 3_000,
    socketTimeout: 5_000,
    ...extra,
  };
}

export async function send(options: SMTPTransportOptions, message: TestMessage = {}): Promise<void> {
  const transport = createTransport(options);
  try {
    await transport.sendMail({
      from: 'Saatja Test <sender@example.test>',
      to: 'recipient@example.test',
      subject: 'Hello from the test',
      text: 'Body text',
      ...message,
    });
  } finally {
    transport.close();
  }
}

/** Resolves with the rejection of `promise`, failing if it resolved instead. */
export async function failureOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
