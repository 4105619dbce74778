import { presetForHost } from '../presets';
import { classifyOriginalCode, type FailureClass, type FixId } from './failure-classes';
import {
  decodeChallenge,
  enhancedStatus,
  readableReply,
  type CertificateSummary,
  type FailureContext,
  type SmtpFailure,
} from './smtp-failure';

/** What the user is told: a plain message and a likely fix (i18n keys), with the facts they show. */
export interface Diagnosis {
  failureClass: FailureClass;
  messageKey: `diagnostics.failure.${FailureClass}`;
  fixKey: `diagnostics.fix.${FixId}`;
  params: {
    host: string;
    port: number;
    command: string | null;
    /** The server's reply, control characters removed and cut to a readable length. */
    reply: string | null;
    enhancedCode: string | null;
    authOffered: string[] | null;
    authWanted: string | null;
    certificate: CertificateSummary | null;
    challenge: Record<string, string> | string | null;
  };
}

/** Microsoft 365's own enhanced codes (SPEC §5); unambiguous wherever they appear. */
const MICROSOFT_CODES: Readonly<Record<string, FailureClass>> = {
  '5.7.139': 'authM365SmtpDisabled',
  '5.7.30': 'authBasicRetired',
  '5.7.60': 'senderNotAllowed',
  // Exchange Online: the From is not the signed-in mailbox, which has no Send As right for it (SPEC §2).
  '5.2.252': 'sendAsDenied',
};

/**
 * Classifies a failed SMTP attempt on nodemailer's `code`, `originalCode`, `command`,
 * `responseCode` and the reply's enhanced status code — never on message text, which servers
 * word as they like and translate.
 */
export function diagnoseFailure(failure: SmtpFailure, context: FailureContext): Diagnosis {
  const failureClass = classifyNetwork(failure, context) ?? classifyReply(failure, context) ?? classifySession(failure, context);
  const fix = fixFor(failureClass, context.host);
  return {
    failureClass,
    messageKey: `diagnostics.failure.${failureClass}`,
    fixKey: `diagnostics.fix.${fix}`,
    params: {
      host: context.host,
      port: context.port,
      command: failure.command,
      reply: readableReply(failure.response),
      enhancedCode: enhancedStatus(failure.response),
      authOffered: context.authOffered ? [...context.authOffered] : null,
      authWanted: context.authWanted,
      certificate: failureClass.startsWith('certificate') ? context.certificate : null,
      challenge: failureClass === 'authChallenge' ? challengeOf(failure, context) : null,
    },
  };
}

/** Failures below SMTP: name resolution, the socket, TLS, timeouts. */
function classifyNetwork(failure: SmtpFailure, context: FailureContext): FailureClass | null {
  if (failure.code === 'EDNS')
    return failure.originalCode === 'ENOTFOUND' || failure.originalCode === 'ENODATA' ? 'dnsNotFound' : 'dnsFailed';
  const byOriginal = failure.originalCode ? classifyOriginalCode(failure.originalCode) : null;
  if (byOriginal) return byOriginal;
  if (failure.code !== 'ETIMEDOUT') return null;
  switch (failure.timeoutType) {
    case 'CONNECT_TIMEOUT':
      return 'connectionTimedOut';
    case 'GREETING_TIMEOUT':
      // Silence also comes from a server that never answers: only say "implicit TLS" with evidence.
      return context.security !== 'ssl' && (context.port === 465 || context.tlsProbe === true) ? 'plainOnSslPort' : 'noGreeting';
    case 'UPGRADE_TIMEOUT':
      return 'noGreeting';
    default:
      return 'connectionStalled';
  }
}

/** Failures the server stated with a reply code. */
function classifyReply(failure: SmtpFailure, context: FailureContext): FailureClass | null {
  const code = failure.responseCode;
  if (code === null) return context.challenge !== null ? 'authChallenge' : null;
  const enhanced = enhancedStatus(failure.response);
  if (code === 432 || enhanced === '4.3.2') return 'tooManyConnections';
  if (code === 334 || context.challenge !== null) return 'authChallenge';
  const microsoft = enhanced ? MICROSOFT_CODES[enhanced] : undefined;
  if (microsoft) return microsoft;
  const command = failure.command ?? '';
  if (command === 'CONN') return 'greetingRefused';
  if (failure.code === 'EAUTH' || command.startsWith('AUTH')) return classifyAuthReply(code, enhanced, context);
  if (command === 'MAIL FROM') return classifyMailFrom(code, context);
  if (command === 'STARTTLS') return code >= 500 ? 'starttlsNotOffered' : 'temporaryFailure';
  if (code >= 400 && code < 500) return 'temporaryFailure';
  if (command === 'RCPT TO') return 'recipientRejected';
  if (code >= 500 && (failure.code === 'EMESSAGE' || command === 'DATA')) return 'messageRejected';
  return null;
}

function classifyAuthReply(code: number, enhanced: string | null, context: FailureContext): FailureClass {
  if (code === 538) return 'tlsRequired';
  if (code === 530) return context.secure === false ? 'tlsRequired' : 'authRequired';
  if (code >= 400 && code < 500) return 'temporaryFailure';
  // Microsoft answers a token for the wrong mailbox or audience with 535 5.7.3 (SPEC §2).
  if (enhanced === '5.7.3') return 'authM365WrongAccount';
  // Google asks for an App password with 534 5.7.9 and refuses an account password with 535 5.7.8.
  if (code === 534 || enhanced === '5.7.9') return 'authAppPassword';
  if (presetForHost(context.host)?.id === 'gmail') return 'authAppPassword';
  return 'authBadCredentials';
}

function classifyMailFrom(code: number, context: FailureContext): FailureClass {
  if (code === 530) {
    if (context.user === null) return 'authRequired';
    return context.secure === false ? 'tlsRequired' : 'authRequired';
  }
  if (code >= 400 && code < 500) return 'temporaryFailure';
  return 'senderRejected';
}

/** Failures without a reply code: a greeting that is not SMTP, no shared AUTH mechanism, a dropped line. */
function classifySession(failure: SmtpFailure, context: FailureContext): FailureClass {
  if (failure.code === 'EPROTOCOL' && failure.command === 'CONN') return 'notSmtp';
  if (failure.code === 'EAUTH' && context.authWanted && context.authOffered && !context.authOffered.includes(context.authWanted)) {
    return 'authNotOffered';
  }
  if (failure.code === 'ETLS') return 'tlsFailed';
  if (failure.code === 'ECONNECTION' || failure.code === 'ESOCKET') return 'connectionClosed';
  return 'unknown';
}

function fixFor(failureClass: FailureClass, host: string): FixId {
  const provider = presetForHost(host)?.id;
  switch (failureClass) {
    case 'authAppPassword':
      return provider === 'gmail' ? 'gmailAppPassword' : 'appPassword';
    case 'authBadCredentials':
      if (provider === 'zone') return 'zoneAppPassword';
      if (provider === 'mailee') return 'maileeSmtpPassword';
      if (provider === 'microsoft365') return 'useM365';
      return 'checkCredentials';
    default:
      return failureClass;
  }
}

/** Only called for authChallenge: there is a challenge in the context, or the reply is the 334 itself. */
function challengeOf(failure: SmtpFailure, context: FailureContext): Record<string, string> | string {
  return decodeChallenge(context.challenge ?? String(failure.response));
}
