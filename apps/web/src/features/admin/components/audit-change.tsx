import type { AuditEntry } from '@saatja/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

const FIELDS = [
  'name',
  'email',
  'mode',
  'smtpHost',
  'smtpPort',
  'smtpSecurity',
  'smtpUser',
  'smtpPassword',
  'mailSendingUserCode',
  'password',
  'account',
  'authenticatedAt',
  'role',
  'code',
] as const;
type Field = (typeof FIELDS)[number];
const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name);

/** One recorded value in words; a value this version does not know is shown as recorded. */
function valueText(t: TFunction, language: string, vendor: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('admin.auditValues.none');
  if (field === 'mode' && typeof value === 'string') return t(`card.modes.${value}`, { vendor, defaultValue: value });
  if (field === 'smtpSecurity' && typeof value === 'string') return t(`card.securityModes.${value}`, { defaultValue: value });
  if (field === 'role' && typeof value === 'string') return t(`admin.roles.${value}`, { defaultValue: value });
  if (field === 'authenticatedAt' && typeof value === 'string') return formatDateTime(language, value);
  if (field === 'smtpPassword' && typeof value === 'object' && 'savedFor' in value)
    return t('admin.auditValues.passwordSavedFor', { server: String(value.savedFor) });
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The changes of one audit entry: a field in words, old → new. */
export function AuditChanges({ changes, vendor }: { changes: AuditEntry['changes']; vendor: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="plain-list">
      {Object.entries(changes).map(([field, change]) => (
        <li key={field}>
          <strong>{isField(field) ? t(`admin.auditFields.${field}`) : field}</strong>:{' '}
          {field === 'password'
            ? t('admin.auditValues.passwordChanged')
            : `${valueText(t, i18n.language, vendor, field, change.from)} → ${valueText(t, i18n.language, vendor, field, change.to)}`}
        </li>
      ))}
    </ul>
  );
}

/** "Kasutaja kaart salvestati", "kasutaja JAAN": the action and its target in words. */
export function auditActionText(t: TFunction, action: string): string {
  return t(`admin.auditActions.${action.replace('.', '_')}`, { defaultValue: action });
}

export function auditTargetText(t: TFunction, target: string): string {
  if (target === 'system') return t('admin.auditTargets.system');
  return target.startsWith('user:') ? t('admin.auditTargets.user', { code: target.slice('user:'.length) }) : target;
}
