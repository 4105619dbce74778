import type { SMTPServerAuthentication, SMTPServerAuthenticationResponse, SMTPServerSession } from 'smtp-server';
import type { AuthAttempt, LocalSmtpServerOptions } from './types';

/** What onAuth stores in `session.user`; smtp-server keeps it for the rest of the session. */
export interface SessionUser {
  username: string;
  method: string;
}

type AuthCallback = (err: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void;
type AuthOptions = Pick<LocalSmtpServerOptions, 'users' | 'authenticateXOAuth2' | 'authenticatePassword'>;

/** A refusal to reply with, or the data of a 334 XOAUTH2 challenge. */
type Refusal = Error | { challenge: Record<string, string> };

/** AUTH mechanisms to advertise; empty means the server is an open catcher. */
export function authMethodsFor({ users, authenticateXOAuth2, authenticatePassword }: AuthOptions): string[] {
  return [...(users || authenticatePassword ? ['PLAIN', 'LOGIN'] : []), ...(authenticateXOAuth2 ? ['XOAUTH2'] : [])];
}

export function createAuthHandler(options: AuthOptions, attempts: AuthAttempt[]) {
  return (auth: SMTPServerAuthentication, _session: SMTPServerSession, callback: AuthCallback): void => {
    const username = auth.username ?? '';
    verify(options, auth, username).then(
      (failure) => {
        attempts.push({ user: username, method: auth.method, ok: failure === null });
        // smtp-server sends `data` as the 334 challenge and answers the client's next line with 535.
        if (failure && 'challenge' in failure) return callback(null, { data: failure.challenge });
        if (failure) return callback(failure);
        const user: SessionUser = { username, method: auth.method };
        callback(null, { user });
      },
      (error: unknown) => {
        attempts.push({ user: username, method: auth.method, ok: false });
        callback(smtpError(454, `4.7.0 Temporary authentication failure: ${String(error)}`));
      },
    );
  };
}

/** Resolves with null when the credentials are good, or with the refusal to reply with. */
async function verify(options: AuthOptions, auth: SMTPServerAuthentication, username: string): Promise<Refusal | null> {
  if (auth.method === 'XOAUTH2') {
    if (!options.authenticateXOAuth2) return smtpError(504, '5.5.4 XOAUTH2 is not enabled');
    const verdict = await options.authenticateXOAuth2(username, auth.accessToken ?? '');
    if (verdict.ok) return null;
    return 'challenge' in verdict ? { challenge: verdict.challenge } : smtpError(verdict.responseCode, verdict.message);
  }
  if (options.authenticatePassword) {
    const verdict = await options.authenticatePassword(username, auth.password ?? '');
    return verdict.ok ? null : smtpError(verdict.responseCode, verdict.message);
  }
  const users = options.users ?? {};
  // Object.hasOwn keeps names like "constructor" from matching Object.prototype.
  const ok = Object.hasOwn(users, username) && users[username] === auth.password;
  return ok ? null : smtpError(535, '5.7.8 Authentication credentials invalid');
}

/**
 * smtp-server's automatic enhanced status codes stay off (its default) so that a hook can send a
 * vendor's exact reply, e.g. Microsoft's "535 5.7.3"; our own messages therefore carry the code.
 */
export function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

export function isSessionUser(value: unknown): value is SessionUser {
  return typeof value === 'object' && value !== null && 'username' in value && 'method' in value;
}
