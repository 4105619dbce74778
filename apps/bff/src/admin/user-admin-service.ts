import type { CreateUserInput } from '@saatja/core';
import { createAuditLog } from '../audit/audit-log';
import { createUserRepository, type UserRow } from '../auth/user-repository';
import type { Db } from '../db/database';
import { AppError, fieldError } from '../http/app-error';
import { hashPassword } from '../secrets/password-hash';
import { createUser } from './create-user';

/** Admins create users and reset passwords; a reset ends the user's sessions. */
export function createUserAdminService(deps: { db: Db; now: () => Date }) {
  const users = createUserRepository(deps.db);
  const audit = createAuditLog(deps.db, deps.now);

  return {
    async create(actor: UserRow, input: CreateUserInput) {
      if ((await createUser(deps.db, input, actor.id, deps.now())) === 'codeTaken') throw fieldError('code', 'code.taken');
      return users.findByCode(input.code);
    },

    async resetPassword(actor: UserRow, code: string, password: string) {
      const user = await users.findByCode(code);
      if (!user) throw new AppError('notFound');
      const passwordHash = await hashPassword(password);
      await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      });
      await audit.record(actor.id, 'user.resetPassword', `user:${code}`, { before: { password: 'old' }, after: { password: 'reset' } });
    },
  };
}
export type UserAdminService = ReturnType<typeof createUserAdminService>;
