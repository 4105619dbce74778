import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../http/app-error';
import { SESSION_ABSOLUTE_MS, type SessionStore } from './session-store';
import type { UserRow } from './user-repository';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: UserRow;
      sessionId?: string;
    }
  }
}

export interface SessionCookie {
  name: string;
  secure: boolean;
}

/** `__Host-` pins the cookie to this exact origin over HTTPS (production); plain name in dev over http. */
export const sessionCookie = (secure: boolean): SessionCookie => ({
  name: secure ? '__Host-saatja_session' : 'saatja_session',
  secure,
});

/** The session id the request's cookie carries, if any. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export function setSessionCookie(res: Response, cookie: SessionCookie, id: string): void {
  res.cookie(cookie.name, id, { httpOnly: true, sameSite: 'lax', secure: cookie.secure, path: '/', maxAge: SESSION_ABSOLUTE_MS });
}

export function clearSessionCookie(res: Response, cookie: SessionCookie): void {
  res.clearCookie(cookie.name, { httpOnly: true, sameSite: 'lax', secure: cookie.secure, path: '/' });
}

/** Attach the signed-in user, if the cookie names a live session. */
export function loadSession(sessions: SessionStore, cookie: SessionCookie): RequestHandler {
  return async (req, _res, next) => {
    const id = readCookie(req, cookie.name);
    if (!id) return next();
    const session = await sessions.find(id);
    if (session) {
      req.user = session.user;
      req.sessionId = id;
    }
    next();
  };
}

export function currentUser(req: Request): UserRow {
  if (!req.user) throw new AppError('unauthenticated');
  return req.user;
}

export const requireUser: RequestHandler = (req, _res, next) => next(req.user ? undefined : new AppError('unauthenticated'));
