import type { CreatedApiToken, CreateTokenInput, PublicApiToken } from '@saatja/core';
import type { AuditLog } from '../audit/audit-log';
import type { UserRepository, UserRow } from '../auth/user-repository';
import { fieldError } from '../http/app-error';
import type { ApiTokenRepository, TokenRow } from './api-token-repository';
import { hashToken, newToken } from './token-secret';

export interface ApiTokenServiceDeps {
  tokens: ApiTokenRepository;
  users: UserRepository;
  audit: AuditLog;
  now: () => Date;
}

/** API tokens for the ERP's back end (SPEC §10): created and revoked by admins, audited. */
export function createApiTokenService(deps: ApiTokenServiceDeps) {
  return {
    list: (): Promise<PublicApiToken[]> => deps.tokens.list(),

    /** The token is in the answer once; afterwards only its hash exists. */
    async create(admin: UserRow, input: CreateTokenInput): Promise<CreatedApiToken> {
      const userIds: number[] = [];
      if (input.scope.kind === 'users') {
        for (const [index, code] of input.scope.users.entries()) {
          const user = await deps.users.findByCode(code);
          if (!user) throw fieldError(`scope.users.${index}`, 'user.notFound');
          userIds.push(user.id);
        }
      }
      const secret = newToken();
      const at = deps.now().toISOString();
      const id = await deps.tokens.insert({
        name: input.name,
        hash: secret.hash,
        prefix: secret.prefix,
        scopeAny: input.scope.kind === 'any',
        userIds,
        createdBy: admin.id,
        at,
      });
      await deps.audit.record(admin.id, 'apiToken.create', `api-token:${id}`, {
        before: {},
        after: { name: input.name, scope: input.scope, prefix: secret.prefix },
      });
      const created = (await deps.tokens.list()).find((token) => token.id === id)!;
      return { ...created, token: secret.token };
    },

    async revoke(admin: UserRow, id: number): Promise<boolean> {
      const revoked = await deps.tokens.revoke(id, deps.now().toISOString());
      if (revoked)
        await deps.audit.record(admin.id, 'apiToken.revoke', `api-token:${id}`, { before: { revoked: false }, after: { revoked: true } });
      return revoked;
    },

    /** The live token a request presents, or null. */
    authenticate: (token: string): Promise<TokenRow | null> => deps.tokens.use(hashToken(token), deps.now().toISOString()),
  };
}
export type ApiTokenService = ReturnType<typeof createApiTokenService>;
