import type { ApiErrorBody, ErrorCode, FieldErrors } from '@saatja/core';
import { toFieldErrors } from '@saatja/core';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod/mini';

// zod/mini loads no locale: an issue without its own error key (e.g. `?before=abc` of the send log)
// would read "Invalid input". Keep classic zod's English messages in the BFF's answers.
z.config(z.locales.en());

const STATUS: Record<ErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  invalidCredentials: 401,
  forbidden: 403,
  csrf: 403,
  notFound: 404,
  conflict: 409,
  rateLimited: 429,
  sendFailed: 502,
  internal: 500,
};

/** An error the user can act on; crosses the wire as `ApiErrorBody`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: { fields?: FieldErrors; detail?: string; extra?: Record<string, unknown> } = {},
  ) {
    super(code);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function fieldError(field: string, error: string): AppError {
  return new AppError('validation', { fields: { [field]: error } });
}

/** Parse with a shared core schema; bad input becomes field errors and changes nothing. */
export function parseBody<S extends z.core.$ZodType>(schema: S, body: unknown): z.output<S> {
  const result = z.safeParse(schema, body);
  if (!result.success) throw new AppError('validation', { fields: toFieldErrors(result.error.issues) });
  return result.data;
}

/** The one error middleware: known errors as JSON, everything else a bare 500 (details only in the log). */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof AppError) {
      const body: ApiErrorBody & { error: Record<string, unknown> } = {
        error: { code: error.code, ...error.options.extra },
      };
      if (error.options.fields) body.error.fields = error.options.fields;
      if (error.options.detail) body.error.detail = error.options.detail;
      res.status(error.status).json(body);
      return;
    }
    const status = (error as { status?: number; type?: string }).status;
    if (status === 400 || status === 413 || status === 415) {
      res.status(status).json({ error: { code: 'validation' } } satisfies ApiErrorBody);
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal' } } satisfies ApiErrorBody);
  };
}
