import type { XOAuth2Verdict } from '@saatja/local-servers';
import type { IdentityEmulator } from './types';

// Exchange Online's replies; the enhanced code leads the message, as the local SMTP server expects.
const AUTHENTICATION_UNSUCCESSFUL: XOAuth2Verdict = {
  ok: false,
  responseCode: 535,
  message: '5.7.3 Authentication unsuccessful',
};
const SMTP_AUTH_DISABLED: XOAuth2Verdict = {
  ok: false,
  responseCode: 535,
  message:
    '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
};

/**
 * For the local SMTP server's `authenticateXOAuth2`: accepts the XOAUTH2 user/token pair only when
 * Microsoft would, i.e. a valid SMTP.Send token for exactly that mailbox, with Authenticated SMTP on.
 */
export function xoauth2Verifier(emulator: IdentityEmulator) {
  return async (user: string, accessToken: string): Promise<XOAuth2Verdict> => {
    const verdict = await emulator.verifyAccessToken(accessToken);
    if (!verdict.ok || verdict.mailbox.toLowerCase() !== user.trim().toLowerCase()) return AUTHENTICATION_UNSUCCESSFUL;
    return mailboxVerdict(emulator, verdict.mailbox);
  };
}

function mailboxVerdict(emulator: IdentityEmulator, mailbox: string): XOAuth2Verdict {
  try {
    return emulator.isAuthenticatedSmtpEnabled(mailbox) ? { ok: true } : SMTP_AUTH_DISABLED;
  } catch {
    // A token for a mailbox no longer configured (possible with a persisted signing key).
    return AUTHENTICATION_UNSUCCESSFUL;
  }
}
