import type { EffectiveConfig, Owner, SendLogRoute } from '@saatja/core';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { UserRow } from '../auth/user-repository';
import type { MailSettingsRepository } from '../mail-settings/mail-settings-repository';
import type { Config, RelayConfig } from '../config';
import type { UserKey } from '../global-mail-user/global-mail-user-repository';
import type { GlobalMailUser, GlobalMailUserService } from '../global-mail-user/global-mail-user-service';
import { AppError } from '../http/app-error';
import type { M365TokenService } from '../m365/m365-token-service';
import { resolveTarget, type TargetPolicy } from '../network/target-guard';
import type { SecretBox } from '../secrets/secret-box';
import { smtpPasswordContext } from '../secrets/seal-contexts';
import { buildTransport, sendLogRoute } from './build-transport';

/** Where a user's mail goes, as the send log records it. */
export type UserRoute = Exclude<SendLogRoute, { kind: 'other' }>;

export interface UserTransportDeps {
  config: Pick<Config, 'relay' | 'extraCas' | 'm365'>;
  mailSettings: MailSettingsRepository;
  globalMailUser: GlobalMailUserService;
  secretBox: SecretBox;
  m365Tokens: Pick<M365TokenService, 'accessToken'>;
  targetPolicy: TargetPolicy;
}

/** A user's mail, cleared to go: the nodemailer options hold the password, so they stay in memory. */
export interface UserTransport {
  effective: EffectiveConfig;
  options: SMTPTransport.Options;
  /** Where it goes, for the send log; never a secret. */
  route: UserRoute;
}

/**
 * The transport of a user's effective configuration as saved now (SPEC §3): every way Saatja sends
 * as a user (test mail, checks, the outbox) goes through here, so the target guard and TLS rules apply.
 */
export function createUserTransport(deps: UserTransportDeps) {
  const relay = (): RelayConfig => {
    if (!deps.config.relay) throw new Error('relay not configured');
    return deps.config.relay;
  };

  /** Open the password saved with the card that owns the credentials (SPEC §3 invariant). */
  async function passwordOf(user: UserRow, global: GlobalMailUser | null, owner: Owner): Promise<string> {
    const holder = owner === 'own' ? user : global?.user;
    const sealed = holder && (await deps.mailSettings.find(holder.id))?.smtp_password_sealed;
    if (!holder || !sealed) throw new AppError('sendFailed', { detail: 'passwordNeeded' });
    return deps.secretBox.open(sealed, smtpPasswordContext(holder.id));
  }

  /** The Microsoft 365 connection of the card that owns it: the user's own, or the global mail user's. */
  function m365TokenOf(user: UserRow, global: GlobalMailUser | null, owner: Owner, mailbox: string) {
    const holder = owner === 'own' ? user : global?.user;
    if (!holder) throw new AppError('sendFailed', { detail: 'm365NotAuthenticated' });
    return deps.m365Tokens.accessToken(holder.id, mailbox);
  }

  return {
    relay,
    /** Where the effective configuration sends, for the send log. */
    routeOf: (effective: EffectiveConfig): UserRoute => sendLogRoute(effective.transport, relay()),
    async effectiveOf(user: UserRow): Promise<{ effective: EffectiveConfig; global: GlobalMailUser | null }> {
      return deps.globalMailUser.effectiveFor(user);
    },
    /** The user (by code or id) and their effective configuration (one query), or null. */
    effectiveOfUser: (key: UserKey) => deps.globalMailUser.effectiveForUser(key),
    /** Refuses (AppError sendFailed) when the configuration cannot send: a password or sign-in is needed. */
    async transportFor(user: UserRow, resolved?: { effective: EffectiveConfig; global: GlobalMailUser | null }): Promise<UserTransport> {
      const { effective, global } = resolved ?? (await deps.globalMailUser.effectiveFor(user));
      if (effective.passwordNeeded) throw new AppError('sendFailed', { detail: 'passwordNeeded' });
      const options = await buildTransport(effective.transport, {
        relay: relay(),
        extraCas: deps.config.extraCas,
        password: (owner) => passwordOf(user, global, owner),
        guardTarget: (host, port) => resolveTarget(host, port, deps.targetPolicy),
        m365Smtp: deps.config.m365?.smtp ?? null,
        m365AccessToken: (owner, mailbox) => m365TokenOf(user, global, owner, mailbox),
      });
      return { effective, options, route: sendLogRoute(effective.transport, relay()) };
    },
  };
}
export type UserTransports = ReturnType<typeof createUserTransport>;
