import { AuthError, InteractionRequiredAuthError } from '@azure/msal-node';
import { classifyAadError, displayableAadCode, type AadErrorKind } from '@saatja/core';

/** What a failed msal call tells: msal's or the server's code, never its message text beyond the AADSTS number. */
export interface MsalFailure {
  kind: AadErrorKind;
  /** Safe to log and show: `AADSTS50173`, `invalid_grant`, or null. */
  code: string | null;
}

export function describeMsalError(error: unknown): MsalFailure {
  if (!(error instanceof AuthError)) return { kind: 'failed', code: null };
  const fields = { error: error.errorCode || null, description: error.errorMessage, subError: error.subError || null };
  const kind = error instanceof InteractionRequiredAuthError ? 'reauthRequired' : classifyAadError(fields);
  return { kind, code: displayableAadCode(fields) };
}
