import { isSameMailbox, M365_SMTP_SCOPE, type M365Status } from '@saatja/core';
import type { Logger } from 'pino';
import { createAuditLog } from '../audit/audit-log';
import type { UserRow } from '../auth/user-repository';
import type { MailSettingsRepository } from '../mail-settings/mail-settings-repository';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import type { SecretBox } from '../secrets/secret-box';
import { m365CacheContext } from '../secrets/seal-contexts';
import { createM365Repository, type M365Repository, type M365TokensRow } from './m365-repository';
import { describeMsalError } from './msal-error';
import type { MsalFactory } from './msal-factory';
import { tokenCachePlugin, type CacheStore } from './token-cache-plugin';

export interface M365TokenDeps {
  db: Db;
  msal: MsalFactory | null;
  mailSettings: MailSettingsRepository;
  secretBox: SecretBox;
  logger: Logger;
  now: () => Date;
}

/** A signed-in account to keep: the serialized MSAL cache that holds its tokens. */
export interface M365Connection {
  serializedCache: string;
  homeAccountId: string;
  username: string;
}

const reauthRequired = () => new AppError('sendFailed', { detail: 'm365ReauthRequired' });

/** Each user's Microsoft 365 tokens: kept sealed, used silently, forgotten on request (SPEC §2). */
export function createM365TokenService(deps: M365TokenDeps) {
  const repository = createM365Repository(deps.db);

  /** The user's sealed cache as locked in `row`; a refresh writes the rotation in the same transaction. */
  function lockedStore(locked: M365Repository, row: M365TokensRow): CacheStore {
    let current: string | null = null;
    return {
      load: async () => (current ??= deps.secretBox.open(row.token_cache_sealed, m365CacheContext(row.user_id))),
      save: async (serialized) => {
        current = serialized;
        await locked.updateCache(row.user_id, deps.secretBox.seal(serialized, m365CacheContext(row.user_id)), deps.now());
      },
    };
  }

  /** A token, or why the grant needs a new sign-in (recorded in the same transaction). */
  async function silentToken(locked: M365Repository, row: M365TokensRow): Promise<{ accessToken: string } | { reauth: string }> {
    if (!deps.msal) throw new AppError('sendFailed', { detail: 'm365NotConfigured' });
    const needsReauthentication = async (code: string) => {
      await locked.markReauthRequired(row.user_id, code, deps.now());
      deps.logger.info({ userId: row.user_id, code }, 'Microsoft 365 grant no longer valid; re-authentication needed');
      return { reauth: code };
    };
    try {
      const client = await deps.msal.create(tokenCachePlugin(lockedStore(locked, row)));
      const account = await client.getTokenCache().getAccountByHomeId(row.home_account_id);
      if (!account) return await needsReauthentication('no_tokens_found');
      // From the cache while valid; msal refreshes when it is near expiry and the plugin saves the rotation.
      return { accessToken: (await client.acquireTokenSilent({ account, scopes: [M365_SMTP_SCOPE] })).accessToken };
    } catch (error) {
      if (error instanceof AppError) throw error;
      const failure = describeMsalError(error);
      if (failure.kind === 'reauthRequired') return needsReauthentication(failure.code ?? 'interaction_required');
      deps.logger.warn(
        { userId: row.user_id, code: failure.code, err: failure.code ? undefined : error },
        'Microsoft 365 token not available',
      );
      throw new AppError('sendFailed', { detail: 'm365Unavailable' });
    }
  }

  return {
    /**
     * An SMTP.Send access token of the card `userId` for `mailbox`. Nothing is sent with a stale
     * identity: a grant marked for re-authentication, or tokens of another mailbox, are refused.
     */
    async accessToken(userId: number, mailbox: string): Promise<{ user: string; accessToken: string }> {
      // The user's row stays locked from reading the cache to saving a refresh, across all instances:
      // two refreshes with one refresh token would leave the loser looking revoked after rotation.
      const result = await deps.db.transaction().execute(async (trx) => {
        const locked = createM365Repository(trx);
        const row = await locked.findTokensForUpdate(userId);
        if (!row) throw new AppError('sendFailed', { detail: 'm365NotAuthenticated' });
        if (row.reauth_reason !== null) throw reauthRequired();
        if (!isSameMailbox(row.username, mailbox)) throw new AppError('sendFailed', { detail: 'm365AccountMismatch' });
        return { user: row.username, token: await silentToken(locked, row) };
      });
      if ('reauth' in result.token) throw reauthRequired();
      return { user: result.user, accessToken: result.token.accessToken };
    },

    async status(user: UserRow): Promise<M365Status> {
      const [row, settings] = await Promise.all([repository.findTokens(user.id), deps.mailSettings.find(user.id)]);
      const cardUser = settings?.mode === 'm365' ? settings.smtp_user : null;
      return {
        connected: row !== undefined,
        account: row?.username ?? null,
        needsReauthentication: row !== undefined && row.reauth_reason !== null,
        reauthReason: row?.reauth_reason ?? null,
        accountMismatch: row !== undefined && cardUser !== null && !isSameMailbox(row.username, cardUser),
        authenticatedAt: row?.authenticated_at ?? null,
      };
    },

    /** Keeps a checked sign-in: replaces whatever this card held before. */
    async connect(actor: UserRow, owner: UserRow, connection: M365Connection): Promise<void> {
      const at = deps.now().toISOString();
      const before = await repository.findTokens(owner.id);
      await repository.saveTokens({
        user_id: owner.id,
        token_cache_sealed: deps.secretBox.seal(connection.serializedCache, m365CacheContext(owner.id)),
        home_account_id: connection.homeAccountId,
        username: connection.username,
        authenticated_at: at,
        reauth_reason: null,
        updated_at: at,
      });
      await createAuditLog(deps.db, deps.now).record(actor.id, 'm365.connect', `user:${owner.code}`, {
        before: { account: before?.username ?? null, authenticatedAt: before?.authenticated_at ?? null },
        after: { account: connection.username, authenticatedAt: at },
      });
    },

    /** "Disconnect": the tokens (and the account in them) are forgotten. */
    async disconnect(actor: UserRow, owner: UserRow): Promise<void> {
      const before = await repository.findTokens(owner.id);
      if (!(await repository.deleteTokens(owner.id))) return;
      await createAuditLog(deps.db, deps.now).record(actor.id, 'm365.disconnect', `user:${owner.code}`, {
        before: { account: before?.username ?? null },
        after: { account: null },
      });
    },
  };
}
export type M365TokenService = ReturnType<typeof createM365TokenService>;
