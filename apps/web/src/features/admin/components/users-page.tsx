import { isAtRisk, type UserDeliverability, type UserMailOverview } from '@saatja/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { translateError } from '../../../lib/translate-error';
import { getUsers } from '../api/get-users';
import { getUsersDeliverability } from '../api/get-users-deliverability';
import { DeliverabilityCell } from './deliverability-cell';
import { CreateUserForm } from './create-user-form';
import { EffectiveSummary } from './effective-summary';
import { ResetPasswordButton } from './reset-password-button';

/** Every user's chosen mode and effective configuration, with who inherits and who overrides. */
export function UsersPage({ navigate, vendor }: { navigate: (path: string) => void; vendor: string }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserMailOverview[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The verdicts need DNS lookups: they arrive after the list, which never waits for them.
  const [verdicts, setVerdicts] = useState<Map<string, UserDeliverability> | null>(null);
  const [atRiskOnly, setAtRiskOnly] = useState(false);
  const load = useCallback(() => {
    getUsers().then(setUsers, setError);
    getUsersDeliverability().then(
      (rows) => setVerdicts(new Map(rows.map((row) => [row.code, row]))),
      () => setVerdicts(new Map()),
    );
  }, []);
  useEffect(load, [load]);
  const atRisk = (code: string) => isAtRisk(verdicts?.get(code)?.advice?.severity ?? 'ok');
  const shown = users?.filter((user) => !atRiskOnly || atRisk(user.code));

  return (
    <main className="page page--wide">
      <section className="panel" aria-labelledby="users-title">
        <h1 id="users-title">{t('admin.usersTitle')}</h1>
        {error ? <Banner tone="error">{translateError(t, error)}</Banner> : null}
        {!users && !error && <p aria-busy="true">{t('app.loading')}</p>}
        {users && (
          <label className="checkbox">
            <input type="checkbox" checked={atRiskOnly} disabled={!verdicts} onChange={(event) => setAtRiskOnly(event.target.checked)} />
            {t('admin.atRiskOnly', { count: users.filter((user) => atRisk(user.code)).length })}
          </label>
        )}
        {shown && (
          <div className="table-scroll">
            <table className="table" role="table">
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    {t('admin.code')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('admin.name')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('admin.mode')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('admin.effective')}
                  </th>
                  <th scope="col" role="columnheader">
                    {t('admin.deliverability')}
                  </th>
                  <th scope="col" role="columnheader">
                    <span className="visually-hidden">{t('admin.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {shown.map((user) => (
                  <tr key={user.code} role="row">
                    <td role="cell" data-label={t('admin.code')}>
                      {user.code}
                    </td>
                    <td role="cell" data-label={t('admin.name')}>
                      {user.name}
                    </td>
                    <td role="cell" data-label={t('admin.mode')}>
                      {t(`card.modes.${user.mode}`, { vendor })}
                    </td>
                    <td role="cell" data-label={t('admin.effective')}>
                      <EffectiveSummary effective={user.effective} vendor={vendor} />
                    </td>
                    <td role="cell" data-label={t('admin.deliverability')}>
                      <DeliverabilityCell verdict={verdicts?.get(user.code)} loading={!verdicts} />
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
