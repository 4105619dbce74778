import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserRepository, type UserRow } from '../src/auth/user-repository';
import type { Db } from '../src/db/database';
import { createGlobalMailUserService } from '../src/global-mail-user/global-mail-user-service';
import { createSystemSettingsRepository, MAIL_SENDING_USER } from '../src/global-mail-user/system-settings-repository';
import { createMailSettingsRepository } from '../src/mail-settings/mail-settings-repository';
import { openTestDatabase } from './support/test-database';

const USERS = 40;
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let queries = 0;
let users: UserRow[];

beforeAll(async () => {
  database = await openTestDatabase({ log: () => void (queries += 1) });
  db = database.db;
  const repository = createUserRepository(db);
  const settings = createMailSettingsRepository(db);
  const at = new Date();
  for (let index = 0; index < USERS; index++) {
    const id = await repository.insert(
      { code: `U${String(index).padStart(2, '0')}`, name: `User ${index}`, email: `u${index}@firma.ee`, role: 'user', passwordHash: 'x' },
      at,
    );
    if (index % 2 === 0) {
      await settings.save({
        user_id: id,
        mode: 'smtp',
        smtp_host: 'smtp.firma.ee',
        smtp_port: 587,
        smtp_security: 'starttls',
        smtp_user: `u${index}`,
        smtp_password_sealed: null,
        password_host: null,
        password_port: null,
        password_security: null,
        updated_at: at.toISOString(),
      });
    }
  }
  await createSystemSettingsRepository(db).set(MAIL_SENDING_USER, 'U00', at);
  users = await repository.listAll();
});

afterAll(async () => {
  await database.close();
});

const service = () =>
  createGlobalMailUserService({ db, deployment: { eventDomain: 'event.data.directo.ee', companyName: 'Firma OÜ' }, now: () => new Date() });

async function countQueries(task: () => Promise<unknown>): Promise<number> {
  queries = 0;
  await task();
  return queries;
}

describe('queries per request do not grow with the number of users', () => {
  it(`when the admin lists ${USERS} users with their effective configuration, then it takes two queries`, async () => {
    let rows: unknown[] = [];
    expect(await countQueries(async () => (rows = await service().preview('U00')))).toBe(2);
    expect(rows).toHaveLength(USERS);
  });

  it('when a card is shown, then its settings and the global mail user come in one query', async () => {
    let relation: unknown = null;
    expect(await countQueries(async () => (relation = (await service().cardOf(users[1]!)).relation.inherited))).toBe(1);
    expect(relation).toEqual({ code: 'U00', server: { host: 'smtp.firma.ee', port: 587, security: 'starttls' } });
  });

  it('when the global mail user’s own card is shown, then counting who inherits from it is still three queries', async () => {
    let inheritedBy: number | null = null;
    expect(await countQueries(async () => (inheritedBy = (await service().cardOf(users[0]!)).relation.inheritedBy))).toBe(3);
    // The users without an own server: every odd one.
    expect(inheritedBy).toBe(USERS / 2);
  });
});
