import { sendLogKinds, sendLogResults, type SendLogKind, type SendLogResult } from '@saatja/core';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { LogFilters, noCommonFilters, type CommonLogFilters } from '../../../components/ui/log-filters';

export interface SendLogFilterValues extends CommonLogFilters {
  kind: SendLogKind | '';
  result: SendLogResult | '';
}

export const noSendLogFilters: SendLogFilterValues = { ...noCommonFilters, kind: '', result: '' };

/** User (admins), kind, result and days; each change reloads the first page. */
export function SendLogFilters({
  value,
  onChange,
  showUser,
}: {
  value: SendLogFilterValues;
  onChange: (next: SendLogFilterValues) => void;
  showUser: boolean;
}) {
  const { t } = useTranslation();
  return (
    <LogFilters value={value} onChange={onChange} onClear={() => onChange(noSendLogFilters)} showUser={showUser}>
      <Field label={t('sendLog.columns.kind')}>
        <select value={value.kind} onChange={(event) => onChange({ ...value, kind: event.target.value as SendLogFilterValues['kind'] })}>
          <option value="">{t('log.all')}</option>
          {sendLogKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`sendLog.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('sendLog.columns.result')}>
        <select
          value={value.result}
          onChange={(event) => onChange({ ...value, result: event.target.value as SendLogFilterValues['result'] })}
        >
          <option value="">{t('log.all')}</option>
          {sendLogResults.map((result) => (
            <option key={result} value={result}>
              {t(`sendLog.results.${result}`)}
            </option>
          ))}
        </select>
      </Field>
    </LogFilters>
  );
}
