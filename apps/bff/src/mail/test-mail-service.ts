import { resolveEffectiveConfig, type EffectiveConfig, type Owner, type TestMailInput } from '@saatja/core';
import type { UserRow } from '../auth/user-repository';
import { toMailProfile } from '../card/card-mapping';
import { smtpPasswordContext } from '../card/card-service';
import type { MailSettingsRepository } from '../card/mail-settings-repository';
import type { Config } from '../config';
import { AppError } from '../http/app-error';
import type { RateLimiter } from '../http/rate-limiter';
import type { SecretBox } from '../secrets/secret-box';
import { buildTransport, describeTransport } from './build-transport';
import type { SendLog } from './send-log';
import { sendMail } from './send-mail';

export interface TestMailDeps {
  config: Pick<Config, 'relay' | 'extraCas' | 'eventDomain' | 'companyName' | 'vendorName'>;
  mailSettings: MailSettingsRepository;
  secretBox: SecretBox;
  sendLog: SendLog;
  limiter: RateLimiter;
  now: () => Date;
}

export function createTestMailService(deps: TestMailDeps) {
  const relay = () => {
    if (!deps.config.relay) throw new Error('relay not configured');
    return deps.config.relay;
  };

  async function effectiveConfigOf(user: UserRow): Promise<EffectiveConfig> {
    const profile = toMailProfile(user, await deps.mailSettings.find(user.id));
    return resolveEffectiveConfig(profile, null, { eventDomain: deps.config.eventDomain, companyName: deps.config.companyName });
  }

  /** Open the password saved with the card that owns the credentials (SPEC §3 invariant). */
  async function passwordOf(user: UserRow, owner: Owner): Promise<string> {
    if (owner === 'global') throw new Error('global mail user is not configured');
    const sealed = (await deps.mailSettings.find(user.id))?.smtp_password_sealed;
    if (!sealed) throw new AppError('sendFailed', { detail: 'passwordMissing' });
    return deps.secretBox.open(sealed, smtpPasswordContext(user.id));
  }

  return {
    effectiveConfigOf,

    async send(actor: UserRow, user: UserRow, input: TestMailInput) {
      if (input.to && input.to !== user.email && actor.role !== 'admin') throw new AppError('forbidden');
      if (!deps.limiter.take(`test-mail:${actor.id}`)) throw new AppError('rateLimited');
      const effective = await effectiveConfigOf(user);
      const options = await buildTransport(effective.transport, {
        relay: relay(),
        extraCas: deps.config.extraCas,
        password: (owner) => passwordOf(user, owner),
      });
      const to = input.to ?? user.email;
      const started = deps.now();
      const result = await sendMail(options, {
        from: effective.from,
        replyTo: effective.replyTo,
        to,
        subject: `${deps.config.vendorName}: testkiri / test mail`,
        text: `Saatja test mail sent ${started.toISOString()} via ${describeTransport(effective.transport, relay())}.`,
      });
      await deps.sendLog.record({
        user_id: user.id,
        at: started.toISOString(),
        kind: 'test',
        transport: describeTransport(effective.transport, relay()),
        recipient: to,
        result: result.ok ? 'sent' : 'failed',
        server_reply: result.ok ? result.response : result.failure.response,
        error_code: result.ok ? null : result.failure.code,
        duration_ms: deps.now().getTime() - started.getTime(),
        message_id: result.ok ? result.messageId : null,
      });
      if (!result.ok) throw new AppError('sendFailed', { extra: { smtp: result.failure } });
      return { messageId: result.messageId, to, response: result.response };
    },
  };
}
export type TestMailService = ReturnType<typeof createTestMailService>;
