import type { RequestHandler } from 'express';
import { AppError } from './app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for state-changing requests (SPEC §8): the request must prove it comes from the
 * app's own pages, by Fetch Metadata (`Sec-Fetch-Site: same-origin`) or by an `Origin` equal to
 * the public origin. Neither → refused: a request with no headers at all proves nothing. Either
 * one saying otherwise (same-site, cross-site, another origin) → refused too. JSON-only bodies add
 * a second wall: a cross-site form cannot send application/json.
 */
export function csrfGuard(publicOrigin: string | null): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const expected = publicOrigin ?? `${req.protocol}://${req.get('host') ?? ''}`;
    const sameOrigin = site === 'same-origin' || origin === expected;
    if (!sameOrigin || (site !== undefined && site !== 'same-origin') || (origin !== undefined && origin !== expected)) {
      return next(new AppError('csrf'));
    }
    const hasBody = req.get('content-length') !== undefined && req.get('content-length') !== '0';
    if ((hasBody || req.get('transfer-encoding')) && !req.is('application/json')) return next(new AppError('csrf'));
    next();
  };
}
