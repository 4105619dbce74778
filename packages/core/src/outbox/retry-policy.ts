import { CERTIFICATE_ERRORS } from '../diagnostics/failure-classes';
import { enhancedStatus, type SmtpFailure } from '../diagnostics/smtp-failure';

/**
 * Whether a failed attempt is worth repeating (RFC 5321 §4.2.1: 4yz temporary, 5yz permanent;
 * RFC 3463 refines a reply without a usable basic code). Classified on codes, never on text.
 */
export type FailureKind = 'temporary' | 'permanent';

/** Network trouble that may pass: the server down, restarting, slow, or a name server hiccup. */
const TEMPORARY_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ESTREAM']);
/** Beneath a temporary code, these say the configuration is wrong, which waiting will not fix. */
const PERMANENT_ORIGINAL_CODES = new Set(['ENOTFOUND', 'ERR_SSL_WRONG_VERSION_NUMBER', ...Object.keys(CERTIFICATE_ERRORS)]);

export function classifySendFailure(failure: SmtpFailure): FailureKind {
  const code = failure.responseCode;
  if (code !== null && code >= 400 && code < 600) return code < 500 ? 'temporary' : 'permanent';
  const enhanced = enhancedStatus(failure.response);
  if (enhanced) return enhanced.startsWith('4') ? 'temporary' : 'permanent';
  if (failure.originalCode && PERMANENT_ORIGINAL_CODES.has(failure.originalCode)) return 'permanent';
  // A TLS upgrade refused, an auth step without a reply, a message nodemailer cannot build: permanent.
  return failure.code !== null && TEMPORARY_CODES.has(failure.code) ? 'temporary' : 'permanent';
}

/** How the outbox retries; a deployment may shorten it (tests do), never make it unbounded. */
export interface RetryPolicy {
  /** Delay before the second attempt, ms; doubles each time. */
  baseDelayMs: number;
  /** The longest delay between attempts, ms (RFC 5321 §4.5.4.1: back off toward 30 min). */
  maxDelayMs: number;
  /** Give up this long after the message was submitted, ms. */
  deadlineMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 60_000,
  maxDelayMs: 30 * 60_000,
  // RFC 5321 asks an MTA for 4–5 days; an ERP's invoice that late is better reported as failed.
  deadlineMs: 48 * 3_600_000,
};

/**
 * The delay after attempt `attempts` (1 = the first attempt failed): exponential, capped, with
 * "equal jitter" (half fixed, half random) so that many messages failed together do not return together.
 * `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: number): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random);
}

/** When to try again after a temporary failure (ms), or null when that would be past the message's deadline. */
export function nextAttemptAt(
  input: { now: number; deadline: number; attempts: number },
  policy: RetryPolicy,
  random: number,
): number | null {
  const at = input.now + retryDelayMs(input.attempts, policy, random);
  return at > input.deadline ? null : at;
}
