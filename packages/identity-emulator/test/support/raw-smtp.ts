import { connect, type TLSSocket } from 'node:tls';

/** Reply code and text of the server's answer to AUTH XOAUTH2. */
export interface SmtpReply {
  code: number;
  text: string;
}

/**
 * Logs in with XOAUTH2 over implicit TLS and returns the server's verdict: enough SMTP to check
 * what a mail client would see, without a mail library in this package.
 */
export async function xoauth2Login(port: number, ca: string, user: string, token: string): Promise<SmtpReply> {
  const socket = connect({ host: '127.0.0.1', port, ca, servername: 'localhost' });
  const replies = replyReader(socket);
  try {
    await replies.next(); // greeting
    socket.write('EHLO client.test\r\n');
    await replies.next();
    const initial = Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString('base64');
    socket.write(`AUTH XOAUTH2 ${initial}\r\n`);
    let reply = await replies.next();
    // On failure XOAUTH2 first sends a 334 challenge with details; an empty line gets the final reply.
    if (reply.code === 334) {
      socket.write('\r\n');
      reply = await replies.next();
    }
    return reply;
  } finally {
    socket.destroy();
  }
}

/** Yields complete (possibly multi-line) SMTP replies in order; rejects once the socket fails or ends. */
function replyReader(socket: TLSSocket): { next(): Promise<SmtpReply> } {
  let buffer = '';
  const complete: SmtpReply[] = [];
  const waiting: { resolve: (reply: SmtpReply) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure = error;
    for (const waiter of waiting.splice(0)) waiter.reject(error);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('SMTP connection closed')));
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let match: RegExpExecArray | null;
    // A reply ends with a line "NNN text" (a space, not a dash, after the code).
    while ((match = /^((?:\d{3}-[^\r\n]*\r\n)*)(\d{3}) ([^\r\n]*)\r\n/.exec(buffer)) !== null) {
      buffer = buffer.slice(match[0].length);
      const reply = { code: Number(match[2]), text: match[3] ?? '' };
      const waiter = waiting.shift();
      if (waiter) waiter.resolve(reply);
      else complete.push(reply);
    }
  });
  return {
    next() {
      const ready = complete.shift();
      if (ready) return Promise.resolve(ready);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}
