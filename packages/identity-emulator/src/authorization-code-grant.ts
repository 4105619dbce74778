import { createHash, randomUUID } from 'node:crypto';
import { aadErrors } from './aad-errors';
import type { EmulatorContext } from './context';
import { fail, type FormFields, type GrantResult } from './grant-result';
import { tokenResponse } from './tokens';
import type { EmulatorClient } from './types';

const CODE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** grant_type=authorization_code for an authenticated client. */
export async function redeemAuthorizationCode(context: EmulatorContext, client: EmulatorClient, field: FormFields): Promise<GrantResult> {
  const code = field('code');
  if (code === undefined) return fail(aadErrors.missingParameter('code'));
  const issued = context.codes.get(code);
  if (issued === undefined || issued.clientId !== client.clientId) return fail(aadErrors.malformedGrant());
  if (issued.redeemed) return fail(aadErrors.codeRedeemed());
  // Single use even when a check below fails, so a verifier cannot be guessed by retrying.
  issued.redeemed = true;
  if (issued.expiresAt <= Date.now()) return fail(aadErrors.grantExpired());
  if (field('redirect_uri') !== issued.redirectUri) return fail(aadErrors.replyAddressMismatch());
  const verifier = field('code_verifier');
  if (verifier === undefined) return fail(aadErrors.codeVerifierMissing());
  if (!CODE_VERIFIER.test(verifier) || s256(verifier) !== issued.codeChallenge) {
    return fail(aadErrors.codeVerifierMismatch());
  }
  const mailbox = context.directory.find(issued.email);
  if (mailbox === undefined) return fail(aadErrors.unknownUser(issued.email));
  const grant = {
    clientId: client.clientId,
    email: mailbox.email,
    scopes: issued.scopes,
    authTime: issued.authTime,
    family: randomUUID(),
    generation: 0,
  };
  const body = await tokenResponse(context, { mailbox, grant, scopes: issued.scopes, nonce: issued.nonce });
  return { ok: true, body };
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
