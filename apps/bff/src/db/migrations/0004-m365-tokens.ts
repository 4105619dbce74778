import type { Kysely, Migration } from 'kysely';

/**
 * Microsoft 365 OAuth (SPEC §2): each user's MSAL token cache, sealed, with the account it holds;
 * and the sign-ins in progress, keyed by a hash of their `state`, bound to the session that began them.
 */
export const m365Tokens: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('m365_tokens')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('token_cache_sealed', 'text', (c) => c.notNull())
      .addColumn('home_account_id', 'text', (c) => c.notNull())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('authenticated_at', 'text', (c) => c.notNull())
      // Set when a refresh failed for good (revoked, expired): nothing is sent until a new sign-in.
      .addColumn('reauth_reason', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('m365_auth_states')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('session_hash', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('mailbox', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('return_path', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('m365_auth_states_expires_at').on('m365_auth_states').column('expires_at').execute();
  },
};
