import type { Language, Me, Role } from '@saatja/core';
import type { Db } from '../db/database';

export interface UserRow {
  id: number;
  code: string;
  name: string;
  email: string;
  role: Role;
  language: Language;
}

const USER_COLUMNS = ['id', 'code', 'name', 'email', 'role', 'language'] as const;

export function createUserRepository(db: Db) {
  return {
    async findById(id: number): Promise<UserRow | undefined> {
      return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
    },
    async findByCode(code: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').select(USER_COLUMNS).where('code', '=', code).executeTakeFirst();
    },
    async listAll(): Promise<UserRow[]> {
      return db.selectFrom('users').select(USER_COLUMNS).orderBy('code').execute();
    },
    async findCredentials(code: string) {
      return db.selectFrom('users').select(['id', 'password_hash']).where('code', '=', code).executeTakeFirst();
    },
    async setLanguage(id: number, language: Language): Promise<void> {
      await db.updateTable('users').set({ language }).where('id', '=', id).execute();
    },
    async insert(user: Omit<UserRow, 'id' | 'language'> & { passwordHash: string }, at: Date): Promise<number> {
      const row = await db
        .insertInto('users')
        .values({
          code: user.code,
          name: user.name,
          email: user.email,
          role: user.role,
          password_hash: user.passwordHash,
          created_at: at.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    /** Locks the user's row to the end of the transaction and reads the profile as committed then. */
    async lockProfile(id: number): Promise<Pick<UserRow, 'name' | 'email'> | undefined> {
      return db.selectFrom('users').select(['name', 'email']).where('id', '=', id).forUpdate().executeTakeFirst();
    },
    async updateProfile(id: number, profile: { name: string; email: string }): Promise<void> {
      await db.updateTable('users').set(profile).where('id', '=', id).execute();
    },
  };
}
export type UserRepository = ReturnType<typeof createUserRepository>;

export const toMe = (user: UserRow): Me => ({ code: user.code, name: user.name, role: user.role, language: user.language });
