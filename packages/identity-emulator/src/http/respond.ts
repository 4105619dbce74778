import type { Response } from 'express';
import { describe, newTrace, tokenErrorBody } from '../aad-error-format';
import type { AadError } from '../aad-errors';
import { errorPage } from './pages';

// No script at all; form-action is left out because Chrome applies it to the redirect after a POST.
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

export function sendPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': PAGE_CSP,
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    })
    .send(html);
}

/** For authorize errors that must not be sent to an unverified redirect URI. */
export function sendErrorPage(res: Response, error: AadError): void {
  sendPage(res, 400, errorPage(error, newTrace()));
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json(body);
}

export function sendTokenError(res: Response, error: AadError, correlationId: string | undefined): void {
  sendJson(res, error.status ?? 400, tokenErrorBody(error, newTrace(correlationId)));
}

/** 302 to the client's redirect URI with the response in the query (response_mode=query). */
export function redirectWith(res: Response, redirectUri: string, params: Record<string, string | undefined>): void {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.append(name, value);
  res.set('Cache-Control', 'no-store').redirect(302, url.toString());
}

export function redirectWithError(
  res: Response,
  redirectUri: string,
  error: AadError,
  state: string | undefined,
  extra: Record<string, string> = {},
): void {
  redirectWith(res, redirectUri, { error: error.error, error_description: describe(error, newTrace()), ...extra, state });
}

/** A single string parameter; absent, empty or repeated counts as missing. */
export function single(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
