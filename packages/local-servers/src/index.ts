export { createLocalTls, type LocalTlsOptions, type TlsMaterial } from './tls';
export { loadOrCreateLocalTls } from './tls-store';
export { startSmtpServer } from './smtp-server';
export { composeDsn, type BounceOptions, type BounceRecord, type DsnInput } from './bounce';
export type {
  AuthAttempt,
  ConnectionCount,
  LocalSecurity,
  LocalSmtpServer,
  LocalSmtpServerOptions,
  PasswordVerdict,
  ReceivedMail,
  ReceivedMailHeaders,
  ScriptedReply,
  XOAuth2Verdict,
} from './types';
export { startDnsServer, type DnsAnswer, type DnsQuery, type DnsRecord, type DnsServerOptions, type LocalDnsServer } from './dns-server';
export { echoPasswordRefusal, echoXOAuth2Refusal } from './echo-auth';
export { answerFromZone, type ZoneEntry } from './dns-zone';
