import { createLocalTls, startSmtpServer, type LocalSmtpServer, type TlsMaterial } from '@saatja/local-servers';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UserTransport } from '../src/mail/user-transport';
import { createAccountConnection } from '../src/outbox/account-connection';
import { eventually, JAAN_SMTP_PASSWORD } from './support/outbox';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';

let tls: TlsMaterial;
let own: LocalSmtpServer;
let proxy: TcpProxy;
let connection: ReturnType<typeof createAccountConnection>;

beforeAll(async () => {
  tls = await createLocalTls();
});

beforeEach(async () => {
  own = await startSmtpServer({ security: 'starttls', tls, users: { jaan: JAAN_SMTP_PASSWORD } });
  proxy = await startTcpProxy({ host: '127.0.0.1', port: own.port });
  connection = createAccountConnection(Date.now);
});

afterEach(async () => {
  connection.close();
  await proxy.cut();
  await own.close();
});

/** The user's own server (through the proxy, which a test can cut), as a configuration would build it. */
const build = async (): Promise<UserTransport> => ({
  options: {
    host: '127.0.0.1',
    port: proxy.port,
    secure: false,
    requireTLS: true,
    tls: { ca: tls.ca, servername: 'localhost' },
    auth: { user: 'jaan', pass: JAAN_SMTP_PASSWORD },
  },
  // Neither is read by the connection: it only carries them for the sender.
  route: { kind: 'smtp', host: 'localhost', port: proxy.port, security: 'starttls', user: 'jaan', owner: 'own' },
  effective: {} as UserTransport['effective'],
});

async function send(subject: string): Promise<void> {
  const { transporter } = await connection.source(build);
  await transporter.sendMail({ from: 'jaan@firma.ee', to: 'klient@example.ee', subject, text: 'Tere!' });
}

describe('a sender’s connection opened ahead of its first message', () => {
  it('when it is warmed, then the server sees the connection before any message, and the messages go over it', async () => {
    await connection.warm(build);
    await eventually(
      async () => own.connections().total,
      (total) => total === 1,
    );

    await send('Üks');
    await send('Kaks');

    expect(own.received().map((mail) => mail.headers.subject)).toEqual(['Üks', 'Kaks']);
    expect(own.received().every((mail) => mail.secure && mail.authUser === 'jaan')).toBe(true);
    expect(own.connections().total).toBe(1);
  });

  it('when the early socket is cut before the first message, then the pool connects itself and the message is sent', async () => {
    await connection.warm(build);
    await eventually(
      async () => own.connections().open,
      (open) => open === 1,
    );
    await proxy.cut();
    await proxy.restore();
    await eventually(
      async () => own.connections().open,
      (open) => open === 0,
    );

    await send('Pärast katkestust');

    expect(own.received().map((mail) => mail.headers.subject)).toEqual(['Pärast katkestust']);
    expect(own.connections().total).toBe(2);
  });

  it('when the server is out of reach while warming, then nothing breaks and the first message reports the real failure', async () => {
    await proxy.cut();
    await connection.warm(build);

    // What nodemailer reports when it connects itself and is refused.
    await expect(send('Ei jõua')).rejects.toMatchObject({ code: 'ESOCKET', message: expect.stringContaining('ECONNREFUSED') });
    await proxy.restore();
    connection.close();
    await send('Jõuab');
    expect(own.received().map((mail) => mail.headers.subject)).toEqual(['Jõuab']);
  });

  it('when the sender closes before any message, then the early socket is closed too', async () => {
    await connection.warm(build);
    await eventually(
      async () => own.connections().open,
      (open) => open === 1,
    );

    connection.close();

    await eventually(
      async () => own.connections().open,
      (open) => open === 0,
    );
    expect(own.received()).toEqual([]);
  });
});
