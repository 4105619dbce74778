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
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json().catch(() => ({}))) as T;
}

/** The ApiError a failed response stands for (its JSON `ApiErrorBody`, if it has one). */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => ({}));
  const error = (json as Partial<ApiErrorBody>).error;
  return new ApiError(error?.code ?? 'internal', response.status, error?.fields ?? {}, (error ?? {}) as Record<string, unknown>);
}
