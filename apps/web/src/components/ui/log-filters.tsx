import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './field';

/** The filters every log has: a user (admins), a day range; `children` adds the log's own. */
export interface CommonLogFilters {
  user: string;
  fromDay: string;
  toDay: string;
}

export const noCommonFilters: CommonLogFilters = { user: '', fromDay: '', toDay: '' };

interface LogFiltersProps<F extends CommonLogFilters> {
  value: F;
  onChange: (next: F) => void;
  onClear: () => void;
  showUser: boolean;
  children?: ReactNode;
}

export function LogFilters<F extends CommonLogFilters>({ value, onChange, onClear, showUser, children }: LogFiltersProps<F>) {
  const { t } = useTranslation();
  return (
    <fieldset className="section log-filters">
      <legend>{t('log.filters')}</legend>
      <div className="grid log-filters__grid">
        {showUser && (
          <Field label={t('log.user')} hint={t('log.userHint')}>
            <input
              type="search"
              autoComplete="off"
              spellCheck={false}
              value={value.user}
              onChange={(event) => onChange({ ...value, user: event.target.value })}
            />
          </Field>
        )}
        {children}
        <Field label={t('log.from')}>
          <input type="date" value={value.fromDay} onChange={(event) => onChange({ ...value, fromDay: event.target.value })} />
        </Field>
        <Field label={t('log.to')}>
          <input type="date" value={value.toDay} onChange={(event) => onChange({ ...value, toDay: event.target.value })} />
        </Field>
      </div>
      <button type="button" className="button button--quiet" onClick={onClear}>
        {t('log.clear')}
      </button>
    </fieldset>
  );
}
