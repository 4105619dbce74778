import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { createLogger } from '../apps/bff/src/logger';
import { createMailSettingsRepository } from '../apps/bff/src/mail-settings/mail-settings-repository';
import { createMsalFactory } from '../apps/bff/src/m365/msal-factory';
import { createM365TokenService } from '../apps/bff/src/m365/m365-token-service';
import { createSecretBox } from '../apps/bff/src/secrets/secret-box';
import type { TestStack } from '../apps/bff/test/support/stack';
import { benchUserCode } from './protocol';

/**
 * Every HTTP request this process makes to the identity emulator, seen through Node's own
 * diagnostics channel: discovery and metadata count as well as token requests, and the BFF's code
 * stays untouched. (The emulator's own stats count only its token endpoint.)
 */
export function countIdentityCalls(stack: TestStack): () => number {
  const emulatorHost = new URL(stack.m365!.emulator.origin).host;
  let calls = 0;
  subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: ClientRequest };
    if (request.getHeader('host') === emulatorHost) calls += 1;
  });
  return () => calls;
}

/**
 * The access token a bare nodemailer send uses: taken once, before any measurement, from the first
 * M365 bench user's saved tokens, with the BFF's own token service (a cached token: no refresh).
 */
export async function bareM365Credentials(stack: TestStack): Promise<{ user: string; accessToken: string }> {
  const { config, bff } = stack;
  const logger = createLogger('silent');
  const tokens = createM365TokenService({
    db: bff.db,
    msal: createMsalFactory(config.m365!, config.extraCas, logger),
    mailSettings: createMailSettingsRepository(bff.db),
    secretBox: createSecretBox(config.secretsKeys!),
    logger,
    now: () => new Date(),
  });
  const owner = await bff.db.selectFrom('users').select('id').where('code', '=', benchUserCode('m365', 0)).executeTakeFirstOrThrow();
  const card = await bff.db.selectFrom('mail_settings').select('smtp_user').where('user_id', '=', owner.id).executeTakeFirstOrThrow();
  return tokens.accessToken(owner.id, card.smtp_user);
}
