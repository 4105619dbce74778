import type { UserMailOverview } from '@saatja/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { translateError } from '../../../lib/translate-error';
import { getUsers } from '../api/get-users';
import { getSettings, previewSettings, saveSettings } from '../api/mail-sending-user';
import { EffectiveSummary } from './effective-summary';

type Outcome = { tone: 'success' | 'error'; text: string } | null;

/** System setting "Meili saatmise kasutaja kood", with everyone's resulting configuration shown before saving. */
export function SettingsPage({ vendor }: { vendor: string }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserMailOverview[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [chosen, setChosen] = useState('');
  const [preview, setPreview] = useState<UserMailOverview[] | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    Promise.all([getUsers(), getSettings()]).then(
      ([list, settings]) => {
        setUsers(list);
        setSaved(settings.mailSendingUserCode);
        setChosen(settings.mailSendingUserCode ?? '');
      },
      (error: unknown) => setOutcome({ tone: 'error', text: translateError(t, error) }),
    );
  }, [t]);

  const choose = (code: string) => {
    setChosen(code);
    setPreview(null);
    if (code !== (saved ?? '')) previewSettings({ mailSendingUserCode: code || null }).then(setPreview, () => setPreview(null));
  };

  const candidates = users?.filter((user) => user.effective.provenance.server === 'own') ?? [];

  const save = async () => {
    setOutcome(null);
    setFieldError(undefined);
    try {
      const result = await saveSettings({ mailSendingUserCode: chosen || null });
      setSaved(result.mailSendingUserCode);
      setPreview(null);
      setUsers(await getUsers());
      setOutcome({ tone: 'success', text: t('admin.settingsSaved') });
    } catch (error) {
      const key = error instanceof ApiError ? error.fields.mailSendingUserCode : undefined;
      if (key) setFieldError(t(`errors.${key}`));
      setOutcome({ tone: 'error', text: key ? t('card.saveFailed') : translateError(t, error) });
    }
  };

  return (
    <main className="page page--wide">
      <section className="panel" aria-labelledby="settings-title">
        <h1 id="settings-title">{t('admin.settingsTitle')}</h1>
        {outcome && <Banner tone={outcome.tone}>{outcome.text}</Banner>}
        <p className="note">{t('admin.mailSendingUserIntro')}</p>
        <Field label={t('admin.mailSendingUser')} error={fieldError} hint={t('admin.mailSendingUserHint', { vendor })}>
          <select value={chosen} onChange={(event) => choose(event.target.value)} disabled={!users}>
            <option value="">{t('admin.noMailSendingUser', { vendor })}</option>
            {candidates.map((user) => (
              <option key={user.code} value={user.code}>
                {user.code} — {user.name}
              </option>
            ))}
          </select>
        </Field>
        {preview && (
          <section aria-labelledby="preview-title" className="section">
            <h2 id="preview-title">{t('admin.previewTitle')}</h2>
            <ul className="plain-list">
              {preview.map((user) => (
                <li key={user.code}>
                  <strong>{user.code}</strong> {user.name}: <EffectiveSummary effective={user.effective} vendor={vendor} />
                </li>
              ))}
            </ul>
          </section>
        )}
        <button type="button" className="button button--primary" onClick={() => void save()} disabled={!users || chosen === (saved ?? '')}>
          {t('admin.saveSettings')}
        </button>
      </section>
    </main>
  );
}
