import type { BounceOptions, BounceRecord } from './bounce';
import type { TlsMaterial } from './tls';

/** 'ssl' = implicit TLS from the first byte; 'starttls' = plain greeting, TLS required before MAIL/AUTH. */
export type LocalSecurity = 'none' | 'ssl' | 'starttls';

/** A scripted SMTP reply, e.g. `{ responseCode: 535, message: '5.7.139 Authentication unsuccessful' }`. */
export interface ScriptedReply {
  responseCode: number;
  message: string;
}

export type PasswordVerdict = { ok: true } | ({ ok: false } & ScriptedReply);

/** `challenge` answers with a 334 whose text is the object as base64 JSON, as Google and Microsoft do. */
export type XOAuth2Verdict = PasswordVerdict | { ok: false; challenge: Record<string, string> };

export interface LocalSmtpServerOptions {
  security: LocalSecurity;
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Required for 'ssl' and 'starttls'. */
  tls?: TlsMaterial;
  /** user -> password. When given, AUTH PLAIN/LOGIN is required before MAIL FROM. */
  users?: Record<string, string>;
  /** Host name in the greeting. */
  name?: string;
  /** Bytes; default 10 MiB. */
  maxMessageBytes?: number;
  /** Accept mail for some recipients, then send the envelope sender an RFC 3464 bounce for them. */
  bounce?: BounceOptions;
  /**
   * When given, XOAUTH2 is advertised and required, and tokens are checked with it. A refusal is
   * sent as `${responseCode} ${message}`, so put the enhanced code in the message ("5.7.3 …").
   */
  authenticateXOAuth2?: (user: string, accessToken: string) => Promise<XOAuth2Verdict>;
  /**
   * When given, AUTH PLAIN/LOGIN is advertised and required, and checked with this instead of
   * `users`: scripts a vendor's refusal such as "534 5.7.9" or "535 5.7.139".
   */
  authenticatePassword?: (user: string, password: string) => Promise<PasswordVerdict>;
  /** Scripts the reply to MAIL FROM: return a refusal (e.g. 550 5.7.60) or null to accept. */
  replyToMailFrom?: (address: string) => ScriptedReply | null;
  /** Awaited after a message is received and before its 250 reply: a slow server (the BFF's draining is tested with it). */
  beforeDataReply?: (mail: ReceivedMail) => Promise<void>;
  /**
   * Scripts the reply at the end of DATA, with the whole message known (e.g. Exchange's
   * 554 5.2.252 SendAsDenied for a From the mailbox may not use); null accepts it.
   */
  replyToMessage?: (mail: ReceivedMail) => ScriptedReply | null;
  /**
   * With 'starttls': offer STARTTLS but accept mail in plain text too, like Postfix's
   * `smtpd_tls_security_level = may` (most port-25 servers).
   */
  tlsOptional?: boolean;
  /** Received mails kept for received()/waitForMail; default 500, the oldest go first. */
  maxKeptMails?: number;
}

/** TCP connections the server has seen: open now, the most open at once, and all. */
export interface ConnectionCount {
  open: number;
  peak: number;
  total: number;
}

export interface ReceivedMailHeaders {
  from: string | null;
  /** The first From address alone, e.g. `info@example.com`. */
  fromAddress: string | null;
  to: string | null;
  subject: string | null;
  replyTo: string | null;
  sender: string | null;
  messageId: string | null;
}

export interface ReceivedMail {
  id: number;
  envelope: { from: string; to: string[] };
  /** The user that authenticated, null if none. */
  authUser: string | null;
  authMethod: string | null;
  /** Whether the session was on TLS (implicit or after STARTTLS). */
  secure: boolean;
  tlsProtocol: string | null;
  /** ISO 8601. */
  receivedAt: string;
  raw: string;
  headers: ReceivedMailHeaders;
  text: string | null;
}

export interface AuthAttempt {
  user: string;
  method: string;
  ok: boolean;
}

export interface LocalSmtpServer {
  readonly port: number;
  readonly host: '127.0.0.1';
  readonly security: LocalSecurity;
  received(): readonly ReceivedMail[];
  /** Resolves with an already received match or the next one; rejects after timeoutMs (default 10 000). */
  waitForMail(predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Every AUTH attempt, so a test can prove that no login was attempted. */
  authAttempts(): readonly AuthAttempt[];
  /** Every bounce sent (or tried) because of the `bounce` option. */
  bounces(): readonly BounceRecord[];
  /** Counted on the TCP socket, so a client's connection cap can be checked from the server's side. */
  connections(): ConnectionCount;
  /** An outage: stop listening (new connections are refused); open sessions finish the message in hand, then get 421. */
  refuseConnections(): Promise<void>;
  /** The outage is over: listen again on the same port. */
  acceptConnections(): Promise<void>;
  clear(): void;
  close(): Promise<void>;
}
