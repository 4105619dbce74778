import { echoPasswordRefusal, startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64Fragments } from '@saatja/core';
import { createLogger } from '../src/logger';

const USER = 'info@firma.ee';
const PASSWORD = 'Logged-Echo-Secret-5521';

let echoing: LocalSmtpServer;
beforeAll(async () => {
  echoing = await startSmtpServer({
    security: 'none',
    authenticatePassword: async (user, password) => echoPasswordRefusal(user, password),
  });
});
afterAll(() => echoing?.close());

describe('the logger and nodemailer errors', () => {
  it('when an error whose server reply echoes the password is logged, then the line keeps what failed but not the reply', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: echoing.port,
      secure: false,
      ignoreTLS: true,
      auth: { user: USER, pass: PASSWORD },
    });
    const error = await transport.verify().then(
      () => null,
      (failure: unknown) => failure,
    );
    transport.close();
    // The real error carries the reply in `response`, and nodemailer repeats it in `message` and `stack`.
    expect(String((error as Error).message)).toContain(PASSWORD);

    const lines: string[] = [];
    createLogger('info', { write: (line: string) => void lines.push(line) }).error({ err: error }, 'send failed');
    const logged = lines.join('\n');
    expect(logged).toContain('EAUTH');
    expect(logged).toContain('Invalid login');
    for (const form of [PASSWORD, ...base64Fragments(PASSWORD)]) expect(logged).not.toContain(form);
  });
});
