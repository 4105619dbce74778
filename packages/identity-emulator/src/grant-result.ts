import type { AadError } from './aad-errors';
import type { tokenResponse } from './tokens';

export type TokenResponseBody = Awaited<ReturnType<typeof tokenResponse>>;

export type GrantResult = { ok: true; body: TokenResponseBody } | { ok: false; error: AadError };

export const fail = (error: AadError): GrantResult => ({ ok: false, error });

/** The form fields of a token request; a repeated field counts as absent. */
export type FormFields = (name: string) => string | undefined;
