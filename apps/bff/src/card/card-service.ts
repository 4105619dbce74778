import { decidePassword, M365_SMTP_SERVER, type CardInput, type PublicCard, type SmtpInput } from '@saatja/core';
import { createAuditLog } from '../audit/audit-log';
import { hashSessionId, type LiveSession, type SessionStore } from '../auth/session-store';
import { createUserRepository, type UserRow } from '../auth/user-repository';
import type { Db } from '../db/database';
import type { GlobalMailUser, GlobalMailUserService, InheritedServer } from '../global-mail-user/global-mail-user-service';
import { fieldError } from '../http/app-error';
import type { SecretBox } from '../secrets/secret-box';
import { passwordBinding } from '../mail-settings/mail-profile';
import { createMailSettingsRepository, type MailSettingsRow } from '../mail-settings/mail-settings-repository';
import { smtpPasswordContext } from '../secrets/seal-contexts';
import { toPublicCard } from './card-mapping';

export interface CardServiceDeps {
  db: Db;
  secretBox: SecretBox;
  globalMailUser: GlobalMailUserService;
  sessions: SessionStore;
  now: () => Date;
}

type SmtpColumns = Omit<MailSettingsRow, 'user_id' | 'mode' | 'updated_at'>;

const noSmtp: SmtpColumns = {
  smtp_host: null,
  smtp_port: null,
  smtp_security: null,
  smtp_user: '',
  smtp_password_sealed: null,
  password_host: null,
  password_port: null,
  password_security: null,
};

export function createCardService(deps: CardServiceDeps) {
  /** SMTP fields of the row: the own server, or none for "credentials only" (then the password goes to `target`). */
  function smtpRow(user: UserRow, stored: MailSettingsRow | undefined, smtp: SmtpInput, inherited: InheritedServer | null) {
    const check = decidePassword(passwordBinding(stored), { ...smtp, host: smtp.host.toLowerCase() }, inherited?.server ?? null);
    if (!check.ok) throw fieldError(check.field, check.error);
    const { decision, target } = check;
    const own = smtp.host !== '' ? target : null;
    const sealed =
      decision.action === 'replace'
        ? deps.secretBox.seal(decision.password, smtpPasswordContext(user.id))
        : decision.action === 'keep'
          ? (stored?.smtp_password_sealed ?? null)
          : null;
    return {
      smtp_host: own?.host ?? null,
      smtp_port: own?.port ?? null,
      smtp_security: own?.security ?? null,
      smtp_user: smtp.user,
      smtp_password_sealed: sealed,
      password_host: sealed ? target.host : null,
      password_port: sealed ? target.port : null,
      password_security: sealed ? target.security : null,
    };
  }

  /**
   * The row that saving `input` leaves behind. Directo and Reply-To keep saved SMTP settings,
   * inactive, for a switch back (the password stays bound to its server); Microsoft 365 uses the
   * same columns, so choosing it replaces them, as the card says before saving.
   */
  function nextSettings(
    user: UserRow,
    stored: MailSettingsRow | undefined,
    input: CardInput,
    inherited: InheritedServer | null,
  ): MailSettingsRow {
    const base = { user_id: user.id, updated_at: deps.now().toISOString() };
    const sender = input.mailSender;
    switch (sender.mode) {
      case 'default':
      case 'replyTo':
        return { ...base, mode: sender.mode, ...(stored && stored.mode !== 'm365' ? smtpColumns(stored) : noSmtp) };
      case 'm365':
        return {
          ...base,
          mode: 'm365',
          ...noSmtp,
          smtp_host: M365_SMTP_SERVER.host,
          smtp_port: M365_SMTP_SERVER.port,
          smtp_security: M365_SMTP_SERVER.security,
          smtp_user: sender.m365.user,
        };
      case 'smtp':
        return { ...base, mode: 'smtp', ...smtpRow(user, stored, sender.smtp, inherited) };
    }
  }

  return {
    async getCard(user: UserRow): Promise<PublicCard> {
      const { settings, relation } = await deps.globalMailUser.cardOf(user);
      return toPublicCard(user, settings, relation);
    },

    /** The signed-in user's card by their session id, read with the session in one query; null unless the session is live. */
    async ownCard(sessionId: string): Promise<(LiveSession & { card: PublicCard }) | null> {
      const found = await deps.globalMailUser.cardOfSession(hashSessionId(sessionId));
      const live = found && (await deps.sessions.admit(found.session, found.user));
      if (!found || !live) return null;
      return { ...live, card: toPublicCard(live.user, found.settings, await deps.globalMailUser.relationTo(live.user, found.global)) };
    },

    /** Save `user`'s card; `global` is the global mail user as read for this request (globalMailUser.current()). */
    async saveCard(actor: UserRow, user: UserRow, input: CardInput, global: GlobalMailUser | null): Promise<PublicCard> {
      const profile = { name: input.name, email: input.email };
      const inherited = deps.globalMailUser.inheritedFrom(user, global);
      const next = await deps.db.transaction().execute(async (trx) => {
        const users = createUserRepository(trx);
        // One save of a card at a time: each builds on what the one before committed, so a save that
        // read the card earlier cannot write a password just entered away ("keep" needs the stored one).
        const current = (await users.lockProfile(user.id)) ?? user;
        const settings = createMailSettingsRepository(trx);
        const stored = await settings.find(user.id);
        const next = nextSettings(user, stored, input, inherited);
        await users.updateProfile(user.id, profile);
        await settings.save(next);
        await createAuditLog(trx, deps.now).record(actor.id, 'card.save', `user:${user.code}`, {
          before: { name: current.name, email: current.email, ...auditable(stored) },
          after: { ...profile, ...auditable(next) },
        });
        return next;
      });
      return toPublicCard({ ...user, ...profile }, next, await deps.globalMailUser.relationTo(user, global));
    },
  };
}
export type CardService = ReturnType<typeof createCardService>;

function smtpColumns(row: MailSettingsRow): SmtpColumns {
  const { smtp_host, smtp_port, smtp_security, smtp_user, smtp_password_sealed, password_host, password_port, password_security } = row;
  return { smtp_host, smtp_port, smtp_security, smtp_user, smtp_password_sealed, password_host, password_port, password_security };
}

/** Non-secret fields for the audit log; the password only as whether one is set. */
function auditable(row: MailSettingsRow | undefined) {
  return {
    mode: row?.mode ?? 'default',
    smtpHost: row?.smtp_host ?? null,
    smtpPort: row?.smtp_port ?? null,
    smtpSecurity: row?.smtp_security ?? null,
    smtpUser: row?.smtp_user ?? '',
    // Whether a password is saved and for which server; never the password.
    smtpPassword: row?.smtp_password_sealed ? { savedFor: `${row.password_host}:${row.password_port}` } : null,
  };
}
