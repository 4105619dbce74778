import { eventKinds, type EventKind } from '@saatja/core';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';

export const periods = ['all', 'day', 'week', 'month'] as const;
export type Period = (typeof periods)[number];

export interface Filters {
  kind: EventKind | '';
  period: Period;
}

interface EventFiltersProps {
  value: Filters;
  onChange: (next: Filters) => void;
  onRefresh: () => void;
  busy: boolean;
}

/** Kind and period; each change reloads the list at once, so there is no submit button. */
export function EventFilters({ value, onChange, onRefresh, busy }: EventFiltersProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="section">
      <legend>{t('events.filters')}</legend>
      <div className="grid grid--two">
        <Field label={t('events.kind')}>
          <select value={value.kind} onChange={(event) => onChange({ ...value, kind: event.target.value as Filters['kind'] })}>
            <option value="">{t('events.allKinds')}</option>
            {eventKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`events.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('events.period')}>
          <select value={value.period} onChange={(event) => onChange({ ...value, period: event.target.value as Period })}>
            {periods.map((period) => (
              <option key={period} value={period}>
                {t(`events.periods.${period}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="button" className="button" onClick={onRefresh} disabled={busy}>
        {t('events.refresh')}
      </button>
    </fieldset>
  );
}
