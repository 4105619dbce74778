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
import type { UserRow } from '../auth/user-repository';
import type { Db } from '../db/database';
import { fieldError } from '../http/app-error';
import { ownServerOf, senderMode, toMailProfile } from '../mail-settings/mail-profile';
import { createMailSettingsRepository, type MailSettingsRow } from '../mail-settings/mail-settings-repository';
import { createGlobalMailUserRepository, type UserKey } from './global-mail-user-repository';
import { createSystemSettingsRepository, MAIL_SENDING_USER } from './system-settings-repository';

export interface GlobalMailUser {
  user: UserRow;
  settings: MailSettingsRow | undefined;
  profile: MailProfile;
}

/** What a card needs to know of the global mail user, when one is set and the card is not it. */
export interface InheritedServer {
  code: string;
  server: ServerRef | null;
}

/** How the card relates to the global mail user: inherits from it, or is it (and how many inherit). */
export interface GlobalRelation {
  inherited: InheritedServer | null;
  inheritedBy: number | null;
}

const toGlobal = (found: { user: UserRow; settings: MailSettingsRow | undefined } | null): GlobalMailUser | null =>
  found && { ...found, profile: toMailProfile(found.user, found.settings) };

/** SPEC §3: the system setting "Mail sending user code" and what it means for every user. */
export function createGlobalMailUserService(deps: { db: Db; deployment: DeploymentMail; now: () => Date }) {
  const mailSettings = createMailSettingsRepository(deps.db);
  const system = createSystemSettingsRepository(deps.db);
  const repository = createGlobalMailUserRepository(deps.db);

  const current = async () => toGlobal(await repository.current());

  function resolve(user: UserRow, settings: MailSettingsRow | undefined, global: GlobalMailUser | null): EffectiveConfig {
    return resolveEffectiveConfig(toMailProfile(user, settings), global?.profile ?? null, deps.deployment);
  }

  /** Every user's effective configuration if `code` were the global mail user (the admin's preview): two queries. */
  async function preview(code: string | null): Promise<UserMailOverview[]> {
    const global = toGlobal(code ? await repository.byCode(code) : null);
    return (await mailSettings.listWithUsers()).map(({ user, settings }) => ({
      code: user.code,
      name: user.name,
      role: user.role,
      mode: senderMode(settings),
      effective: resolve(user, settings, global),
    }));
  }

  function inherited(user: UserRow, global: GlobalMailUser | null): InheritedServer | null {
    if (!global || global.user.id === user.id) return null;
    return { code: global.user.code, server: ownServerOf(global.profile) };
  }

  /** The card's relation to the global mail user, for the card page (see GlobalRelation). */
  async function relation(user: UserRow, global: GlobalMailUser | null): Promise<GlobalRelation> {
    if (global?.user.id !== user.id) return { inherited: inherited(user, global), inheritedBy: null };
    const everyone = await preview(global.user.code);
    return { inherited: null, inheritedBy: everyone.filter((row) => row.effective.provenance.server === 'global').length };
  }

  /** A user's own settings and the global mail user, read together (one query on every card request). */
  async function withGlobal(user: UserRow) {
    const { settings, global } = await repository.withGlobal(user.id);
    return { settings, global: toGlobal(global) };
  }

  return {
    current,
    currentCode: () => system.get(MAIL_SENDING_USER),

    /** What `user`'s card inherits from `global` (the value of current()), if anything. */
    inheritedFrom: inherited,
    /** The card's relation to `global` (the value of current()); counts the heirs when it is the global user's. */
    relationTo: relation,

    /** The card page's data: the stored settings and the relation to the global mail user. */
    async cardOf(user: UserRow): Promise<{ settings: MailSettingsRow | undefined; relation: GlobalRelation }> {
      const { settings, global } = await withGlobal(user);
      return { settings, relation: await relation(user, global) };
    },

    /** cardOf for the user of a session, read with the session in one query; the caller admits the session. */
    async cardOfSession(sessionIdHash: string) {
      const found = await repository.withGlobalOfSession(sessionIdHash);
      return found && { ...found, global: toGlobal(found.global) };
    },

    async effectiveFor(user: UserRow): Promise<{ effective: EffectiveConfig; global: GlobalMailUser | null }> {
      const { settings, global } = await withGlobal(user);
      return { effective: resolve(user, settings, global), global };
    },

    /** The user (by code or id) and their effective configuration, in one query; null for an unknown user. */
    async effectiveForUser(key: UserKey): Promise<{ user: UserRow; effective: EffectiveConfig; global: GlobalMailUser | null } | null> {
      const found = await repository.userWithGlobal(key);
      if (!found) return null;
      const global = toGlobal(found.global);
      return { user: found.user, effective: resolve(found.user, found.settings, global), global };
    },

    preview,

    async set(actor: UserRow, code: string | null): Promise<void> {
      const candidate = toGlobal(code ? await repository.byCode(code) : null);
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
