import type { Role } from '@saatja/core';
import { createUserRepository } from '../auth/user-repository';
import type { Db } from '../db/database';
import { hashPassword } from '../secrets/password-hash';

/** Dev mode's demo accounts; printed at start so a newcomer can sign in. */
export const DEMO_USERS: readonly { code: string; name: string; email: string; role: Role; password: string }[] = [
  { code: 'MARI', name: 'Mari Maasikas', email: 'mari@firma.ee', role: 'admin', password: 'mari-demo-2026' },
  { code: 'JAAN', name: 'Jaan Tamm', email: 'jaan@firma.ee', role: 'user', password: 'jaan-demo-2026' },
];

/** Create the demo users when the database has no users yet. */
export async function seedDemoUsers(db: Db, now: Date): Promise<boolean> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const users = createUserRepository(db);
  for (const { password, ...user } of DEMO_USERS) {
    await users.insert({ ...user, passwordHash: await hashPassword(password) }, now);
  }
  return true;
}
