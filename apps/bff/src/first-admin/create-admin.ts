import type { CreateUserInput } from '@saatja/core';
import { createUser } from '../admin/create-user';
import type { Db } from '../db/database';

/**
 * The container's one-shot setting (SPEC §9): the first admin is created only while no admin
 * exists, so a restart, or a password changed in the app since, is never overwritten.
 */
export async function ensureInitialAdmin(db: Db, admin: CreateUserInput, now: Date): Promise<'created' | 'adminExists'> {
  const anyAdmin = await db.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
  if (anyAdmin) return 'adminExists';
  return (await createUser(db, { ...admin, role: 'admin' }, null, now)) === 'created' ? 'created' : 'adminExists';
}
