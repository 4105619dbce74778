import { findPreset, presetForHost, providerPresets } from '@saatja/core';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CardFormValues } from '../card-form-values';

/** Choosing a provider fills server, port and SSL/TLS, and shows that provider's guidance. */
export function PresetPicker() {
  const { t } = useTranslation();
  const { control, setValue, formState } = useFormContext<CardFormValues>();
  const host = useWatch({ control, name: 'mailSender.smtp.host' });
  const [chosen, setChosen] = useState('');
  const preset = findPreset(chosen) ?? presetForHost(host);

  const choose = (id: string) => {
    setChosen(id);
    const server = findPreset(id)?.server;
    if (!server) return;
    // After a failed save, re-check the filled fields so their old errors go away.
    const options = { shouldDirty: true, shouldValidate: formState.isSubmitted };
    setValue('mailSender.smtp.host', server.host, options);
    setValue('mailSender.smtp.port', server.port, options);
    setValue('mailSender.smtp.security', server.security, options);
  };

  return (
    <div className="preset">
      <div className="field">
        <label htmlFor="preset">{t('presets.label')}</label>
        <select
          id="preset"
          value={preset?.id ?? ''}
          onChange={(event) => choose(event.target.value)}
          aria-describedby={preset ? 'preset-guidance' : undefined}
        >
          <option value="">{t('presets.none')}</option>
          {providerPresets.map((item) => (
            <option key={item.id} value={item.id}>
              {t(`presets.names.${item.id}`)}
            </option>
          ))}
        </select>
      </div>
      {preset && (
        <ul id="preset-guidance" className="guidance">
          {preset.guidance.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
