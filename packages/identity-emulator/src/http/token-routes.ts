import express, { Router } from 'express';
import { aadErrors } from '../aad-errors';
import { redeemAuthorizationCode } from '../authorization-code-grant';
import type { EmulatorContext } from '../context';
import { fail, type FormFields, type GrantResult } from '../grant-result';
import { redeemRefreshToken } from '../refresh-token-grant';
import type { EmulatorClient } from '../types';
import { authenticateClient } from './client-authentication';
import { sendJson, sendTokenError, single } from './respond';
import { resolveTenant } from './tenant';

export function tokenRoutes(context: EmulatorContext): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  router.post('/:tenant/oauth2/v2.0/token', form, async (req, res) => {
    context.stats.tokenRequests += 1;
    // msal sends its correlation id as client-request-id; Microsoft echoes it in errors.
    const correlationId = single(req.get('client-request-id')) ?? single(req.query['client-request-id']);
    const field: FormFields = (name) => single((req.body as Record<string, unknown> | undefined)?.[name]);
    const grantType = field('grant_type');
    if (grantType === 'authorization_code') context.stats.authorizationCodeGrants += 1;
    if (grantType === 'refresh_token') context.stats.refreshTokenGrants += 1;

    if (context.tokenEndpointDown()) return sendTokenError(res, aadErrors.temporarilyUnavailable(), correlationId);
    if (resolveTenant(req.params.tenant, context.tenantId) === null) {
      return sendTokenError(res, aadErrors.tenantNotFound(req.params.tenant), correlationId);
    }
    const authentication = authenticateClient(context, req.get('authorization'), field);
    if (!authentication.ok) return sendTokenError(res, authentication.error, correlationId);
    const result = await grant(context, authentication.client, grantType, field);
    if (result.ok) sendJson(res, 200, result.body);
    else sendTokenError(res, result.error, correlationId);
  });

  return router;
}

function grant(context: EmulatorContext, client: EmulatorClient, grantType: string | undefined, field: FormFields): Promise<GrantResult> {
  switch (grantType) {
    case 'authorization_code':
      return redeemAuthorizationCode(context, client, field);
    case 'refresh_token':
      return redeemRefreshToken(context, client, field);
    case undefined:
      return Promise.resolve(fail(aadErrors.missingParameter('grant_type')));
    default:
      return Promise.resolve(fail(aadErrors.unsupportedGrantType()));
  }
}
