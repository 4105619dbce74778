import type { CreatedApiToken, CreateTokenInput } from '@saatja/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { translateError } from '../../../lib/translate-error';
import { createToken } from '../api/api-tokens';

/** Name and scope of a new token; the server checks both (the same schema) and names the bad field. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopeKind, setScopeKind] = useState<'any' | 'users'>('users');
  const [users, setUsers] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const fieldError = (prefix: string) => {
    const key = Object.entries(fields).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
    return key ? t(`errors.${key}`) : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const codes = users.split(/[\s,]+/).filter(Boolean);
    const input: CreateTokenInput = { name, scope: scopeKind === 'any' ? { kind: 'any' } : { kind: 'users', users: codes } };
    try {
      onCreated(await createToken(input));
      setName('');
      setUsers('');
      setFields({});
    } catch (failure) {
      setFields(failure instanceof ApiError ? failure.fields : {});
      setError(translateError(t, failure));
    }
  }

  return (
    <form className="section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-token-title">
      <h2 id="create-token-title">{t('tokens.create')}</h2>
      {error && <p className="field__error">{error}</p>}
      <Field label={t('tokens.name')} error={fieldError('name')}>
        <input type="text" autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />
      </Field>
      <fieldset className="section">
        <legend>{t('tokens.scope')}</legend>
        <label>
          <input type="radio" name="scope" checked={scopeKind === 'users'} onChange={() => setScopeKind('users')} />{' '}
          {t('tokens.scopeListed')}
        </label>
        <label>
          <input type="radio" name="scope" checked={scopeKind === 'any'} onChange={() => setScopeKind('any')} /> {t('tokens.scopeAnyUser')}
        </label>
      </fieldset>
      {scopeKind === 'users' && (
        <Field label={t('tokens.users')} hint={t('tokens.usersHint')} error={fieldError('scope.users')}>
          <input type="text" autoComplete="off" value={users} onChange={(event) => setUsers(event.target.value)} />
        </Field>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('tokens.createButton')}
        </button>
      </div>
    </form>
  );
}
