import type { CardChange } from '@saatja/core';
import { useTranslation } from 'react-i18next';

/** One click that changes the card's form to what the advice recommends. */
export function ChangeButton({ change, vendor, onChange }: { change: CardChange; vendor: string; onChange: (change: CardChange) => void }) {
  const { t } = useTranslation();
  const label =
    change.mode === 'smtp'
      ? t('deliverability.usePreset', { provider: t(`presets.names.${change.preset}`) })
      : t('deliverability.useMode', { mode: t(`card.modes.${change.mode}`, { vendor }) });
  return (
    <button type="button" className="button button--small" onClick={() => onChange(change)}>
      {label}
    </button>
  );
}
