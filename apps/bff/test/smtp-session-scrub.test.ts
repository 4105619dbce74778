import { createServer, connect, type Server } from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { SmtpSession } from '../src/diagnostics/smtp-session';
import { replyScrubber } from '../src/mail/reply-scrubber';

const USER = 'info@firma.ee';
const PASSWORD = 'Wrapped-Echo-Secret-8841';
const plain = Buffer.from(`\0${USER}\0${PASSWORD}`).toString('base64');

let server: Server | undefined;
afterEach(() => server?.close());

/** A server on loopback that greets, then answers the first command with `reply` as written. */
async function sessionWith(reply: string): Promise<SmtpSession> {
  server = createServer((socket) => {
    socket.write('220 echo.test ESMTP\r\n');
    socket.once('data', () => socket.write(reply));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const socket = connect({ host: '127.0.0.1', port });
  await once(socket, 'connect');
  const session = new SmtpSession(socket, replyScrubber({ user: USER, pass: PASSWORD }));
  await session.read('CONN', 5_000);
  return session;
}

describe('SmtpSession scrubbing', () => {
  it.each([
    ['the password wrapped over two lines', `535-5.7.8 you sent ${PASSWORD.slice(0, 12)}\r\n535 5.7.8 ${PASSWORD.slice(12)}\r\n`],
    [
      'AUTH PLAIN wrapped over three lines',
      `535-5.7.8 AUTH PLAIN ${plain.slice(0, 10)}\r\n535-5.7.8 ${plain.slice(10, 30)}\r\n535 5.7.8 ${plain.slice(30)}\r\n`,
    ],
  ])('when a reply holds %s, then neither its text nor its lines keep any part of it', async (_what, wire) => {
    const session = await sessionWith(wire);
    const reply = await session.send('AUTH PLAIN x', 'AUTH PLAIN', 5_000);
    session.abort();
    expect(reply.code).toBe(535);
    expect(reply.text).toContain('[redacted]');
    for (const text of [reply.text, ...reply.lines]) {
      expect(text).not.toContain(PASSWORD.slice(0, 12));
      expect(text).not.toContain(PASSWORD.slice(12));
      expect(text).not.toContain(plain.slice(10, 30));
    }
  });
});
