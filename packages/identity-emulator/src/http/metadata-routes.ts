import { Router } from 'express';
import { aadErrors } from '../aad-errors';
import type { EmulatorContext } from '../context';
import { sendJson, sendPage, sendTokenError, single } from './respond';
import { isSharedTenant, resolveTenant } from './tenant';
import { signedOutPage } from './pages';

/** OpenID discovery, the signing keys, and sign-out. */
export function metadataRoutes(context: EmulatorContext): Router {
  const router = Router();

  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    const tenant = resolveTenant(req.params.tenant, context.tenantId);
    if (tenant === null) return sendTokenError(res, aadErrors.tenantNotFound(req.params.tenant), undefined);
    sendJson(res, 200, openIdConfiguration(context, tenant));
  });

  router.get('/:tenant/discovery/v2.0/keys', (req, res) => {
    const tenant = resolveTenant(req.params.tenant, context.tenantId);
    if (tenant === null) return sendTokenError(res, aadErrors.tenantNotFound(req.params.tenant), undefined);
    sendJson(res, 200, { keys: [context.keys.publicJwk] });
  });

  // No session to end (the emulator keeps none); only registered URIs get a link, as an open redirect guard.
  router.get('/:tenant/oauth2/v2.0/logout', (req, res) => {
    const returnTo = single(req.query.post_logout_redirect_uri);
    const registered = [...context.clients.values()].some((client) => client.redirectUris.includes(returnTo ?? ''));
    sendPage(res, 200, signedOutPage(registered && returnTo !== undefined ? returnTo : null));
  });

  return router;
}

function openIdConfiguration({ origin, tenantId }: EmulatorContext, tenant: string) {
  const base = `${origin}/${tenant}`;
  return {
    // For organizations/common Microsoft publishes a placeholder issuer; msal checks only its origin.
    issuer: `${origin}/${isSharedTenant(tenant) ? '{tenantid}' : tenantId}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'nonce', 'name', 'preferred_username', 'oid', 'tid', 'ver', 'email'],
    request_uri_parameter_supported: false,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
  };
}
