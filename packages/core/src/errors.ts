/** Every error the API can answer with; the web maps each to translated text. */
export const errorCodes = [
  'validation',
  'unauthenticated',
  'invalidCredentials',
  'forbidden',
  'csrf',
  'notFound',
  'conflict',
  'rateLimited',
  'sendFailed',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Field path (dot-separated, as in the form) → error key. */
export type FieldErrors = Record<string, string>;

/** The JSON body of every failed API call. */
export interface ApiErrorBody {
  error: { code: ErrorCode; fields?: FieldErrors; detail?: string };
}

/** zod issues → field errors, keeping the first error of each field. */
export function toFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    fields[path] ??= issue.message;
  }
  return fields;
}
