import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, createSessionStore } from '../src/auth/session-store';
import { createUserRepository } from '../src/auth/user-repository';
import { createCardService } from '../src/card/card-service';
import type { Db } from '../src/db/database';
import { createGlobalMailUserService } from '../src/global-mail-user/global-mail-user-service';
import { createSystemSettingsRepository, MAIL_SENDING_USER } from '../src/global-mail-user/system-settings-repository';
import { createMailSettingsRepository } from '../src/mail-settings/mail-settings-repository';
import { createSecretBox, generateKeySpec } from '../src/secrets/secret-box';
import { openTestDatabase } from './support/test-database';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let queries = 0;
let clock = Date.parse('2026-11-27T08:00:00Z');
const now = () => new Date(clock);
const ids = { own: 0, global: 0 };

beforeAll(async () => {
  database = await openTestDatabase({ log: () => void (queries += 1) });
  db = database.db;
  const users = createUserRepository(db);
  ids.own = await users.insert({ code: 'JAAN', name: 'Jaan Tamm', email: 'jaan@firma.ee', role: 'user', passwordHash: 'x' }, now());
  ids.global = await users.insert({ code: 'MAIL', name: 'Mail', email: 'mail@firma.ee', role: 'user', passwordHash: 'x' }, now());
  await createMailSettingsRepository(db).save({
    user_id: ids.global,
    mode: 'smtp',
    smtp_host: 'smtp.firma.ee',
    smtp_port: 587,
    smtp_security: 'starttls',
    smtp_user: 'mail',
    smtp_password_sealed: null,
    password_host: null,
    password_port: null,
    password_security: null,
    updated_at: now().toISOString(),
  });
  await createSystemSettingsRepository(db).set(MAIL_SENDING_USER, 'MAIL', now());
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await db.deleteFrom('sessions').execute();
});

function services() {
  const sessions = createSessionStore(db, now);
  const globalMailUser = createGlobalMailUserService({ db, deployment: { eventDomain: 'event.test', companyName: 'Firma OÜ' }, now });
  const cards = createCardService({ db, secretBox: createSecretBox(generateKeySpec('t1')), globalMailUser, sessions, now });
  return { sessions, cards };
}

const sessionCount = async () => (await db.selectFrom('sessions').select('id_hash').execute()).length;

describe('the own card read (GET /api/card): the session and the card in one query', () => {
  it('when the session is live, then one query gives the user and their card with what it inherits', async () => {
    const { sessions, cards } = services();
    const id = await sessions.create(ids.own);
    queries = 0;

    const own = await cards.ownCard(id);

    expect(queries).toBe(1);
    expect(own?.user).toMatchObject({ id: ids.own, code: 'JAAN' });
    expect(own?.card).toMatchObject({
      code: 'JAAN',
      email: 'jaan@firma.ee',
      mailSender: { mode: 'default', inherited: { code: 'MAIL', server: { host: 'smtp.firma.ee', port: 587, security: 'starttls' } } },
    });
  });

  it('when the id is unknown or the session was destroyed, then there is no card', async () => {
    const { sessions, cards } = services();
    const id = await sessions.create(ids.own);
    await sessions.destroy(id);

    expect(await cards.ownCard(id)).toBeNull();
    expect(await cards.ownCard('no-such-session')).toBeNull();
  });

  it.each([
    ['idle too long', SESSION_IDLE_MS],
    ['past its absolute expiry', SESSION_ABSOLUTE_MS],
  ])('when the session is %s, then there is no card and the session is deleted', async (_what, after) => {
    const { sessions, cards } = services();
    const id = await sessions.create(ids.own);
    clock += after;

    expect(await cards.ownCard(id)).toBeNull();
    expect(await sessionCount()).toBe(0);
  });

  it('when the session is used after a while, then it is marked seen, as every other request marks it', async () => {
    const { sessions, cards } = services();
    const id = await sessions.create(ids.own);
    clock += SESSION_IDLE_MS - 60_000;
    expect(await cards.ownCard(id)).not.toBeNull();
    clock += SESSION_IDLE_MS - 60_000;

    expect((await cards.ownCard(id))?.user.code).toBe('JAAN');
  });
});
