import { EXPIRED_SIGN_IN_KEPT_MS } from '@saatja/core';
import type { Db } from '../db/database';
import type { M365AuthStatesTable, M365TokensTable } from '../db/schema';

export type M365TokensRow = M365TokensTable;
export type M365AuthStateRow = M365AuthStatesTable;

export function createM365Repository(db: Db) {
  return {
    findTokens(userId: number): Promise<M365TokensRow | undefined> {
      return db.selectFrom('m365_tokens').selectAll().where('user_id', '=', userId).executeTakeFirst();
    },
    /** Read and lock the row until the transaction ends (inside db.transaction() only). */
    findTokensForUpdate(userId: number): Promise<M365TokensRow | undefined> {
      return db.selectFrom('m365_tokens').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst();
    },
    /** A new connection replaces the old one, cache and all. */
    async saveTokens(row: M365TokensRow): Promise<void> {
      await db
        .insertInto('m365_tokens')
        .values(row)
        .onConflict((conflict) => conflict.column('user_id').doUpdateSet(row))
        .execute();
    },
    /** After a refresh; a connection removed meanwhile stays removed. */
    async updateCache(userId: number, sealed: string, at: Date): Promise<void> {
      await db
        .updateTable('m365_tokens')
        .set({ token_cache_sealed: sealed, updated_at: at.toISOString() })
        .where('user_id', '=', userId)
        .execute();
    },
    async markReauthRequired(userId: number, reason: string, at: Date): Promise<void> {
      await db
        .updateTable('m365_tokens')
        .set({ reauth_reason: reason, updated_at: at.toISOString() })
        .where('user_id', '=', userId)
        .execute();
    },
    async deleteTokens(userId: number): Promise<boolean> {
      const result = await db.deleteFrom('m365_tokens').where('user_id', '=', userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async insertState(row: M365AuthStateRow): Promise<void> {
      await db.insertInto('m365_auth_states').values(row).execute();
    },
    /** Single use: the row is deleted as it is read, and only for the session that began the sign-in. */
    consumeState(stateHash: string, sessionHash: string): Promise<M365AuthStateRow | undefined> {
      return db
        .deleteFrom('m365_auth_states')
        .where('state_hash', '=', stateHash)
        .where('session_hash', '=', sessionHash)
        .returningAll()
        .executeTakeFirst();
    },
    /** Sign-ins that expired longer than EXPIRED_SIGN_IN_KEPT_MS before `now`. */
    async deleteExpiredStates(now: Date): Promise<void> {
      const keptSince = new Date(now.getTime() - EXPIRED_SIGN_IN_KEPT_MS).toISOString();
      await db.deleteFrom('m365_auth_states').where('expires_at', '<', keptSince).execute();
    },
  };
}
export type M365Repository = ReturnType<typeof createM365Repository>;
