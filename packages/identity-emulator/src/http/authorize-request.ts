import { aadErrors, type AadError } from '../aad-errors';
import type { AuthorizeRequest, EmulatorContext } from '../context';
import { parseScopes } from '../scopes';
import { single } from './respond';

export type AuthorizeValidation =
  | { kind: 'ok'; request: AuthorizeRequest }
  /** The client or redirect URI cannot be trusted: the error is shown, not sent anywhere. */
  | { kind: 'page'; error: AadError }
  | { kind: 'redirect'; error: AadError; redirectUri: string; state: string | undefined };

/** A base64url SHA-256 digest: RFC 7636's S256 challenge. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** Checks an authorize request in Microsoft's order: client and redirect URI first, then the rest. */
export function validateAuthorize(context: EmulatorContext, tenant: string, query: Record<string, unknown>): AuthorizeValidation {
  const clientId = single(query.client_id);
  if (clientId === undefined) return { kind: 'page', error: aadErrors.missingParameter('client_id') };
  const client = context.clients.get(clientId);
  if (client === undefined) return { kind: 'page', error: aadErrors.unknownClient(clientId) };
  const redirectUri = single(query.redirect_uri);
  if (redirectUri === undefined) return { kind: 'page', error: aadErrors.missingParameter('redirect_uri') };
  if (!client.redirectUris.includes(redirectUri)) {
    return { kind: 'page', error: aadErrors.redirectUriMismatch(redirectUri, clientId) };
  }
  const responseMode = single(query.response_mode) ?? 'query';
  if (responseMode !== 'query') return { kind: 'page', error: aadErrors.unsupportedResponseMode(responseMode) };

  const state = single(query.state);
  const redirect = (error: AadError): AuthorizeValidation => ({ kind: 'redirect', error, redirectUri, state });
  const responseType = single(query.response_type);
  if (responseType === undefined) return redirect(aadErrors.missingParameter('response_type'));
  if (responseType !== 'code') return redirect(aadErrors.unsupportedResponseType(responseType));
  const rawScope = single(query.scope);
  if (rawScope === undefined) return redirect(aadErrors.missingParameter('scope'));
  const scopes = parseScopes(rawScope);
  if (!scopes.ok) return redirect(scopes.error);
  const codeChallenge = single(query.code_challenge);
  if (codeChallenge === undefined || !S256_CHALLENGE.test(codeChallenge) || single(query.code_challenge_method) !== 'S256') {
    return redirect(aadErrors.pkceRequired());
  }
  // The emulator keeps no sign-in session, so a request that forbids the sign-in page cannot succeed.
  if (single(query.prompt) === 'none') return redirect(aadErrors.loginRequired());

  return {
    kind: 'ok',
    request: {
      tenant,
      client,
      redirectUri,
      state,
      nonce: single(query.nonce),
      scopes: scopes.value,
      codeChallenge,
      loginHint: single(query.login_hint),
    },
  };
}
