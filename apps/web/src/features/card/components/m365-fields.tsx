import { isSameMailbox, type M365Status, type PublicCard } from '@saatja/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { Field } from '../../../components/ui/field';
import type { CardFormValues } from '../card-form-values';
import { M365Connection } from './m365-connection';
import { useFieldError } from './use-field-error';

interface M365FieldsProps {
  userCode?: string | undefined;
  onSaved: (card: PublicCard) => void;
  status: M365Status | null;
  onStatus: (status: M365Status | null) => void;
}

export function M365Fields({ userCode, onSaved, status, onStatus }: M365FieldsProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { register } = useFormContext<CardFormValues>();
  return (
    <fieldset className="section">
      <legend>{t('card.modes.m365')}</legend>
      <Field label={t('card.m365User')} error={fieldError('mailSender.m365.user')}>
        <input type="email" autoComplete="off" {...register('mailSender.m365.user')} />
      </Field>
      <M365Connection userCode={userCode} onCardSaved={onSaved} onStatus={onStatus} />
      <FromMismatch status={status} />
    </fieldset>
  );
}

/**
 * Exchange Online sends only as the signed-in mailbox (554 5.2.252 SendAsDenied otherwise, SPEC §2):
 * when the card's e-mail, the From, differs, say so and offer the mailbox's address.
 */
function FromMismatch({ status }: { status: M365Status | null }) {
  const { t } = useTranslation();
  const { control, setValue } = useFormContext<CardFormValues>();
  const [email, user] = useWatch({ control, name: ['email', 'mailSender.m365.user'] });
  const mailbox = status?.connected && status.account ? status.account : user;
  if (!mailbox || !email || isSameMailbox(mailbox, email)) return null;
  return (
    <Banner tone="warning">
      {t('m365.fromMismatch', { email, mailbox })}
      <button
        type="button"
        className="button button--small"
        onClick={() => setValue('email', mailbox, { shouldDirty: true, shouldValidate: true })}
      >
        {t('m365.useMailboxAddress', { mailbox })}
      </button>
    </Banner>
  );
}
