import { createHash, randomBytes } from 'node:crypto';
import { CryptoProvider } from '@azure/msal-node';
import {
  classifyAadError,
  displayableAadCode,
  isSameMailbox,
  M365_SIGN_IN_SCOPES,
  m365CallbackQuerySchema,
  type M365AuthResult,
  type M365CallbackQuery,
  type M365StartInput,
} from '@saatja/core';
import type { Logger } from 'pino';
import { createUserRepository, type UserRow } from '../auth/user-repository';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { createM365Repository, type M365AuthStateRow } from './m365-repository';
import type { M365TokenService } from './m365-token-service';
import { describeMsalError } from './msal-error';
import type { MsalFactory } from './msal-factory';
import { memoryCacheStore, tokenCachePlugin } from './token-cache-plugin';

/** ms a started sign-in may take: Microsoft's own sign-in page gives up after about as long. */
const SIGN_IN_LIFETIME_MS = 15 * 60 * 1000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const random = () => randomBytes(32).toString('base64url');

export type UseM365Mailbox = (actor: UserRow, owner: UserRow, mailbox: string) => Promise<unknown>;

export interface M365AuthDeps {
  db: Db;
  msal: MsalFactory | null;
  /** Puts the owner's card in mode Microsoft 365 with the signed-in mailbox (the card feature does it). */
  useM365Mailbox: UseM365Mailbox;
  tokens: M365TokenService;
  logger: Logger;
  now: () => Date;
}

export interface CallbackOutcome {
  result: M365AuthResult;
  /** Where the same-window fallback returns to. */
  returnPath: string;
}

/** The authorization code flow with PKCE (SPEC §2): start → the identity provider → callback. */
export function createM365AuthService(deps: M365AuthDeps) {
  const repository = createM365Repository(deps.db);
  const users = createUserRepository(deps.db);
  const requireMsal = () => {
    if (!deps.msal) throw new AppError('notFound', { detail: 'm365NotConfigured' });
    return deps.msal;
  };

  /** Redeems the code; the tokens stay in memory until the account is known to be the card's mailbox. */
  async function redeem(msal: MsalFactory, flow: M365AuthStateRow, query: M365CallbackQuery & { code: string; state: string }) {
    const store = memoryCacheStore();
    const client = await msal.create(tokenCachePlugin(store));
    const result = await client.acquireTokenByCode(
      // What was kept at the start (the state matched its hash, so it is the one sent) ...
      {
        code: query.code,
        scopes: [...M365_SIGN_IN_SCOPES],
        redirectUri: msal.config.redirectUri,
        codeVerifier: flow.code_verifier,
        nonce: flow.nonce,
        state: query.state,
      },
      // ... and what came back in the redirect (msal-node 7 checks the two against each other).
      { code: query.code, state: query.state, client_info: query.client_info },
    );
    return { account: result.account, serializedCache: store.value };
  }

  async function finish(flow: M365AuthStateRow, query: M365CallbackQuery & { state: string }): Promise<M365AuthResult> {
    if (query.error !== undefined) {
      const error = { error: query.error, description: query.error_description ?? null };
      return classifyAadError(error) === 'cancelled' ? { outcome: 'cancelled' } : { outcome: 'failed', code: displayableAadCode(error) };
    }
    if (query.code === undefined) return { outcome: 'failed', code: null };
    let redeemed;
    try {
      redeemed = await redeem(requireMsal(), flow, { ...query, code: query.code });
    } catch (error) {
      const failure = describeMsalError(error);
      deps.logger.warn(
        { userId: flow.user_id, code: failure.code, err: failure.code ? undefined : error },
        'Microsoft 365 code redemption failed',
      );
      return { outcome: 'failed', code: failure.code };
    }
    const { account, serializedCache } = redeemed;
    if (!account || serializedCache === null) return { outcome: 'failed', code: null };
    // The mailbox mail is sent as must be the one that signed in; otherwise nothing is kept.
    if (!isSameMailbox(account.username, flow.mailbox))
      return { outcome: 'accountMismatch', account: account.username, expected: flow.mailbox };
    const [actor, owner] = await Promise.all([users.findById(flow.actor_user_id), users.findById(flow.user_id)]);
    if (!actor || !owner) return { outcome: 'invalidState' };
    await deps.tokens.connect(actor, owner, { serializedCache, homeAccountId: account.homeAccountId, username: account.username });
    await deps.useM365Mailbox(actor, owner, account.username);
    return { outcome: 'authenticated', account: account.username };
  }

  return {
    /** Begins a sign-in for `owner`'s card; the state is bound to this session and used once. */
    async start(
      actor: UserRow,
      owner: UserRow,
      sessionId: string,
      input: M365StartInput,
      returnPath: string,
    ): Promise<{ authorizeUrl: string }> {
      const msal = requireMsal();
      const now = deps.now();
      await repository.deleteExpiredStates(now);
      const state = random();
      const nonce = random();
      const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
      await repository.insertState({
        state_hash: sha256(state),
        session_hash: sha256(sessionId),
        actor_user_id: actor.id,
        user_id: owner.id,
        mailbox: input.user,
        code_verifier: verifier,
        nonce,
        return_path: returnPath,
        expires_at: new Date(now.getTime() + SIGN_IN_LIFETIME_MS).toISOString(),
      });
      try {
        const client = await msal.create(tokenCachePlugin(memoryCacheStore()));
        const authorizeUrl = await client.getAuthCodeUrl({
          scopes: [...M365_SIGN_IN_SCOPES],
          redirectUri: msal.config.redirectUri,
          codeChallenge: challenge,
          codeChallengeMethod: 'S256',
          state,
          nonce,
          // msal leaves the hint out next to select_account (Entra ID refuses the pair); the account
          // picker lets a user signed in as an admin pick the mailbox, and the callback checks it.
          loginHint: input.user,
          prompt: 'select_account',
          responseMode: 'query',
        });
        return { authorizeUrl };
      } catch (error) {
        deps.logger.warn({ err: error }, 'Microsoft 365 sign-in could not start');
        throw new AppError('sendFailed', { detail: 'm365Unavailable' });
      }
    },

    /** The redirect back: checks the state (this session's, unused, in time), then the code and the account. */
    async complete(sessionId: string | undefined, rawQuery: unknown): Promise<CallbackOutcome> {
      const parsed = m365CallbackQuerySchema.safeParse(rawQuery);
      const state = parsed.success ? parsed.data.state : undefined;
      const flow = state && sessionId ? await repository.consumeState(sha256(state), sha256(sessionId)) : undefined;
      if (!parsed.success || !state || !flow) return { result: { outcome: 'invalidState' }, returnPath: '/' };
      if (flow.expires_at <= deps.now().toISOString()) return { result: { outcome: 'expiredState' }, returnPath: flow.return_path };
      return { result: await finish(flow, { ...parsed.data, state }), returnPath: flow.return_path };
    },
  };
}
export type M365AuthService = ReturnType<typeof createM365AuthService>;
