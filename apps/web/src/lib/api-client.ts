import type { ApiErrorBody, ErrorCode, FieldErrors } from '@saatja/core';

/** A failed API call, carrying the code the UI translates and any field errors. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    readonly status: number,
    readonly fields: FieldErrors = {},
    readonly body: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (json as Partial<ApiErrorBody>).error;
    throw new ApiError(error?.code ?? 'internal', response.status, error?.fields ?? {}, (error ?? {}) as Record<string, unknown>);
  }
  return json as T;
}
