import { resetPasswordInputSchema } from '@saatja/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { translateError } from '../../../lib/translate-error';
import { resetPassword } from '../api/manage-users';

/** Set a new password for a user; their sessions end. */
export function ResetPasswordButton({ code }: { code: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const submit = async () => {
    const parsed = resetPasswordInputSchema.safeParse({ password });
    if (!parsed.success) return setMessage({ error: true, text: t(`errors.${parsed.error.issues[0]?.message ?? 'validation'}`) });
    try {
      await resetPassword(code, parsed.data);
      setPassword('');
      setOpen(false);
      setMessage({ error: false, text: t('admin.passwordReset', { code }) });
    } catch (error) {
      setMessage({ error: true, text: error instanceof ApiError ? translateError(t, error) : t('errors.internal') });
    }
  };

  return (
    <div className="inline-form">
      {!open ? (
        <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
          {t('admin.resetPassword', { code })}
        </button>
      ) : (
        <>
          <label htmlFor={id}>{t('admin.newPasswordFor', { code })}</label>
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-describedby={message ? `${id}-msg` : undefined}
          />
          <button type="button" className="button button--small" onClick={() => void submit()}>
            {t('admin.setPassword')}
          </button>
        </>
      )}
      {message && (
        <p id={`${id}-msg`} role={message.error ? 'alert' : 'status'} className={message.error ? 'field__error' : 'note'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
