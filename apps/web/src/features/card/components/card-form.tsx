import {
  senderModes,
  type CardChange,
  type CardInput,
  type M365Status,
  type PublicCard,
  type PublicDeployment,
  type SenderMode,
} from '@saatja/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { FormProvider, useForm, useFormContext, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AfterFirstPaint } from '../../../components/ui/after-first-paint';
import { Banner } from '../../../components/ui/banner';
import { Field } from '../../../components/ui/field';
import { LazyPart, lazyPart } from '../../../components/ui/lazy-part';
import { loadCardPartMessages } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { submitOrReport, warmValidation } from '../../../lib/lazy-validation';
import { translateError } from '../../../lib/translate-error';
import { saveCard } from '../api/save-card';
import { toFormValues, type CardFormValues } from '../card-form-values';
import { cardResolver } from './card-resolver';
import { EffectiveConfigPanel } from './effective-config-panel';
import { SavedSmtpNote } from './saved-smtp-note';
import { SmtpFields } from './smtp-fields';
import { TestMailPanel } from './test-mail-panel';
import { useCardChange } from './use-card-change';
import { useFieldError } from './use-field-error';

/** Only a card in (or switched to) Microsoft 365 mode shows this section: its code and messages load then. */
const M365Fields = lazyPart(() =>
  Promise.all([import('./m365-fields'), loadCardPartMessages()]).then(([{ M365Fields: Fields }]) => Fields),
);

type Outcome = { tone: 'success' | 'error'; text: string } | null;

/** What the card hands a panel shown before its Save button (the deliverability advice, composed by the app). */
export interface CardSlotProps {
  email: string;
  mode: SenderMode;
  inheritsServer: boolean;
  smtpHost: string | null;
  apply: (change: CardChange) => void;
}
export type CardSlot = (props: CardSlotProps) => ReactNode;

interface CardFormProps {
  card: PublicCard;
  deployment: PublicDeployment;
  /** Set when an admin edits another user's card. */
  userCode?: string | undefined;
  onSaved: (card: PublicCard) => void;
  advice?: CardSlot | undefined;
}

export function CardForm({ card, deployment, userCode, onSaved, advice }: CardFormProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [m365Status, setM365Status] = useState<M365Status | null>(null);
  const inheritsServer = card.mailSender.inherited?.server != null;
  const resolver = useMemo(() => cardResolver(deployment.openPorts, inheritsServer), [deployment.openPorts, inheritsServer]);
  const form = useForm<CardFormValues, unknown, CardInput>({ resolver, defaultValues: toFormValues(card) });
  const { register, handleSubmit, control, reset, setError, formState } = form;
  const mode = useWatch({ control, name: 'mailSender.mode' });
  const vendor = deployment.vendorName;

  // A save's banner speaks of the form as it was: the next edit makes it stale, so it goes.
  const { subscribe } = form;
  useEffect(
    // A field's edit names the field; a reset after saving does not.
    () => subscribe({ formState: { values: true }, callback: ({ name }) => name !== undefined && setOutcome(null) }),
    [subscribe],
  );

  const onSubmit = submitOrReport(
    handleSubmit(
      async (input) => {
        setOutcome(null);
        try {
          const saved = await saveCard(input, userCode);
          reset(toFormValues(saved));
          onSaved(saved);
          setOutcome({ tone: 'success', text: t('card.saved') });
        } catch (error) {
          if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
            for (const [path, key] of Object.entries(error.fields))
              setError(path as Path<CardFormValues>, { message: key }, { shouldFocus: true });
            setOutcome({ tone: 'error', text: t('card.saveFailed') });
          } else {
            setOutcome({ tone: 'error', text: translateError(t, error) });
          }
        }
      },
      () => setOutcome({ tone: 'error', text: t('card.saveFailed') }),
    ),
    () => setOutcome({ tone: 'error', text: t('errors.loadFailed') }),
  );

  return (
    <FormProvider {...form}>
      <form className="panel" onSubmit={onSubmit} onFocus={warmValidation} noValidate aria-labelledby="card-title">
        <h1 id="card-title">
          {t('card.title')} <span className="muted">{card.code}</span>
        </h1>
        {outcome && <Banner tone={outcome.tone}>{outcome.text}</Banner>}
        <ProfileFields />
        <Field label={t('card.mailSender')}>
          <select {...register('mailSender.mode')}>
            {senderModes.map((value) => (
              <option key={value} value={value}>
                {t(`card.modes.${value}`, { vendor })}
              </option>
            ))}
          </select>
        </Field>
        {card.mailSender.inheritedBy !== null && (
          <GlobalUserNotice count={card.mailSender.inheritedBy} leaving={mode === 'default' || mode === 'replyTo'} vendor={vendor} />
        )}
        {mode !== 'smtp' && <SavedSmtpNote card={card} mode={mode} />}
        {mode === 'smtp' && (
          <SmtpFields
            deployment={deployment}
            saved={card.mailSender.mode === 'm365' ? null : card.mailSender.smtp}
            inherited={card.mailSender.inherited}
          />
        )}
        {mode === 'm365' && (
          // A card saved in this mode appears whole once the section's code is in; after a switch, its
          // place is held meanwhile.
          <LazyPart placeholder={card.mailSender.mode === 'm365' ? undefined : <M365Placeholder />}>
            <M365Fields userCode={userCode} onSaved={onSaved} status={m365Status} onStatus={setM365Status} />
          </LazyPart>
        )}
        {advice && (
          <AfterFirstPaint>
            <AdviceSlot render={advice} inheritsServer={inheritsServer} />
          </AfterFirstPaint>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
            {t('card.save')}
          </button>
        </div>
      </form>
      <EffectiveConfigPanel deployment={deployment} version={card} userCode={userCode} m365={m365Status} />
      <AfterFirstPaint>
        <TestMailPanel dirty={formState.isDirty} userCode={userCode} canChooseRecipient={userCode !== undefined || card.role === 'admin'} />
      </AfterFirstPaint>
    </FormProvider>
  );
}

function AdviceSlot({ render, inheritsServer }: { render: CardSlot; inheritsServer: boolean }) {
  const { control } = useFormContext<CardFormValues>();
  const [email, mode, host] = useWatch({ control, name: ['email', 'mailSender.mode', 'mailSender.smtp.host'] });
  const apply = useCardChange();
  return render({ email, mode, inheritsServer, smtpHost: mode === 'smtp' ? host : null, apply });
}

function ProfileFields() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { register } = useFormContext<CardFormValues>();
  return (
    <div className="grid grid--two">
      <Field label={t('card.name')} error={fieldError('name')}>
        <input type="text" autoComplete="name" {...register('name')} />
      </Field>
      <Field label={t('card.email')} error={fieldError('email')}>
        <input type="email" autoComplete="email" {...register('email')} />
      </Field>
    </div>
  );
}

/** Shown on the global mail user's own card: saving it changes other people's mail too (SPEC §3). */
function GlobalUserNotice({ count, leaving, vendor }: { count: number; leaving: boolean; vendor: string }) {
  const { t } = useTranslation();
  return (
    <Banner tone={leaving ? 'warning' : 'info'}>
      {t('card.globalUser', { count })}
      {leaving && <span> {t('card.globalUserLeaving', { vendor, count })}</span>}
    </Banner>
  );
}

/** The Microsoft 365 section's place while its code loads, about its height (its legend, field and status). */
function M365Placeholder() {
  const { t } = useTranslation();
  return (
    <fieldset className="section section--loading" aria-busy="true">
      <legend>{t('card.modes.m365')}</legend>
      <p className="muted">{t('app.loading')}</p>
    </fieldset>
  );
}
