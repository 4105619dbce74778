import pino, { type DestinationStream, type Logger } from 'pino';

/** Paths that may hold a secret anywhere in a log object; pino replaces them before writing. */
const REDACT = [
  'password',
  '*.password',
  '*.*.password',
  'pass',
  '*.pass',
  '*.*.pass',
  'accessToken',
  '*.accessToken',
  '*.*.accessToken',
  // Microsoft 365 (msal): the app's client secret and the user's tokens.
  'clientSecret',
  '*.clientSecret',
  '*.*.clientSecret',
  'refreshToken',
  '*.refreshToken',
  'idToken',
  '*.idToken',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'saatja-bff' } };
  return destination ? pino(options, destination) : pino(options);
}
