import {
  hasOwnServer,
  resolveEffectiveConfig,
  type DeploymentMail,
  type EffectiveConfig,
  type MailProfile,
  type ServerRef,
  type UserMailOverview,
} from '@saatja/core';
import { createAuditLog } from '../audit/audit-log';
import { createUserRepository, type UserRow } from '../auth/user-repository';
import { senderMode, toMailProfile, type GlobalRelation, type InheritedServer } from '../card/card-mapping';
import { createMailSettingsRepository, type MailSettingsRow } from '../card/mail-settings-repository';
import type { Db } from '../db/database';
import { fieldError } from '../http/app-error';
import { createSystemSettingsRepository, MAIL_SENDING_USER } from './system-settings-repository';

export interface GlobalMailUser {
  user: UserRow;
  settings: MailSettingsRow | undefined;
  profile: MailProfile;
}

/** The server a card with an own-server configuration sends through. */
export function ownServerOf(profile: MailProfile): ServerRef | null {
  if (!hasOwnServer(profile)) return null;
  if (profile.mode === 'm365') return { host: 'smtp.office365.com', port: 587, security: 'starttls' };
  return { host: profile.smtp!.host!, port: profile.smtp!.port, security: profile.smtp!.security };
}

/** SPEC §3: the system setting "Mail sending user code" and what it means for every user. */
export function createGlobalMailUserService(deps: { db: Db; deployment: DeploymentMail; now: () => Date }) {
  const users = createUserRepository(deps.db);
  const mailSettings = createMailSettingsRepository(deps.db);
  const system = createSystemSettingsRepository(deps.db);

  async function load(code: string | null): Promise<GlobalMailUser | null> {
    const user = code ? await users.findByCode(code) : undefined;
    if (!user) return null;
    const settings = await mailSettings.find(user.id);
    return { user, settings, profile: toMailProfile(user, settings) };
  }

  const current = async () => load(await system.get(MAIL_SENDING_USER));

  function resolve(user: UserRow, settings: MailSettingsRow | undefined, global: GlobalMailUser | null): EffectiveConfig {
    return resolveEffectiveConfig(toMailProfile(user, settings), global?.profile ?? null, deps.deployment);
  }

  /** Every user's effective configuration if `code` were the global mail user (the admin's preview). */
async function preview(code: string | null): Promise<UserMailOverview[]> {
    const global = await load(code);
    const rows = await users.listAll();
    return Promise.all(
      rows.map(async (user) => {
        const settings = await mailSettings.find(user.id);
        return { code: user.code, name: user.name, role: user.role, mode: senderMode(settings), effective: resolve(user, settings, global) };
      }),
    );
  }

  function inherited(user: UserRow, global: GlobalMailUser | null): InheritedServer | null {
    if (!global || global.user.id === user.id) return null;
    return { code: global.user.code, server: ownServerOf(global.profile) };
  }

  return {
    current,
    currentCode: () => system.get(MAIL_SENDING_USER),

    async inheritedFor(user: UserRow): Promise<InheritedServer | null> {
      return inherited(user, await current());
    },

    /** The card's relation to the global mail user, for the card page (see GlobalRelation). */
    async relationOf(user: UserRow): Promise<GlobalRelation> {
      const global = await current();
      if (global?.user.id !== user.id) return { inherited: inherited(user, global), inheritedBy: null };
      const everyone = await preview(global.user.code);
      return { inherited: null, inheritedBy: everyone.filter((row) => row.effective.provenance.server === 'global').length };
    },

    async effectiveFor(user: UserRow): Promise<{ effective: EffectiveConfig; global: GlobalMailUser | null }> {
      const global = await current();
      return { effective: resolve(user, await mailSettings.find(user.id), global), global };
    },

    preview,

    async set(actor: UserRow, code: string | null): Promise<void> {
      const candidate = await load(code);
      if (code !== null && !candidate) throw fieldError('mailSendingUserCode', 'globalUser.unknown');
      if (candidate && !hasOwnServer(candidate.profile)) throw fieldError('mailSendingUserCode', 'globalUser.noOwnServer');
      const before = await system.get(MAIL_SENDING_USER);
      await system.set(MAIL_SENDING_USER, candidate?.user.code ?? null, deps.now());
      await createAuditLog(deps.db, deps.now).record(actor.id, 'settings.mailSendingUser', 'system', {
        before: { mailSendingUserCode: before },
        after: { mailSendingUserCode: candidate?.user.code ?? null },
      });
    },
  };
}
export type GlobalMailUserService = ReturnType<typeof createGlobalMailUserService>;
