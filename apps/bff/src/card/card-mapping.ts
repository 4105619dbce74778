import type { PublicCard } from '@saatja/core';
import type { UserRow } from '../auth/user-repository';
import type { GlobalRelation } from '../global-mail-user/global-mail-user-service';
import { savedSmtp, senderMode } from '../mail-settings/mail-profile';
import type { MailSettingsRow } from '../mail-settings/mail-settings-repository';

/** The card as the browser sees it: the password only as `passwordSet`. */
export function toPublicCard(user: UserRow, settings: MailSettingsRow | undefined, relation: GlobalRelation): PublicCard {
  const smtp = savedSmtp(settings);
  return {
    code: user.code,
    name: user.name,
    email: user.email,
    role: user.role,
    mailSender: {
      mode: senderMode(settings),
      smtp: smtp && {
        host: smtp.host ?? '',
        port: smtp.host === null ? null : smtp.port,
        security: smtp.security,
        user: smtp.user,
        passwordSet: smtp.hasPassword,
      },
      inherited: relation.inherited,
      inheritedBy: relation.inheritedBy,
    },
  };
}
