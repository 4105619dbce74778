import { aadErrors, type AadError } from './aad-errors';

export const OUTLOOK_RESOURCE = 'https://outlook.office.com';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Resource identifiers Microsoft accepts in a scope, mapped to the audience of the token issued. */
const RESOURCES = new Map<string, string>([
  ['https://outlook.office.com', OUTLOOK_RESOURCE],
  ['https://outlook.office365.com', OUTLOOK_RESOURCE],
  ['00000002-0000-0ff1-ce00-000000000000', OUTLOOK_RESOURCE],
  ['https://graph.microsoft.com', GRAPH_RESOURCE],
  ['00000003-0000-0000-c000-000000000000', GRAPH_RESOURCE],
]);

/** Canonical spelling (scopes are case-insensitive) and the consent page's wording. */
const PERMISSIONS = new Map<string, { name: string; description: string }>(
  [
    { name: 'SMTP.Send', description: 'Send emails from mailboxes using SMTP AUTH.' },
    { name: 'Mail.Send', description: 'Send mail as you' },
    { name: 'Mail.Read', description: 'Read your mail' },
    { name: 'User.Read', description: 'Sign you in and read your profile' },
    { name: 'IMAP.AccessAsUser.All', description: 'Read and write access to mailboxes via IMAP.' },
    { name: 'POP.AccessAsUser.All', description: 'Read and write access to mailboxes via POP.' },
  ].map((permission) => [permission.name.toLowerCase(), permission]),
);

const OIDC_DESCRIPTIONS: Record<string, string> = {
  openid: 'Sign you in',
  profile: 'View your basic profile',
  email: 'View your email address',
  offline_access: 'Maintain access to data you have given it access to',
};

const PERMISSION_NAME = /^[A-Za-z0-9][\w.-]*$/;

/** A parsed `scope` parameter: one resource, its permissions, and the OpenID scopes. */
export interface ScopeRequest {
  /** The access token's audience. */
  resource: string;
  /** Canonical permission names, the access token's `scp`. */
  permissions: string[];
  /** The resource scopes as the client spelled them; echoed in the token response. */
  resourceScopes: string[];
  oidc: string[];
}

export type ScopeParse = { ok: true; value: ScopeRequest } | { ok: false; error: AadError };

export function parseScopes(raw: string): ScopeParse {
  const oidc: string[] = [];
  const permissions: string[] = [];
  const resourceScopes: string[] = [];
  const resources = new Set<string>();
  for (const scope of new Set(raw.split(/\s+/).filter(Boolean))) {
    const lower = scope.toLowerCase();
    if (OIDC_SCOPES.has(lower)) {
      if (!oidc.includes(lower)) oidc.push(lower);
      continue;
    }
    const slash = scope.lastIndexOf('/');
    // Like Microsoft, a bare permission ("Mail.Send") means Microsoft Graph.
    const resourceId = slash === -1 ? GRAPH_RESOURCE : scope.slice(0, slash).replace(/\/+$/, '').toLowerCase();
    const permission = scope.slice(slash + 1);
    const resource = RESOURCES.get(resourceId);
    if (resource === undefined) {
      const looksLikeResource = resourceId.startsWith('https://') || /^[0-9a-f-]{36}$/.test(resourceId);
      return { ok: false, error: looksLikeResource ? aadErrors.unknownResource(resourceId) : aadErrors.invalidScope(scope) };
    }
    if (!PERMISSION_NAME.test(permission)) return { ok: false, error: aadErrors.invalidScope(scope) };
    resources.add(resource);
    permissions.push(PERMISSIONS.get(permission.toLowerCase())?.name ?? permission);
    resourceScopes.push(scope);
  }
  if (resources.size > 1) return { ok: false, error: aadErrors.multipleResources() };
  const [resource] = resources;
  if (resource === undefined) {
    // Only OpenID scopes: Microsoft issues a Graph token for User.Read.
    return { ok: true, value: { resource: GRAPH_RESOURCE, permissions: ['User.Read'], resourceScopes: ['User.Read'], oidc } };
  }
  return { ok: true, value: { resource, permissions, resourceScopes, oidc } };
}

/** True when every permission of `requested` was granted in `granted` (for the same resource). */
export function isCoveredBy(requested: ScopeRequest, granted: ScopeRequest): boolean {
  const grantedLower = new Set(granted.permissions.map((permission) => permission.toLowerCase()));
  return requested.resource === granted.resource && requested.permissions.every((permission) => grantedLower.has(permission.toLowerCase()));
}

/** The `scope` of a token response: resource scopes as requested, then the OpenID ones. */
export function responseScope(scopes: ScopeRequest): string {
  return [...scopes.resourceScopes, ...scopes.oidc].join(' ');
}

/** Lines for the consent page, in request order. */
export function describePermissions(scopes: ScopeRequest): string[] {
  return [
    ...scopes.permissions.map((name) => PERMISSIONS.get(name.toLowerCase())?.description ?? `Access ${name}`),
    ...scopes.oidc.map((scope) => OIDC_DESCRIPTIONS[scope] ?? scope),
  ];
}

export function isOidcScope(scope: string): boolean {
  return OIDC_SCOPES.has(scope.toLowerCase());
}
