import { languageInputSchema, signInSchema } from '@saatja/core';
import { Router } from 'express';
import { AppError, parseBody } from '../http/app-error';
import { clientKey } from '../http/client-key';
import { createKeyedSerial } from '../http/keyed-serial';
import type { RateLimiter } from '../http/rate-limiter';
import { verifyPassword } from '../secrets/password-hash';
import { clearSessionCookie, currentUser, setSessionCookie, type SessionCookie } from './session-middleware';
import type { SessionStore } from './session-store';
import { toMe, type UserRepository } from './user-repository';

export interface SignInLimiters {
  /** Wrong passwords for one user code, from any address: guessing one account's password. */
  perCode: RateLimiter;
  /** Wrong passwords from one client address (an IPv6 /64), across codes: trying many accounts. */
  perAddress: RateLimiter;
}

export function authRoutes(deps: { users: UserRepository; sessions: SessionStore; cookie: SessionCookie; signInLimiters: SignInLimiters }) {
  const router = Router();
  const { perCode, perAddress } = deps.signInLimiters;
  // One attempt at a time per code and per address (always in that order), so parallel guesses
  // cannot all pass the limit check before the first failure is counted.
  const inSeries = createKeyedSerial();

  router.post('/sign-in', async (req, res) => {
    const input = parseBody(signInSchema, req.body);
    // req.ip is the socket's peer unless SAATJA_TRUST_PROXY names the proxy in front; IPv6 counts by /64.
    const codeKey = `code:${input.code.toLowerCase()}`;
    const addressKey = `address:${clientKey(req.ip ?? '')}`;
    const found = await inSeries(codeKey, () =>
      inSeries(addressKey, async () => {
        // Only failures count, so many good sign-ins (a QA suite's) never lock anyone out.
        if (perCode.blocked(codeKey) || perAddress.blocked(addressKey)) throw new AppError('rateLimited');
        const user = await deps.users.findCredentials(input.code);
        // Hash even for an unknown code, so timing does not tell which codes exist.
        const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
        if (!user || !ok) {
          perCode.take(codeKey);
          perAddress.take(addressKey);
          throw new AppError('invalidCredentials');
        }
        return user;
      }),
    );
    // A fresh id at every sign-in: an id planted before it is worthless afterwards.
    if (req.sessionId) await deps.sessions.destroy(req.sessionId);
    setSessionCookie(res, deps.cookie, await deps.sessions.create(found.id));
    const user = await deps.users.findById(found.id);
    res.json(toMe(user!));
  });

  router.post('/sign-out', async (req, res) => {
    if (req.sessionId) await deps.sessions.destroy(req.sessionId);
    clearSessionCookie(res, deps.cookie);
    res.status(204).end();
  });

  router.get('/me', (req, res) => {
    res.json(toMe(currentUser(req)));
  });

  /** The UI language is remembered per user, not per browser. */
  router.put('/me/language', async (req, res) => {
    const user = currentUser(req);
    const { language } = parseBody(languageInputSchema, req.body);
    await deps.users.setLanguage(user.id, language);
    res.json(toMe({ ...user, language }));
  });

  return router;
}

const DUMMY_HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
