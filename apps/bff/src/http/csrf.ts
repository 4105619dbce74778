import type { RequestHandler } from 'express';
import { AppError } from './app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for state-changing requests (SPEC §8): browsers send Fetch Metadata, so a
 * `Sec-Fetch-Site` other than same-origin is refused; older browsers fall back to the Origin check.
 * JSON-only bodies add a second wall: a cross-site form cannot send application/json.
 */
export function csrfGuard(publicOrigin: string | null): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const expected = publicOrigin ?? `${req.protocol}://${req.get('host') ?? ''}`;
    if (site !== undefined && site !== 'same-origin') return next(new AppError('csrf'));
    if (origin !== undefined && origin !== expected) return next(new AppError('csrf'));
    const hasBody = req.get('content-length') !== undefined && req.get('content-length') !== '0';
    if ((hasBody || req.get('transfer-encoding')) && !req.is('application/json')) return next(new AppError('csrf'));
    next();
  };
}
