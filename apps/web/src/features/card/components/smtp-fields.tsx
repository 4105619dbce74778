import type { PublicCard, PublicDeployment } from '@saatja/core';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import type { CardFormValues } from '../card-form-values';
import { PasswordField } from './password-field';
import { PresetPicker } from './preset-picker';
import { ServerChoice, type ServerSource } from './server-choice';
import { SmtpAdviceList } from './smtp-advice-list';
import { useFieldError } from './use-field-error';

interface SmtpFieldsProps {
  deployment: PublicDeployment;
  /** The SMTP settings as saved (also kept, inactive, while another mode is saved). */
  saved: PublicCard['mailSender']['smtp'];
  /** The global mail user's server, which "credentials only" uses. */
  inherited: PublicCard['mailSender']['inherited'];
}

export function SmtpFields({ deployment, saved, inherited }: SmtpFieldsProps) {
  const { t } = useTranslation();
  const { setValue, getValues } = useFormContext<CardFormValues>();
  const vendor = deployment.vendorName;
  const server = inherited?.server ?? null;
  const [source, setSource] = useState<ServerSource>(() =>
    server && getValues('mailSender.smtp.host') === '' && saved?.host === '' ? 'inherited' : 'own',
  );

  const choose = (next: ServerSource) => {
    setSource(next);
    // "Credentials only" is what an empty Server means to the shared schema and the BFF.
    if (next === 'inherited') {
      setValue('mailSender.smtp.host', '', { shouldDirty: true });
      setValue('mailSender.smtp.port', undefined, { shouldDirty: true });
    }
  };

  return (
    <fieldset className="section">
      <legend>{t('card.smtpSection')}</legend>
      {inherited && server && <ServerChoice value={source} onChange={choose} code={inherited.code} server={server} />}
      {source === 'own' && (
        <>
          <PresetPicker />
          <ServerFields openPorts={deployment.openPorts} />
          <SmtpAdviceList vendor={vendor} />
        </>
      )}
      <div className="grid grid--two">
        <UserField />
        <div className="field-group">
          <PasswordField saved={saved} />
        </div>
      </div>
      <p className="note">{t('card.ownServerNote')}</p>
      <p className="note">{t('card.sendingIps', { vendor, ips: deployment.sendingIps.join(', ') })}</p>
    </fieldset>
  );
}

function ServerFields({ openPorts }: { openPorts: readonly number[] }) {
  const { t } = useTranslation();
  const { register } = useFormContext<CardFormValues>();
  const fieldError = useFieldError(openPorts);
  return (
    <div className="grid grid--server">
      <Field label={t('card.host')} error={fieldError('mailSender.smtp.host')}>
        <input type="text" autoComplete="off" spellCheck={false} {...register('mailSender.smtp.host')} />
      </Field>
      <Field label={t('card.port')} error={fieldError('mailSender.smtp.port')}>
        <select {...register('mailSender.smtp.port', { setValueAs: (value: string) => (value === '' ? undefined : Number(value)) })}>
          <option value="">{t('card.choosePort')}</option>
          {openPorts.map((port) => (
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
  );
}

function UserField() {
  const { t } = useTranslation();
  const { register } = useFormContext<CardFormValues>();
  const fieldError = useFieldError();
  return (
    <Field label={t('card.user')} error={fieldError('mailSender.smtp.user')} hint={t('card.userHint')}>
      <input type="text" autoComplete="off" spellCheck={false} {...register('mailSender.smtp.user')} />
    </Field>
  );
}
