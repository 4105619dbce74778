import { languageInputSchema, signInSchema } from '@saatja/core';
import { Router } from 'express';
import { AppError, parseBody } from '../http/app-error';
import { clientKey } from '../http/client-key';
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

  router.post('/sign-in', async (req, res) => {
    const input = parseBody(signInSchema, req.body);
    // req.ip is the socket's peer unless SAATJA_TRUST_PROXY names the proxy in front; IPv6 counts by /64.
    const codeKey = `code:${input.code.toLowerCase()}`;
    const addressKey = `address:${clientKey(req.ip ?? '')}`;
    // Every attempt takes its place in both limits, in the shared table, before the password is
    // checked: parallel guesses on any number of instances cannot all pass. Only failures keep
    // their place, so many good sign-ins (a QA suite's) never lock anyone out.
    const admitted = await Promise.all([perCode.take(codeKey), perAddress.take(addressKey)]);
    const giveBack = () => Promise.all([perCode.release(codeKey), perAddress.release(addressKey)]);
    if (!admitted.every(Boolean)) {
      await giveBack();
      throw new AppError('rateLimited');
    }
    const found = await deps.users.findCredentials(input.code);
    // Hash even for an unknown code, so timing does not tell which codes exist.
    const ok = await verifyPassword(input.password, found?.password_hash ?? DUMMY_HASH);
    if (!found || !ok) throw new AppError('invalidCredentials');
    await giveBack();
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
