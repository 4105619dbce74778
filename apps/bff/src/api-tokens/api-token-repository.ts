import type { PublicApiToken, TokenScope } from '@saatja/core';
import type { Db } from '../db/database';

/** "Last used" is kept to this precision, ms. */
const LAST_USED_PRECISION_MS = 60_000;

export interface TokenRow {
  id: number;
  name: string;
  scope: TokenScope;
}

export function createApiTokenRepository(db: Db) {
  async function scopeOf(tokenId: number, any: boolean): Promise<TokenScope> {
    if (any) return { kind: 'any' };
    const users = await db
      .selectFrom('api_token_users')
      .innerJoin('users', 'users.id', 'api_token_users.user_id')
      .select('users.code')
      .where('api_token_users.token_id', '=', tokenId)
      .orderBy('users.code')
      .execute();
    return { kind: 'users', users: users.map((user) => user.code) };
  }

  return {
    async insert(row: {
      name: string;
      hash: string;
      prefix: string;
      scopeAny: boolean;
      userIds: number[];
      createdBy: number;
      at: string;
    }): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('api_tokens')
          .values({
            name: row.name,
            token_hash: row.hash,
            prefix: row.prefix,
            scope_any: row.scopeAny,
            created_by: row.createdBy,
            created_at: row.at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (row.userIds.length > 0)
          await trx
            .insertInto('api_token_users')
            .values(row.userIds.map((user_id) => ({ token_id: id, user_id })))
            .execute();
        return id;
      });
    },

    /** The live token with this hash, marking it used now (to the minute: not a write per request). */
    async use(hash: string, at: string): Promise<TokenRow | null> {
      const row = await db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'scope_any', 'last_used_at'])
        .where('token_hash', '=', hash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row) return null;
      if (row.last_used_at === null || Date.parse(at) - Date.parse(row.last_used_at) >= LAST_USED_PRECISION_MS) {
        await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', row.id).execute();
      }
      return { id: row.id, name: row.name, scope: await scopeOf(row.id, row.scope_any) };
    },

    async revoke(id: number, at: string): Promise<boolean> {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async list(): Promise<PublicApiToken[]> {
      const rows = await db
        .selectFrom('api_tokens')
        .leftJoin('users', 'users.id', 'api_tokens.created_by')
        .select([
          'api_tokens.id',
          'api_tokens.name',
          'prefix',
          'scope_any',
          'users.code as createdBy',
          'api_tokens.created_at',
          'last_used_at',
          'revoked_at',
        ])
        .orderBy('api_tokens.id', 'desc')
        .execute();
      return Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          name: row.name,
          prefix: row.prefix,
          scope: await scopeOf(row.id, row.scope_any),
          createdBy: row.createdBy,
          createdAt: row.created_at,
          lastUsedAt: row.last_used_at,
          revokedAt: row.revoked_at,
        })),
      );
    },
  };
}
export type ApiTokenRepository = ReturnType<typeof createApiTokenRepository>;
