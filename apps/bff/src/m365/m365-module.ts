import type { Logger } from 'pino';
import type { MailSettingsRepository } from '../mail-settings/mail-settings-repository';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { SecretBox } from '../secrets/secret-box';
import { createM365AuthService, type UseM365Mailbox } from './m365-auth-service';
import { createM365TokenService } from './m365-token-service';
import { createMsalFactory } from './msal-factory';
import type { M365RoutesDeps } from './routes';

export interface M365ModuleDeps {
  config: Pick<Config, 'm365' | 'extraCas'>;
  db: Db;
  secretBox: SecretBox;
  useM365Mailbox: UseM365Mailbox;
  mailSettings: MailSettingsRepository;
  logger: Logger;
  now: () => Date;
}

/** Microsoft 365 OAuth wired together; without an app registration only status and disconnect work. */
export function createM365Module(deps: M365ModuleDeps): M365RoutesDeps {
  const m365 = deps.config.m365;
  const msal = m365 ? createMsalFactory(m365, deps.config.extraCas, deps.logger) : null;
  const tokens = createM365TokenService({ ...deps, msal });
  const auth = createM365AuthService({ ...deps, msal, tokens });
  return { auth, tokens, appOrigin: m365 ? new URL(m365.redirectUri).origin : null };
}
