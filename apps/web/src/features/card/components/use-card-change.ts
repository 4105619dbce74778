import { findPreset, type CardChange } from '@saatja/core';
import { useFormContext } from 'react-hook-form';
import type { CardFormValues } from '../card-form-values';

/** Apply a change the deliverability advice offers to the form; nothing is saved until the user saves. */
export function useCardChange(): (change: CardChange) => void {
  const { setValue, getValues, formState } = useFormContext<CardFormValues>();
  return (change) => {
    // After a failed save, re-check the filled fields so their old errors go away.
    const options = { shouldDirty: true, shouldValidate: formState.isSubmitted };
    // The suggestion comes from the address's own domain being at Microsoft 365: that is the mailbox.
    if (change.mode === 'm365' && getValues('mailSender.mode') !== 'm365') setValue('mailSender.m365.user', getValues('email'), options);
    const server = change.mode === 'smtp' ? findPreset(change.preset)?.server : null;
    if (server) {
      setValue('mailSender.smtp.host', server.host, options);
      setValue('mailSender.smtp.port', server.port, options);
      setValue('mailSender.smtp.security', server.security, options);
    }
    setValue('mailSender.mode', change.mode, options);
  };
}
