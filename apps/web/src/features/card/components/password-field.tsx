import { keepsPasswordBinding, type PublicSmtpSettings } from '@saatja/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import type { CardFormValues } from '../card-form-values';
import { useFieldError } from './use-field-error';

/**
 * The write-only password. Its hint follows the binding rule as the fields change: a saved password
 * is kept only while server, port, SSL/TLS and user still name what it was entered for (SPEC §3).
 */
export function PasswordField({ saved }: { saved: PublicSmtpSettings | null }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { register, control, setValue } = useFormContext<CardFormValues>();
  const [host, port, security, user, clearPassword] = useWatch({
    control,
    name: [
      'mailSender.smtp.host',
      'mailSender.smtp.port',
      'mailSender.smtp.security',
      'mailSender.smtp.user',
      'mailSender.smtp.clearPassword',
    ],
  });
  const passwordSet = saved?.passwordSet ?? false;
  const stillBound = saved !== null && keepsPasswordBinding(saved, { host, port, security, user });
  const hint = clearPassword
    ? t('card.passwordWillBeCleared')
    : !passwordSet
      ? t('card.passwordNotSet')
      : stillBound
        ? t('card.passwordSet')
        : t('card.passwordReenter');

  return (
    <>
      <Field label={t('card.password')} error={fieldError('mailSender.smtp.password')} hint={<span aria-live="polite">{hint}</span>}>
        <input type="password" autoComplete="new-password" {...register('mailSender.smtp.password')} />
      </Field>
      {passwordSet && stillBound && !clearPassword && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setValue('mailSender.smtp.clearPassword', true, { shouldDirty: true })}
        >
          {t('card.forgetPassword')}
        </button>
      )}
    </>
  );
}
