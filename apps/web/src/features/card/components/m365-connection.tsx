import type { M365AuthResult, M365Status, PublicCard } from '@saatja/core';
import { useCallback, useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { disconnectM365 } from '../api/disconnect-m365';
import { getCard } from '../api/get-card';
import { getM365Status } from '../api/get-m365-status';
import { startM365 } from '../api/start-m365';
import { toFormValues, type CardFormValues } from '../card-form-values';
import { formatDateTime } from '../../../lib/format';
import { apiErrorText, m365ResultMessage, type M365Message } from './m365-messages';
import { useM365Popup } from './use-m365-popup';

interface M365ConnectionProps {
  /** Set when an admin works on another user's card. */
  userCode?: string | undefined;
  /** The callback saved the card (mode m365, User = the signed-in mailbox). */
  onCardSaved: (card: PublicCard) => void;
  /** The connection changed (loaded, authenticated, disconnected): other panels depend on it. */
  onStatus: (status: M365Status | null) => void;
}

/**
 * "Autendi Microsoft 365": the sign-in runs in a popup; on success the BFF saves the card in m365
 * mode with the signed-in mailbox, and this section reloads it. Also the status and "Disconnect".
 */
export function M365Connection({ userCode, onCardSaved, onStatus }: M365ConnectionProps) {
  const { t } = useTranslation();
  const { control, trigger, getValues, resetField } = useFormContext<CardFormValues>();
  const user = useWatch({ control, name: 'mailSender.m365.user' });
  const [status, setStatus] = useState<M365Status | null>(null);
  const [message, setMessage] = useState<M365Message | null>(null);
  /** Disconnected here and now: the one status line says so, instead of a second banner. */
  const [disconnected, setDisconnected] = useState(false);

  const show = useCallback(
    (next: M365Status | null) => {
      setStatus(next);
      onStatus(next);
    },
    [onStatus],
  );
  const refresh = useCallback(() => getM365Status(userCode).then(show, () => show(null)), [userCode, show]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const onResult = useCallback(
    async (result: M365AuthResult) => {
      // Success shows as the one status line below; only other outcomes need a message of their own.
      if (result.outcome !== 'authenticated') return setMessage(m365ResultMessage(t, result));
      try {
        const card = await getCard(userCode);
        const saved = toFormValues(card).mailSender;
        // Only these fields were saved; other unsaved edits on the card stay as they are.
        resetField('mailSender.mode', { defaultValue: saved.mode });
        resetField('mailSender.m365.user', { defaultValue: saved.m365.user });
        onCardSaved(card);
        await refresh();
      } catch (error) {
        setMessage({ tone: 'error', text: apiErrorText(t, error) });
      }
    },
    [t, userCode, resetField, onCardSaved, refresh],
  );
  const popup = useM365Popup(onResult);

  async function signIn(win: Window | null) {
    setMessage(null);
    setDisconnected(false);
    if (!(await trigger('mailSender.m365.user', { shouldFocus: true }))) {
      win?.close();
      return;
    }
    try {
      const { authorizeUrl } = await startM365({ user: getValues('mailSender.m365.user') }, userCode);
      if (!popup.navigate(win, authorizeUrl)) {
        setMessage({ tone: 'info', text: t('m365.popupBlocked') });
        window.location.assign(authorizeUrl);
      }
    } catch (error) {
      win?.close();
      setMessage({ tone: 'error', text: apiErrorText(t, error) });
    }
  }

  async function disconnect() {
    setMessage(null);
    try {
      show(await disconnectM365(userCode));
      setDisconnected(true);
    } catch (error) {
      setMessage({ tone: 'error', text: apiErrorText(t, error) });
    }
  }

  const healthy = status !== null && status.connected && !status.needsReauthentication && !status.accountMismatch;
  return (
    <div className="grid">
      <M365StatusText status={status} user={user} disconnected={disconnected} />
      {message && <Banner tone={message.tone}>{message.text}</Banner>}
      <div className="actions">
        {/* The window opens here, synchronously in the click, so no popup blocker fires. */}
        <button
          type="button"
          className={healthy ? 'button' : 'button button--primary'}
          onClick={() => void signIn(popup.open())}
          disabled={popup.waiting}
        >
          {healthy ? t('m365.authenticateAgain') : t('m365.authenticate')}
        </button>
        {status?.connected && (
          <button type="button" className="button" onClick={() => void disconnect()}>
            {t('m365.disconnect')}
          </button>
        )}
      </div>
      {popup.waiting && (
        <p className="note" role="status">
          {t('m365.waiting')}
        </p>
      )}
      <p className="note">{t('m365.smtpAuthHint')}</p>
    </div>
  );
}

function M365StatusText({ status, user, disconnected }: { status: M365Status | null; user: string; disconnected: boolean }) {
  const { t, i18n } = useTranslation();
  if (!status) return null;
  if (!status.connected) return <Banner tone="info">{t(disconnected ? 'm365.disconnected' : 'm365.notConnected')}</Banner>;
  if (status.needsReauthentication)
    return <Banner tone="warning">{t('m365.needsReauthentication', { reason: status.reauthReason ?? '–' })}</Banner>;
  if (status.accountMismatch) return <Banner tone="warning">{t('m365.accountMismatch', { account: status.account, user })}</Banner>;
  const date = status.authenticatedAt ? formatDateTime(i18n.language, status.authenticatedAt) : '';
  return <Banner tone="success">{t('m365.connected', { account: status.account, date })}</Banner>;
}
