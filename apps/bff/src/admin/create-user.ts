import type { CreateUserInput } from '@saatja/core';
import { createAuditLog } from '../audit/audit-log';
import { createUserRepository } from '../auth/user-repository';
import type { Db } from '../db/database';
import { hashPassword } from '../secrets/password-hash';

/**
 * Create a user unless the code is taken; an existing user is never touched. Audited, with no
 * actor when it comes from the command line or the container's first-admin setting.
 */
export async function createUser(db: Db, input: CreateUserInput, actorUserId: number | null, now: Date): Promise<'created' | 'codeTaken'> {
  const users = createUserRepository(db);
  if (await users.findByCode(input.code)) return 'codeTaken';
  const { password, ...profile } = input;
  const passwordHash = await hashPassword(password);
  try {
    await users.insert({ ...profile, passwordHash }, now);
  } catch (error) {
    // Another instance or command created the same code in the meantime: the unique code wins.
    if (await users.findByCode(input.code)) return 'codeTaken';
    throw error;
  }
  await createAuditLog(db, () => now).record(actorUserId, 'user.create', `user:${input.code}`, { before: {}, after: profile });
  return 'created';
}
