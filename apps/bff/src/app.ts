import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PublicDeployment } from '@saatja/core';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { authRoutes } from './auth/routes';
import { loadSession, requireUser, sessionCookie } from './auth/session-middleware';
import { createSessionStore } from './auth/session-store';
import { createUserRepository } from './auth/user-repository';
import { createCardService } from './card/card-service';
import { createMailSettingsRepository } from './card/mail-settings-repository';
import { cardRoutes } from './card/routes';
import type { Config } from './config';
import type { Db } from './db/database';
import { devRoutes, type DevMailbox } from './dev/routes';
import { AppError, errorHandler } from './http/app-error';
import { csrfGuard } from './http/csrf';
import { createRateLimiter } from './http/rate-limiter';
import { createSendLog } from './mail/send-log';
import { createTestMailService } from './mail/test-mail-service';
import type { SecretBox } from './secrets/secret-box';

export interface AppDeps {
  config: Config;
  db: Db;
  secretBox: SecretBox;
  logger: Logger;
  now?: () => Date;
  /** Dev mode only: the local mail catcher standing in for the vendor relay. */
  devMailbox?: DevMailbox;
}

/** Sign-in attempts per IP and user code per window. */
const SIGN_IN_LIMIT = { limit: 10, windowMs: 5 * 60_000 };
/** Test mails per user per window (SPEC §5: rate-limited). */
const TEST_MAIL_LIMIT = { limit: 10, windowMs: 10 * 60_000 };

/** The whole BFF as an Express app, without listening: tests start it on port 0. */
export function createApp(deps: AppDeps): Express {
  const { config, db, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const production = config.mode === 'production';
  const cookie = sessionCookie(production);
  const users = createUserRepository(db);
  const sessions = createSessionStore(db, now);
  const mailSettings = createMailSettingsRepository(db);
  const cards = createCardService({ db, secretBox: deps.secretBox, now });
  const testMail = createTestMailService({
    config,
    mailSettings,
    secretBox: deps.secretBox,
    sendLog: createSendLog(db),
    limiter: createRateLimiter(TEST_MAIL_LIMIT),
    now,
  });

  const app = express();
  app.disable('x-powered-by');
  if (production) app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'connect-src': ["'self'"] },
      },
      strictTransportSecurity: production,
    }),
  );

  const api = express.Router();
  api.use(express.json({ limit: '32kb' }));
  api.use(csrfGuard(config.publicOrigin));
  api.use(loadSession(sessions, users, cookie));
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
  api.use('/auth', authRoutes({ users, sessions, cookie, signInLimiter: createRateLimiter(SIGN_IN_LIMIT) }));
  api.use('/card', requireUser, cardRoutes({ cards, testMail, openPorts: config.openPorts }));
  if (deps.devMailbox) api.use('/dev', requireUser, devRoutes(deps.devMailbox));
  api.use(() => {
    throw new AppError('notFound');
  });
  app.use('/api', api);

  const indexHtml = path.join(config.webDist, 'index.html');
  if (existsSync(indexHtml)) {
    app.use(express.static(config.webDist, { index: false, maxAge: '1h' }));
    // The SPA owns every other path (client-side routes).
    app.get('/{*path}', (_req, res) => res.sendFile(indexHtml, { headers: { 'Cache-Control': 'no-cache' } }));
  } else {
    logger.warn({ webDist: config.webDist }, 'web app not built; serving the API only');
  }

  app.use(errorHandler(logger));
  return app;
}
