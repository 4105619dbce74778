import type { Me, SignInInput } from '@saatja/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { Field } from '../../../components/ui/field';
import { lazyResolver, submitOrReport, warmValidation } from '../../../lib/lazy-validation';
import { translateError } from '../../../lib/translate-error';
import { signIn } from '../api/sign-in';

export function SignInPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SignInInput>({
    resolver: useState(() => lazyResolver<SignInInput, SignInInput>(({ zodResolver, signInSchema }) => zodResolver(signInSchema)))[0],
    defaultValues: { code: '', password: '' },
  });
  const fieldError = (key: string | undefined) => (key ? t(`errors.${key}`) : undefined);

  const onSubmit = submitOrReport(
    handleSubmit(async (input) => {
      setFailure(null);
      try {
        onSignedIn(await signIn(input));
      } catch (error) {
        setFailure(translateError(t, error));
      }
    }),
    () => setFailure(t('errors.loadFailed')),
  );

  return (
    <main className="page page--narrow">
      <form className="panel" onSubmit={onSubmit} onFocus={warmValidation} noValidate>
        <h1>{t('signIn.title')}</h1>
        {failure && <Banner tone="error">{failure}</Banner>}
        <Field label={t('signIn.code')} error={fieldError(formState.errors.code?.message)}>
          <input type="text" autoComplete="username" autoCapitalize="characters" {...register('code')} />
        </Field>
        <Field label={t('signIn.password')} error={fieldError(formState.errors.password?.message)}>
          <input type="password" autoComplete="current-password" {...register('password')} />
        </Field>
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
