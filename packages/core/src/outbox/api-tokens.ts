import { z } from 'zod/mini';

/** Who a token may send as: any user, or the listed user codes only. */
export type TokenScope = { kind: 'any' } | { kind: 'users'; users: string[] };

const userCode = z
  .string({ error: 'required' })
  .check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(64, { error: 'tooLong' }));

/** POST /api/admin/tokens. */
export const createTokenSchema = z.object(
  {
    name: z.string({ error: 'required' }).check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(100, { error: 'tooLong' })),
    scope: z.discriminatedUnion(
      'kind',
      [
        z.object({ kind: z.literal('any') }),
        z.object({
          kind: z.literal('users'),
          users: z.array(userCode).check(z.minLength(1, { error: 'scope.usersRequired' }), z.maxLength(1000, { error: 'tooMany' })),
        }),
      ],
      { error: 'required' },
    ),
  },
  { error: 'required' },
);
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

/** Whether a token of `scope` may send as the user `code`. */
export function tokenMaySendAs(scope: TokenScope, code: string): boolean {
  return scope.kind === 'any' || scope.users.some((user) => user.toUpperCase() === code.toUpperCase());
}

/** A token as admins see it: never the secret, only its first characters to recognise it. */
export interface PublicApiToken {
  id: number;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a token: the only time its secret is shown. */
export interface CreatedApiToken extends PublicApiToken {
  token: string;
}

/** Tokens are `saatja_` + 43 base64url characters (32 random bytes); the prefix names the kind. */
export const TOKEN_PREFIX = 'saatja_';
export const TOKEN_PATTERN = /^saatja_[A-Za-z0-9_-]{43}$/;
