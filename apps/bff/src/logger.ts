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

const REPLY_LEFT_OUT = '[server reply left out]';

/**
 * nodemailer's errors carry the server's reply in `response` and repeat it in `message` and `stack`;
 * a server may echo the credentials there, and the logger does not know them: the reply is left out.
 */
function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  const response = (error as { response?: unknown } | null)?.response;
  if (typeof response !== 'string' || response === '') return serialized;
  const leftOut = (text: unknown) => (typeof text === 'string' ? text.split(response).join(REPLY_LEFT_OUT) : text);
  return { ...serialized, message: leftOut(serialized.message), stack: leftOut(serialized.stack), response: REPLY_LEFT_OUT };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: { err: serializeError },
    base: { service: 'saatja-bff' },
  };
  return destination ? pino(options, destination) : pino(options);
}
