import type { UserMailOverview } from '@saatja/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { translateError } from '../../../lib/translate-error';
import { getUsers } from '../api/get-users';
import { CreateUserForm } from './create-user-form';
import { EffectiveSummary } from './effective-summary';
import { ResetPasswordButton } from './reset-password-button';

/** Every user's chosen mode and effective configuration, with who inherits and who overrides. */
export function UsersPage({ navigate, vendor }: { navigate: (path: string) => void; vendor: string }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserMailOverview[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    getUsers().then(setUsers, setError);
  }, []);
  useEffect(load, [load]);

  return (
    <main className="page page--wide">
      <section className="panel" aria-labelledby="users-title">
        <h1 id="users-title">{t('admin.usersTitle')}</h1>
        {error ? <Banner tone="error">{translateError(t, error)}</Banner> : null}
        {!users && !error && <p aria-busy="true">{t('app.loading')}</p>}
        {users && (
          <div className="table-scroll">
            <table className="table" role="table">
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">{t('admin.code')}</th>
                  <th scope="col" role="columnheader">{t('admin.name')}</th>
                  <th scope="col" role="columnheader">{t('admin.mode')}</th>
                  <th scope="col" role="columnheader">{t('admin.effective')}</th>
                  <th scope="col" role="columnheader">
                    <span className="visually-hidden">{t('admin.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {users.map((user) => (
                  <tr key={user.code} role="row">
                    <td role="cell" data-label={t('admin.code')}>{user.code}</td>
                    <td role="cell" data-label={t('admin.name')}>{user.name}</td>
                    <td role="cell" data-label={t('admin.mode')}>{t(`card.modes.${user.mode}`, { vendor })}</td>
                    <td role="cell" data-label={t('admin.effective')}>
                      <EffectiveSummary effective={user.effective} vendor={vendor} />
                    </td>
                    <td role="cell">
                      <a
                        href={`/admin/users/${user.code}`}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(`/admin/users/${user.code}`);
                        }}
                      >
                        {t('admin.openCard', { code: user.code })}
                      </a>
                      <ResetPasswordButton code={user.code} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CreateUserForm onCreated={load} />
      </section>
    </main>
  );
}
