export { createLocalTls, type TlsMaterial } from './tls';
export { loadOrCreateLocalTls } from './tls-store';
export { startSmtpServer } from './smtp-server';
export type {
  AuthAttempt,
  LocalSecurity,
  LocalSmtpServer,
  LocalSmtpServerOptions,
  ReceivedMail,
  ReceivedMailHeaders,
  XOAuth2Verdict,
} from './types';
