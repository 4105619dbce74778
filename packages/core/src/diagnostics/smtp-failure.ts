import type { TlsMode } from '../mail-sender';

/**
 * What a failed SMTP attempt reported, in nodemailer's vocabulary: the BFF's step runner reports
 * its own failures the same way, so one classifier serves both. Never holds message text to match.
 */
export interface SmtpFailure {
  /** nodemailer's code: EDNS, ESOCKET, ETIMEDOUT, ECONNECTION, ETLS, EPROTOCOL, EAUTH, EENVELOPE, EMESSAGE… */
  code: string | null;
  /** The system or TLS error under it: ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED… */
  originalCode: string | null;
  /** The SMTP command in flight: CONN, EHLO, STARTTLS, AUTH PLAIN, MAIL FROM, RCPT TO, DATA… */
  command: string | null;
  responseCode: number | null;
  /** The server's reply as received; shown to the user and logged, never parsed beyond its status codes. */
  response: string | null;
  /** nodemailer's kind of timeout: CONNECT_TIMEOUT, GREETING_TIMEOUT, UPGRADE_TIMEOUT, SOCKET_TIMEOUT. */
  timeoutType?: string | null;
}

/** A server certificate as the user is shown it. Dates are ISO 8601. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** e.g. "DNS:smtp.example.com", "IP Address:192.0.2.1". */
  altNames: string[];
  validFrom: string;
  validTo: string;
  fingerprint256: string;
}

/** What else was known when the failure happened; the classifier needs it to say which fix applies. */
export interface FailureContext {
  host: string;
  port: number;
  security: TlsMode;
  /** The login user; null when User is empty (the configuration sends no credentials). */
  user: string | null;
  /** Whether the SMTP session was on TLS; null when unknown. */
  secure: boolean | null;
  /** AUTH mechanisms the server offered after EHLO; null when EHLO was not reached. */
  authOffered: readonly string[] | null;
  /** The mechanism the configuration needs: PLAIN or LOGIN for a password, XOAUTH2 for a token. */
  authWanted: string | null;
  /** After a greeting timeout: whether a TLS handshake on the same port succeeded; null = not probed. */
  tlsProbe: boolean | null;
  /** The certificate the server presented, when its verification failed. */
  certificate: CertificateSummary | null;
  /** The base64 text of a 334 challenge the server sent during AUTH. */
  challenge: string | null;
}

export function emptyContext(target: Pick<FailureContext, 'host' | 'port' | 'security' | 'user'>): FailureContext {
  return { ...target, secure: null, authOffered: null, authWanted: null, tlsProbe: null, certificate: null, challenge: null };
}

const ENHANCED_STATUS = /^[245]\d{2}[ -]([245]\.\d{1,3}\.\d{1,3})(?=\s|$)/;

/** The RFC 3463 enhanced status code of a reply ("535 5.7.8 …" → "5.7.8"); a number, not text. */
export function enhancedStatus(response: string | null): string | null {
  return response?.match(ENHANCED_STATUS)?.[1] ?? null;
}

/** The first line of a reply without its status codes: the part a 334 challenge carries. */
function replyPayload(text: string): string {
  return text
    .split('\n', 1)
    .join('')
    .replace(/^\d{3}[ -]/, '')
    .trim();
}

/**
 * A 334 challenge decoded for display: base64 JSON such as Google's and Microsoft's
 * `{"status":"401","schemes":"bearer","scope":"…"}` becomes its fields; anything else its text.
 */
export function decodeChallenge(text: string): Record<string, string> | string {
  const payload = text.startsWith('334') ? replyPayload(text) : text.trim();
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
  } catch {
    return payload;
  }
  try {
    const parsed: unknown = JSON.parse(decoded);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return decoded;
    return Object.fromEntries(
      Object.entries(parsed).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
    );
  } catch {
    return decoded;
  }
}

/** Replies are shown and logged; this long is enough to read them, chars. */
const MAX_REPLY_CHARS = 500;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/g;

/** A server reply fit to show: control characters removed, cut to a readable length. */
export function readableReply(response: string | null): string | null {
  if (response === null) return null;
  const clean = response.replace(CONTROL, '').trim();
  return clean.length > MAX_REPLY_CHARS ? `${clean.slice(0, MAX_REPLY_CHARS)}…` : clean;
}
