import pino, { type Logger } from 'pino';

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
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'saatja-bff' } });
}
