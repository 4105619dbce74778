import type { PublicCard, PublicDeployment } from '@saatja/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import type { CardFormValues } from '../card-form-values';
import { PresetPicker } from './preset-picker';
import { SmtpAdviceList } from './smtp-advice-list';
import { useFieldError } from './use-field-error';

interface SmtpFieldsProps {
  deployment: PublicDeployment;
  passwordSet: boolean;
  /** The global mail user's server: leaving Server empty uses it ("credentials only"). */
  inherited: PublicCard['mailSender']['inherited'];
}

export function SmtpFields({ deployment, passwordSet, inherited }: SmtpFieldsProps) {
  const { t } = useTranslation();
  const { register, control, setValue } = useFormContext<CardFormValues>();
  const fieldError = useFieldError(deployment.openPorts);
  const clearPassword = useWatch({ control, name: 'mailSender.smtp.clearPassword' });
  const vendor = deployment.vendorName;
  const server = inherited?.server;

  return (
    <fieldset className="section">
      <legend>{t('card.smtpSection')}</legend>
      <PresetPicker />
      {inherited && server && (
        <p className="note note--info">{t('card.inheritedServer', { code: inherited.code, server: `${server.host}:${server.port}` })}</p>
      )}
      <div className="grid grid--server">
        <Field label={t('card.host')} error={fieldError('mailSender.smtp.host')}>
          <input type="text" autoComplete="off" spellCheck={false} placeholder={server?.host} {...register('mailSender.smtp.host')} />
        </Field>
        <Field label={t('card.port')} error={fieldError('mailSender.smtp.port')}>
          <select {...register('mailSender.smtp.port', { setValueAs: (value: string) => (value === '' ? undefined : Number(value)) })}>
            <option value="">{t('card.choosePort')}</option>
            {deployment.openPorts.map((port) => (
              <option key={port} value={port}>
                {port}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('card.security')} error={fieldError('mailSender.smtp.security')}>
          <select {...register('mailSender.smtp.security')}>
            <option value="none">{t('card.securityModes.none')}</option>
            <option value="ssl">{t('card.securityModes.ssl')}</option>
            <option value="starttls">{t('card.securityModes.starttls')}</option>
          </select>
        </Field>
      </div>
      <SmtpAdviceList vendor={vendor} />
      <div className="grid grid--two">
        <Field label={t('card.user')} error={fieldError('mailSender.smtp.user')} hint={t('card.userHint')}>
          <input type="text" autoComplete="off" spellCheck={false} {...register('mailSender.smtp.user')} />
        </Field>
        <Field
          label={t('card.password')}
          error={fieldError('mailSender.smtp.password')}
          hint={clearPassword ? t('card.passwordWillBeCleared') : passwordSet ? t('card.passwordSet') : t('card.passwordNotSet')}
        >
          <input type="password" autoComplete="new-password" {...register('mailSender.smtp.password')} />
        </Field>
      </div>
      {passwordSet && !clearPassword && (
        <button type="button" className="button button--quiet" onClick={() => setValue('mailSender.smtp.clearPassword', true, { shouldDirty: true })}>
          {t('card.forgetPassword')}
        </button>
      )}
      <p className="note">{t('card.ownServerNote')}</p>
      <p className="note">{t('card.sendingIps', { vendor, ips: deployment.sendingIps.join(', ') })}</p>
    </fieldset>
  );
}
