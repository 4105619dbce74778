/** Every kind of failure the diagnostics tell apart; each has a plain message in the web's i18n. */
export const failureClasses = [
  'dnsNotFound',
  'dnsFailed',
  'connectionRefused',
  'connectionTimedOut',
  'noGreeting',
  'connectionClosed',
  'connectionStalled',
  'sslOnPlainPort',
  'plainOnSslPort',
  'starttlsNotOffered',
  'certificateUntrusted',
  'certificateWrongName',
  'certificateExpired',
  'certificateNotYetValid',
  'tlsFailed',
  'notSmtp',
  'greetingRefused',
  'tooManyConnections',
  'authBadCredentials',
  'authAppPassword',
  'authM365SmtpDisabled',
  'authM365WrongAccount',
  'authBasicRetired',
  'authChallenge',
  'authNotOffered',
  'authRequired',
  'tlsRequired',
  'senderNotAllowed',
  'sendAsDenied',
  'senderRejected',
  'recipientRejected',
  'messageRejected',
  'temporaryFailure',
  'unknown',
] as const;
export type FailureClass = (typeof failureClasses)[number];

/** Classes whose fix depends on the provider get their own fixes; every other class's fix has its name. */
export type FixId =
  | Exclude<FailureClass, 'authBadCredentials' | 'authAppPassword'>
  | 'checkCredentials'
  | 'appPassword'
  | 'gmailAppPassword'
  | 'zoneAppPassword'
  | 'maileeSmtpPassword'
  | 'useM365';

/** TLS verification errors (OpenSSL's names, as Node reports them on `code`). */
export const CERTIFICATE_ERRORS: Readonly<Record<string, FailureClass>> = {
  CERT_HAS_EXPIRED: 'certificateExpired',
  CERT_NOT_YET_VALID: 'certificateNotYetValid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificateWrongName',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificateUntrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificateUntrusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificateUntrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'certificateUntrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificateUntrusted',
  CERT_UNTRUSTED: 'certificateUntrusted',
  CERT_SIGNATURE_FAILURE: 'certificateUntrusted',
  CERT_REVOKED: 'certificateUntrusted',
  INVALID_CA: 'certificateUntrusted',
  INVALID_PURPOSE: 'certificateUntrusted',
  CERT_CHAIN_TOO_LONG: 'certificateUntrusted',
};

/** A plain-text reply read as TLS: the client chose SSL where the server expects plain text first. */
const NOT_TLS = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
  'ERR_SSL_UNKNOWN_PROTOCOL',
]);
const UNREACHABLE = new Set(['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN']);
const CUT_OFF = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** The class of a system or TLS error code, if it decides the failure by itself. */
export function classifyOriginalCode(originalCode: string): FailureClass | null {
  const certificate = CERTIFICATE_ERRORS[originalCode];
  if (certificate) return certificate;
  if (originalCode === 'ECONNREFUSED') return 'connectionRefused';
  if (UNREACHABLE.has(originalCode)) return 'connectionTimedOut';
  if (NOT_TLS.has(originalCode)) return 'sslOnPlainPort';
  if (CUT_OFF.has(originalCode)) return 'connectionClosed';
  if (originalCode.startsWith('ERR_SSL_') || originalCode.startsWith('ERR_TLS_')) return 'tlsFailed';
  return null;
}
