/**
 * An error as Microsoft's identity platform reports it. Codes and wording follow the real
 * AADSTS messages, so callers learn to classify on `error` / `error_codes`, never on the text.
 */
export interface AadError {
  error: string;
  code: number;
  message: string;
  /** HTTP status at the token endpoint; 400 unless given. */
  status?: number;
  suberror?: string;
}

export const aadErrors = {
  missingParameter: (name: string): AadError => ({
    error: 'invalid_request',
    code: 900144,
    message: `The request body must contain the following parameter: '${name}'.`,
  }),
  tenantNotFound: (tenant: string): AadError => ({
    error: 'invalid_tenant',
    code: 90002,
    message: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  }),
  unknownClient: (clientId: string): AadError => ({
    error: 'unauthorized_client',
    code: 700016,
    message: `Application with identifier '${clientId}' was not found in the directory.`,
  }),
  redirectUriMismatch: (redirectUri: string, clientId: string): AadError => ({
    error: 'invalid_request',
    code: 50011,
    message: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
  }),
  unsupportedResponseMode: (mode: string): AadError => ({
    error: 'invalid_request',
    code: 9002313,
    message: `Invalid request. Request is malformed or invalid. - The local emulator supports response_mode 'query' only, not '${mode}'.`,
  }),
  unsupportedResponseType: (type: string): AadError => ({
    error: 'unsupported_response_type',
    code: 700054,
    message: `response_type '${type}' is not enabled for the application.`,
  }),
  pkceRequired: (): AadError => ({
    error: 'invalid_request',
    code: 9002325,
    message: 'Proof Key for Code Exchange is required: send code_challenge with code_challenge_method=S256.',
  }),
  invalidScope: (scope: string): AadError => ({
    error: 'invalid_scope',
    code: 70011,
    message: `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' is not valid.`,
  }),
  multipleResources: (): AadError => ({
    error: 'invalid_request',
    code: 28000,
    message: 'Provided value for the input parameter scope is not valid because it contains more than one resource.',
  }),
  unknownResource: (resource: string): AadError => ({
    error: 'invalid_resource',
    code: 500011,
    message: `The resource principal named ${resource} was not found in the tenant.`,
  }),
  userDeclinedConsent: (): AadError => ({
    error: 'access_denied',
    code: 65004,
    message: 'User declined to consent to access the app.',
  }),
  loginRequired: (): AadError => ({
    error: 'login_required',
    code: 50058,
    message: 'A silent sign-in request was sent but no user is signed in.',
  }),
  signInExpired: (): AadError => ({
    error: 'invalid_request',
    code: 50089,
    message: 'Authentication failed due to flow token expired. Start the sign-in again.',
  }),
  missingClientSecret: (): AadError => ({
    error: 'invalid_client',
    code: 7000218,
    message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    status: 401,
  }),
  invalidClientSecret: (clientId: string): AadError => ({
    error: 'invalid_client',
    code: 7000215,
    message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    status: 401,
  }),
  unsupportedGrantType: (): AadError => ({
    error: 'unsupported_grant_type',
    code: 70003,
    message: 'The app requested an unsupported grant type.',
  }),
  malformedGrant: (): AadError => ({
    error: 'invalid_grant',
    code: 9002313,
    message: 'Invalid request. Request is malformed or invalid.',
  }),
  codeRedeemed: (): AadError => ({
    error: 'invalid_grant',
    code: 54005,
    message: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  }),
  grantExpired: (): AadError => ({
    error: 'invalid_grant',
    code: 70008,
    message:
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  }),
  replyAddressMismatch: (): AadError => ({
    error: 'invalid_grant',
    code: 500112,
    message: 'The reply address does not match the reply address provided when requesting the authorization code.',
  }),
  codeVerifierMissing: (): AadError => ({
    error: 'invalid_grant',
    code: 50148,
    message: 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
  }),
  codeVerifierMismatch: (): AadError => ({
    error: 'invalid_grant',
    code: 501481,
    message: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  grantInvalid: (detail: string): AadError => ({
    error: 'invalid_grant',
    code: 70000,
    message: `Provided grant is invalid or malformed. ${detail}`,
  }),
  grantRevoked: (issuedAt: Date, validFrom: Date): AadError => ({
    error: 'invalid_grant',
    code: 50173,
    message: `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${issuedAt.toISOString()}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${validFrom.toISOString()}'.`,
  }),
  refreshTokenExpired: (): AadError => ({
    error: 'invalid_grant',
    code: 700082,
    message: 'The refresh token has expired due to inactivity. The token was inactive for 90.00:00:00.',
  }),
  unknownUser: (email: string): AadError => ({
    error: 'invalid_grant',
    code: 50034,
    message: `The user account ${email} does not exist in the directory.`,
  }),
  temporarilyUnavailable: (): AadError => ({
    error: 'temporarily_unavailable',
    code: 90033,
    message: 'A transient error has occurred. Please try again.',
    status: 503,
  }),
  consentRequired: (scope: string): AadError => ({
    error: 'invalid_grant',
    code: 65001,
    message: `The user or administrator has not consented to use the application with the requested scope '${scope}'. Send an interactive authorization request for this user and resource.`,
    suberror: 'consent_required',
  }),
} as const;
