import { zodResolver } from '@hookform/resolvers/zod';
import { createUserInputSchema, type CreateUserInput } from '@saatja/core';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { translateError } from '../../../lib/translate-error';
import { createUser } from '../api/manage-users';

const empty: CreateUserInput = { code: '', name: '', email: '', role: 'user', password: '' };

export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, reset, setError, formState } = useForm<CreateUserInput>({
    resolver: zodResolver(createUserInputSchema),
    defaultValues: empty,
  });
  const error = (key: string | undefined) => (key ? t(`errors.${key}`) : undefined);

  const onSubmit = handleSubmit(async (input) => {
    setOutcome(null);
    try {
      await createUser(input);
      reset(empty);
      setOutcome({ tone: 'success', text: t('admin.userCreated', { code: input.code }) });
      onCreated();
    } catch (failure) {
      if (failure instanceof ApiError) {
        for (const [path, key] of Object.entries(failure.fields))
          setError(path as Path<CreateUserInput>, { message: key }, { shouldFocus: true });
      }
      setOutcome({ tone: 'error', text: translateError(t, failure) });
    }
  });

  return (
    <form className="section" onSubmit={onSubmit} noValidate aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('admin.createUser')}</h2>
      {outcome && <Banner tone={outcome.tone}>{outcome.text}</Banner>}
      <div className="grid grid--two">
        <Field label={t('admin.code')} error={error(formState.errors.code?.message)}>
          <input type="text" autoComplete="off" {...register('code')} />
        </Field>
        <Field label={t('admin.name')} error={error(formState.errors.name?.message)}>
          <input type="text" autoComplete="off" {...register('name')} />
        </Field>
        <Field label={t('card.email')} error={error(formState.errors.email?.message)}>
          <input type="email" autoComplete="off" {...register('email')} />
        </Field>
        <Field label={t('admin.role')}>
          <select {...register('role')}>
            <option value="user">{t('admin.roles.user')}</option>
            <option value="admin">{t('admin.roles.admin')}</option>
          </select>
        </Field>
        <Field label={t('admin.initialPassword')} error={error(formState.errors.password?.message)}>
          <input type="password" autoComplete="new-password" {...register('password')} />
        </Field>
      </div>
      <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
        {t('admin.createUserSubmit')}
      </button>
    </form>
  );
}
