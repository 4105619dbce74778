/** Mail to the event mailbox that carries no RFC 3464 report: plain-text bounces and a reply. */
const crlf = (lines: string[]) => lines.join('\r\n');

/** qmail: no MIME structure at all; the copy of the message follows the notice. */
export const qmailBounce = (id: string, mailbox: string) =>
  crlf([
    'From: MAILER-DAEMON@mx.qmail.example',
    `To: ${mailbox}`,
    'Subject: failure notice',
    '',
    'Hi. This is the qmail-send program at mx.qmail.example.',
    "I'm afraid I wasn't able to deliver your message to the following addresses.",
    "This is a permanent error; I've given up. Sorry it didn't work out.",
    '',
    '<nobody@qmail.example>:',
    '192.0.2.9 does not like recipient.',
    'Remote host said: 550 5.1.1 <nobody@qmail.example>... User unknown',
    'Giving up on 192.0.2.9.',
    '',
    '--- Below this line is a copy of the message.',
    '',
    `Return-Path: <${mailbox}>`,
    `Message-ID: ${id}`,
    `From: "Jaan Tamm" <${mailbox}>`,
    'Subject: Arve',
    '',
    'Tere!',
    '',
  ]);

/** A Postfix-style plain-text bounce that returned nothing of the message: no Message-ID to match. */
export const bareTextBounce = (mailbox: string) =>
  crlf([
    'From: MAILER-DAEMON@mx.old.example',
    `To: ${mailbox}`,
    'Subject: Returned mail: see transcript for details',
    '',
    '<ghost@old.example>: host mx.old.example[192.0.2.3] said: 550 5.1.1',
    '    <ghost@old.example>: Recipient address rejected: User unknown',
    '',
  ]);

/** A person answering the event mailbox instead of the Reply-To address. */
export const humanReply = (id: string, mailbox: string) =>
  crlf([
    'From: Mari Klient <mari@kliendifirma.example>',
    `To: ${mailbox}`,
    'Subject: Re: Arve 2026-17',
    `In-Reply-To: ${id}`,
    `References: ${id}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Tere, arve on makstud.',
    '',
  ]);
