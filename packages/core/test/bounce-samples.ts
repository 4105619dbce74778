/** Plain-text bounces as their MTAs write them, the way mailparser hands their text over. */

export const QMAIL = `Hi. This is the qmail-send program at mx.example.com.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<nobody@example.com>:
192.0.2.1 does not like recipient.
Remote host said: 550 5.1.1 <nobody@example.com>... User unknown
Giving up on 192.0.2.1.

--- Below this line is a copy of the message.

Return-Path: <ounapuupoderou@event.data.directo.ee>
Received: (qmail 1234 invoked from network); 2 Mar 2026 10:00:00 -0000
Message-ID: <qmail-original@event.data.directo.ee>
From: "Jaan Tamm" <ounapuupoderou@event.data.directo.ee>
Subject: Arve

Tere!
`;

export const EXIM = `This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  full@example.net
    host mx.example.net [192.0.2.7]
    SMTP error from remote mail server after RCPT TO:<full@example.net>:
    552 5.2.2 <full@example.net>: Mailbox full

  gone@example.net
    SMTP error from remote mail server after RCPT TO:<gone@example.net>:
    550 No such user here

------ This is a copy of the message, including all the headers. ------

Return-path: <ounapuupoderou@event.data.directo.ee>
Message-Id: <exim-original@event.data.directo.ee>
Subject: Pakkumine
`;

export const POSTFIX_PLAIN = `This is the mail system at host mx.example.com.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

For further assistance, please send mail to postmaster.

                   The mail system

<nobody@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1
    <nobody@example.com>: Recipient address rejected: User unknown in local
    recipient table (in reply to RCPT TO command)
`;

export const EXCHANGE_LEGACY = `Your message did not reach some or all of the intended recipients.

      Subject:  Arve 2026-17
      Sent:     2.03.2026 10:00

The following recipient(s) cannot be reached:

      lost@firma.example on 2.03.2026 10:00

            The e-mail account does not exist at the organization this message was sent to.
            <mail.firma.example #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found>

Original message headers:

Message-ID: <exchange-original@event.data.directo.ee>
From: Jaan Tamm <ounapuupoderou@event.data.directo.ee>
`;
