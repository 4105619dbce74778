import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { aadErrors } from '../aad-errors';
import type { EmulatorContext, SignInFlow } from '../context';
import { describePermissions } from '../scopes';
import { clientInfo } from '../tokens';
import { validateAuthorize } from './authorize-request';
import { consentPage, signInPage } from './pages';
import { redirectWith, redirectWithError, sendErrorPage, sendPage, single } from './respond';
import { resolveTenant } from './tenant';

/** ms an authorization code can be redeemed after it was issued. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;
const DEFAULT_APP_NAME = 'Saatja';
const WRONG_CREDENTIALS = 'Your account or password is incorrect.';

/** The interactive part: sign-in page → consent page → redirect back with a code. */
export function authorizeRoutes(context: EmulatorContext): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  router.get('/:tenant/oauth2/v2.0/authorize', (req, res) => {
    const tenant = resolveTenant(req.params.tenant, context.tenantId);
    if (tenant === null) return sendErrorPage(res, aadErrors.tenantNotFound(req.params.tenant));
    const validation = validateAuthorize(context, tenant, req.query);
    if (validation.kind === 'page') return sendErrorPage(res, validation.error);
    if (validation.kind === 'redirect') {
      return redirectWithError(res, validation.redirectUri, validation.error, validation.state);
    }
    const flow: SignInFlow = { request: validation.request, email: null };
    const flowId = context.flows.add(flow);
    renderSignIn(res, flowId, flow, validation.request.loginHint ?? '', null);
  });

  router.post('/:tenant/login', form, (req, res) => {
    const found = findFlow(context, req, res);
    if (!found) return;
    const [flowId, flow] = found;
    const login = single(req.body?.login) ?? '';
    const mailbox = context.directory.find(login);
    if (mailbox === undefined || mailbox.password !== single(req.body?.passwd)) {
      return renderSignIn(res, flowId, flow, login, WRONG_CREDENTIALS);
    }
    flow.email = mailbox.email;
    const { client, scopes, tenant } = flow.request;
    sendPage(
      res,
      200,
      consentPage({
        tenant,
        flowId,
        appName: client.displayName ?? DEFAULT_APP_NAME,
        clientId: client.clientId,
        email: mailbox.email,
        permissions: describePermissions(scopes),
      }),
    );
  });

  router.post('/:tenant/consent', form, (req, res) => {
    const found = findFlow(context, req, res);
    if (!found) return;
    const [flowId, { request, email }] = found;
    const mailbox = email === null ? undefined : context.directory.find(email);
    if (mailbox === undefined) return sendErrorPage(res, aadErrors.loginRequired());
    context.flows.delete(flowId);
    if (single(req.body?.action) !== 'accept') {
      return redirectWithError(res, request.redirectUri, aadErrors.userDeclinedConsent(), request.state, {
        error_subcode: 'cancel',
      });
    }
    const now = Date.now();
    const code = context.codes.add({
      clientId: request.client.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      email: mailbox.email,
      scopes: request.scopes,
      nonce: request.nonce,
      authTime: now,
      expiresAt: now + CODE_LIFETIME_MS,
      redeemed: false,
    });
    redirectWith(res, request.redirectUri, {
      code,
      state: request.state,
      client_info: clientInfo(mailbox, context.tenantId),
      session_state: randomUUID(),
    });
  });

  return router;
}

function renderSignIn(res: Response, flowId: string, flow: SignInFlow, login: string, error: string | null): void {
  const { tenant, client } = flow.request;
  const appName = client.displayName ?? DEFAULT_APP_NAME;
  sendPage(res, 200, signInPage({ tenant, flowId, appName, login, error }));
}

/** The sign-in in progress named by the form's hidden `flow` field, or an error page. */
function findFlow(context: EmulatorContext, req: Request, res: Response): [string, SignInFlow] | null {
  const flowId = single(req.body?.flow);
  const flow = flowId === undefined ? undefined : context.flows.get(flowId);
  const tenant = resolveTenant(single(req.params.tenant), context.tenantId);
  if (flowId === undefined || flow === undefined || tenant !== flow.request.tenant) {
    sendErrorPage(res, aadErrors.signInExpired());
    return null;
  }
  return [flowId, flow];
}
