import type { PublicDeployment } from '@saatja/core';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { createAuditLog } from './audit/audit-log';
import { authRoutes } from './auth/routes';
import { cardOwnerByCode } from './admin/card-owner';
import { adminRoutes, requireAdmin } from './admin/routes';
import { createUserAdminService } from './admin/user-admin-service';
import { currentUser, loadSession, requireUser, sessionCookie } from './auth/session-middleware';
import { createSessionStore } from './auth/session-store';
import { createUserRepository } from './auth/user-repository';
import { createCardService } from './card/card-service';
import { createMailSettingsRepository } from './mail-settings/mail-settings-repository';
import { cardRoutes, ownCardRoute } from './card/routes';
import type { Config } from './config';
import type { Db } from './db/database';
import { devRoutes, type DevMailbox } from './dev/routes';
import { createEventsService } from './events/events-service';
import { eventsRoutes } from './events/routes';
import { createGlobalMailUserService } from './global-mail-user/global-mail-user-service';
import { healthRoutes, type Lifecycle } from './health/routes';
import { webAppRoutes } from './web-app/routes';
import { AppError, errorHandler } from './http/app-error';
import { drainingConnections } from './http/draining';
import { csrfGuard } from './http/csrf';
import { requestLog } from './http/request-log';
import { createRateLimiter } from './http/rate-limiter';
import { createSendLog } from './mail/send-log';
import { createDnsResolver } from './network/dns-resolver';
import { createTestMailService } from './mail/test-mail-service';
import { createUserTransport } from './mail/user-transport';
import { createApiTokenRepository } from './api-tokens/api-token-repository';
import { createApiTokenService } from './api-tokens/api-token-service';
import { apiTokenAdminRoutes } from './api-tokens/routes';
import { createOutboxModule } from './outbox/outbox-module';
import type { OutboxWorker } from './outbox/outbox-worker';
import { outboxRoutes } from './outbox/routes';
import { serverLimitRoutes } from './outbox/server-limits-routes';
import { sendApiRoutes } from './send-api/routes';
import { createDiagnosticsService } from './diagnostics/diagnostics-service';
import { diagnosticsRoutes } from './diagnostics/routes';
import { createDeliverabilityModule } from './deliverability/deliverability-module';
import { deliverabilityRoutes, usersDeliverabilityRoutes } from './deliverability/routes';
import { sendLogRoutes } from './send-log/routes';
import { createSendLogRepository } from './send-log/send-log-repository';
import type { SecretBox } from './secrets/secret-box';
import type { UseM365Mailbox } from './m365/m365-auth-service';
import { createM365Module } from './m365/m365-module';
import { adminCardPath, m365CallbackRoutes, m365CardRoutes } from './m365/routes';

export interface AppDeps {
  config: Config;
  db: Db;
  secretBox: SecretBox;
  logger: Logger;
  now?: () => Date;
  /** Dev mode only: the local mail catcher standing in for the vendor relay. */
  devMailbox?: DevMailbox;
  /** Shared with the process's shutdown: draining instances report not ready and close connections. */
  lifecycle?: Lifecycle;
  /** Receives the outbox worker, which the caller starts once listening and stops on shutdown. */
  onOutboxWorker?: (worker: OutboxWorker) => void;
}

/** Wrong passwords per user code per window, from any address; the 11th attempt is refused. */
const SIGN_IN_FAILURES_PER_CODE = { name: 'sign-in-code', limit: 10, windowMs: 15 * 60_000 };
/** Wrong passwords per client address per window, whatever the code. */
const SIGN_IN_FAILURES_PER_ADDRESS = { name: 'sign-in-address', limit: 15, windowMs: 15 * 60_000 };
/** Test mails per user per window (SPEC §5: rate-limited). */
const TEST_MAIL_LIMIT = { name: 'test-mail', limit: 10, windowMs: 10 * 60_000 };

function signInLimiters(db: Db) {
  return { perCode: createRateLimiter(db, SIGN_IN_FAILURES_PER_CODE), perAddress: createRateLimiter(db, SIGN_IN_FAILURES_PER_ADDRESS) };
}

/** The whole BFF as an Express app, without listening: tests start it on port 0. */
export function createApp(deps: AppDeps): Express {
  const { config, db, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const lifecycle = deps.lifecycle ?? { draining: false };
  // Served over HTTPS (by the public origin, whatever the mode): __Host- cookies and HSTS.
  const https = config.publicOrigin?.startsWith('https:') ?? false;
  const cookie = sessionCookie(https);
  const users = createUserRepository(db);
  const sessions = createSessionStore(db, now);
  const mailSettings = createMailSettingsRepository(db);
  const globalMailUser = createGlobalMailUserService({
    db,
    deployment: { eventDomain: config.eventDomain, companyName: config.companyName },
    now,
  });
  const cards = createCardService({ db, secretBox: deps.secretBox, globalMailUser, sessions, now });
  const useM365Mailbox: UseM365Mailbox = async (actor, owner, mailbox) =>
    cards.saveCard(
      actor,
      owner,
      { name: owner.name, email: owner.email, mailSender: { mode: 'm365', m365: { user: mailbox } } },
      await globalMailUser.current(),
    );
  const m365 = createM365Module({ config, db, secretBox: deps.secretBox, useM365Mailbox, mailSettings, logger, now });
  // One resolver for every lookup the BFF makes (SAATJA_DNS_SERVERS): users' servers and their domains.
  const resolver = createDnsResolver(config.dnsServers, { timeoutMs: config.dnsTimeoutMs });
  const userTransport = createUserTransport({
    config,
    mailSettings,
    globalMailUser,
    secretBox: deps.secretBox,
    m365Tokens: m365.tokens,
    targetPolicy: {
      openPorts: config.openPorts,
      allowList: config.smtpAllowList,
      resolver,
    },
  });
  const sendLog = createSendLog(db);
  const testMail = createTestMailService({ config, userTransport, sendLog, limiter: createRateLimiter(db, TEST_MAIL_LIMIT), now });
  const deliverability = createDeliverabilityModule(config, db, resolver, now);
  const diagnostics = createDiagnosticsService({ testMail, now, finalStep: deliverability.service.checkStep });
  const audit = createAuditLog(db, now);
  const outbox = createOutboxModule({ db, config, users, userTransport, logger, now });
  deps.onOutboxWorker?.(outbox.worker);
  const tokens = createApiTokenService({ tokens: createApiTokenRepository(db), users, audit, now });

  const app = express();
  app.disable('x-powered-by');
  // Whose X-Forwarded-For counts for req.ip (the sign-in limits): only proxies the deployment names.
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'form-action': ["'self'"],
        },
      },
      strictTransportSecurity: https,
      // The Microsoft 365 popup goes through the identity provider and must keep its opener to report back.
      crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    }),
  );

  app.use(drainingConnections(lifecycle));
  app.use(healthRoutes({ db, lifecycle, logger }));
  // The ERP's API: bearer tokens, its own body limit, no session or CSRF layer (see send-api/routes).
  app.use('/api/v1', requestLog(logger), sendApiRoutes({ tokens, outbox: outbox.service, reads: outbox.reads }));

  const api = express.Router();
  api.use(requestLog(logger));
  api.use(express.json({ limit: '32kb' }));
  api.use(csrfGuard(config.publicOrigin));
  // The card page's read checks the session itself, in the card's query (see ownCardRoute).
  api.get('/card', ownCardRoute(cards, cookie));
  api.use(loadSession(sessions, cookie));
  api.get('/deployment', (_req, res) => {
    const deployment: PublicDeployment = {
      vendorName: config.vendorName,
      relayHost: config.relay?.host ?? '',
      openPorts: config.openPorts,
      sendingIps: config.sendingIps,
      devMode: config.mode === 'dev',
    };
    res.json(deployment);
  });
  api.use('/auth', authRoutes({ users, sessions, cookie, signInLimiters: signInLimiters(db) }));
  const cardDeps = { cards, testMail, globalMailUser, openPorts: config.openPorts };
  api.use('/m365', m365CallbackRoutes(m365));
  api.use(
    '/card/m365',
    requireUser,
    m365CardRoutes(
      m365,
      async (req) => currentUser(req),
      () => '/',
    ),
  );
  api.use('/admin/users/:code/card/m365', requireAdmin, m365CardRoutes(m365, cardOwnerByCode(users), adminCardPath));
  api.use(
    '/card/check',
    requireUser,
    diagnosticsRoutes({ diagnostics, logger }, async (req) => currentUser(req)),
  );
  api.use('/admin/users/:code/card/check', requireAdmin, diagnosticsRoutes({ diagnostics, logger }, cardOwnerByCode(users)));
  const domainChecks = { deliverability: deliverability.service, limiter: deliverability.limiter };
  api.use(
    '/card/deliverability',
    requireUser,
    deliverabilityRoutes(domainChecks, async (req) => currentUser(req)),
  );
  api.use('/admin/users/:code/card/deliverability', requireAdmin, deliverabilityRoutes(domainChecks, cardOwnerByCode(users)));
  api.use('/admin/deliverability', requireAdmin, usersDeliverabilityRoutes({ deliverability: deliverability.service, globalMailUser }));
  api.use(
    '/card',
    requireUser,
    cardRoutes(cardDeps, async (req) => currentUser(req)),
  );
  api.use('/send-log', requireUser, sendLogRoutes({ sendLog: createSendLogRepository(db) }));
  api.use('/outbox', requireUser, outboxRoutes({ outbox: outbox.service, reads: outbox.reads }));
  api.use('/admin/tokens', requireAdmin, apiTokenAdminRoutes(tokens));
  api.use('/admin/server-limits', requireAdmin, serverLimitRoutes({ limits: outbox.limits, audit }));
  api.use('/admin', adminRoutes({ ...cardDeps, users, userAdmin: createUserAdminService({ db, now }), audit }));
  api.use('/events', requireUser, eventsRoutes({ events: createEventsService({ db, config, logger, now }) }));
  if (deps.devMailbox) api.use('/dev', requireUser, devRoutes(deps.devMailbox));
  api.use(() => {
    throw new AppError('notFound');
  });
  app.use('/api', api);

  const webApp = webAppRoutes(config.webDist);
  if (webApp) app.use(webApp);
  else logger.warn({ webDist: config.webDist }, 'web app not built; serving the API only');

  app.use(errorHandler(logger));
  return app;
}
