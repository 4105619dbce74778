import { createLocalTls, startSmtpServer, type LocalSmtpServer } from '@saatja/local-servers';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { eventually } from './support/outbox';
import { startTestStack, type TestStack } from './support/stack';

const PASSWORD = 'Kal4-Maja!secret';

let stack: TestStack;
let own: LocalSmtpServer;
let jaan: ReturnType<typeof apiClient>;

const defaultCard = { name: 'Jaan Tamm', email: 'jaan@firma.ee', mailSender: { mode: 'default' } };
const smtpCard = (password: string) => ({
  name: 'Jaan Tamm',
  email: 'jaan@firma.ee',
  mailSender: {
    mode: 'smtp',
    smtp: { host: 'localhost', port: own.port, security: 'starttls', user: 'jaan', password, clearPassword: false },
  },
});

beforeEach(async () => {
  const tls = await createLocalTls();
  own = await startSmtpServer({ security: 'starttls', tls, users: { jaan: PASSWORD } });
  stack = await startTestStack({ tls, openPorts: [own.port] });
  jaan = apiClient(stack.url);
  expect((await jaan.signIn('JAAN', 'jaan-demo-2026')).status).toBe(200);
  expect((await jaan.call('PUT', '/card', defaultCard)).status).toBe(200);
});

afterEach(async () => {
  await stack.close();
  await own.close();
});

/** Statements of the app's pool now waiting for a row lock. */
const waitingForLocks = async () =>
  Number(
    (
      await sql<{
        n: string;
      }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(stack.bff.db)
    ).rows[0]!.n,
  );

describe('saving a card while another save of it is under way', () => {
  it('when a save read the card before another save committed, then it works on the committed card: a password just entered is not lost', async () => {
    // Hold the card's settings row: the password save below stops just before writing it.
    const [withPassword, stale] = await stack.bff.db.transaction().execute(async (trx) => {
      await trx.selectFrom('mail_settings').select('user_id').forUpdate().execute();
      const saving = jaan.call('PUT', '/card', smtpCard(PASSWORD));
      await eventually(waitingForLocks, (n) => n === 1);
      // A second save (the same card, e.g. in another tab) starts while the first has not committed.
      const second = jaan.call('PUT', '/card', defaultCard);
      await eventually(waitingForLocks, (n) => n === 2);
      return [saving, second] as const;
    });

    expect((await withPassword).status).toBe(200);
    expect((await stale).status).toBe(200);
    const row = await stack.bff.db.selectFrom('mail_settings').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ mode: 'default', smtp_host: 'localhost', smtp_port: own.port, password_host: 'localhost' });
    expect(row.smtp_password_sealed).not.toBeNull();
    // Switching back keeps the stored password, as the card promises.
    expect((await jaan.call('PUT', '/card', smtpCard(''))).status).toBe(200);
  });
});
