import { decidePassword, type CardInput, type PublicCard } from '@saatja/core';
import { createUserRepository, type UserRow } from '../auth/user-repository';
import { createAuditLog } from '../audit/audit-log';
import type { Db } from '../db/database';
import { fieldError } from '../http/app-error';
import type { SecretBox } from '../secrets/secret-box';
import { storedSmtp, toPublicCard } from './card-mapping';
import { createMailSettingsRepository, type MailSettingsRow } from './mail-settings-repository';

export const smtpPasswordContext = (userId: number) => `smtp-password:${userId}`;

/** Microsoft 365 sends over SMTP with XOAUTH2 to this fixed server (SPEC §2). */
const M365_SERVER = { host: 'smtp.office365.com', port: 587, security: 'starttls' } as const;

export interface CardServiceDeps {
  db: Db;
  secretBox: SecretBox;
  now: () => Date;
}

export function createCardService(deps: CardServiceDeps) {
  /** The row that saving `input` leaves behind; fields of other modes are cleared. */
  function nextSettings(user: UserRow, stored: MailSettingsRow | undefined, input: CardInput): MailSettingsRow {
    const base = { user_id: user.id, updated_at: deps.now().toISOString() };
    const sender = input.mailSender;
    switch (sender.mode) {
      case 'default':
      case 'replyTo':
        return { ...base, mode: sender.mode, smtp_host: null, smtp_port: null, smtp_security: null, smtp_user: '', smtp_password_sealed: null };
      case 'm365':
        return { ...base, mode: 'm365', smtp_host: M365_SERVER.host, smtp_port: M365_SERVER.port, smtp_security: M365_SERVER.security, smtp_user: sender.m365.user, smtp_password_sealed: null };
      case 'smtp': {
        const check = decidePassword(storedSmtp(stored), sender.smtp);
        if (!check.ok) throw fieldError(check.field, check.error);
        const decision = check.decision;
        const sealed =
          decision.action === 'replace'
            ? deps.secretBox.seal(decision.password, smtpPasswordContext(user.id))
            : decision.action === 'keep'
              ? (stored?.smtp_password_sealed ?? null)
              : null;
        return {
          ...base,
          mode: 'smtp',
          smtp_host: sender.smtp.host.toLowerCase(),
          smtp_port: sender.smtp.port,
          smtp_security: sender.smtp.security,
          smtp_user: sender.smtp.user,
          smtp_password_sealed: sealed,
        };
      }
    }
  }

  const mailSettings = createMailSettingsRepository(deps.db);

  return {
    async getCard(user: UserRow): Promise<PublicCard> {
      return toPublicCard(user, await mailSettings.find(user.id));
    },

    async saveCard(actor: UserRow, user: UserRow, input: CardInput): Promise<PublicCard> {
      const profile = { name: input.name, email: input.email };
      const next = await deps.db.transaction().execute(async (trx) => {
        const settings = createMailSettingsRepository(trx);
        const stored = await settings.find(user.id);
        const next = nextSettings(user, stored, input);
        await createUserRepository(trx).updateProfile(user.id, profile);
        await settings.save(next);
        await createAuditLog(trx, deps.now).record(actor.id, 'card.save', `user:${user.code}`, {
          before: { ...pickProfile(user), ...auditable(stored) },
          after: { ...profile, ...auditable(next) },
        });
        return next;
      });
      return toPublicCard({ ...user, ...profile }, next);
    },
  };
}
export type CardService = ReturnType<typeof createCardService>;

const pickProfile = (user: UserRow) => ({ name: user.name, email: user.email });

/** Non-secret fields for the audit log; the password only as whether one is set. */
function auditable(row: MailSettingsRow | undefined) {
  return {
    mode: row?.mode ?? 'default',
    smtpHost: row?.smtp_host ?? null,
    smtpPort: row?.smtp_port ?? null,
    smtpSecurity: row?.smtp_security ?? null,
    smtpUser: row?.smtp_user ?? '',
    smtpPassword: row?.smtp_password_sealed ? 'set' : 'none',
  };
}
