import { get, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CardFormValues } from '../card-form-values';

/** The translated error of a field path, if it has one (keys come from the shared schema or the BFF). */
export function useFieldError(ports: readonly number[] = []) {
  const { t } = useTranslation();
  const { formState } = useFormContext<CardFormValues>();
  return (path: string): string | undefined => {
    const key = (get(formState.errors, path) as { message?: string } | undefined)?.message;
    return key ? t(`errors.${key}`, { ports: ports.join(', ') }) : undefined;
  };
}
