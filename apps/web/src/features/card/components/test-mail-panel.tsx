import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { ApiError } from '../../../lib/api-client';
import { translateError } from '../../../lib/translate-error';
import { sendTestMail } from '../api/send-test-mail';

type Result = { tone: 'success' | 'error'; text: string; reply?: string | undefined } | null;

/** "Send test mail": through the effective configuration of the card as saved (SPEC §5). */
export function TestMailPanel({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<Result>(null);

  const send = async () => {
    setSending(true);
    setResult(null);
    try {
      const sent = await sendTestMail();
      setResult({ tone: 'success', text: t('testMail.sent', { to: sent.to }), reply: sent.response });
    } catch (error) {
      const smtp = error instanceof ApiError ? (error.body.smtp as { response?: string | null } | undefined) : undefined;
      const text = error instanceof ApiError && error.code === 'sendFailed' ? t('testMail.failed') : translateError(t, error);
      setResult({ tone: 'error', text, reply: smtp?.response ?? undefined });
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="test-mail-title">
      <h2 id="test-mail-title">{t('testMail.title')}</h2>
      {dirty && <p className="note">{t('testMail.saveFirst')}</p>}
      <button type="button" className="button" onClick={() => void send()} disabled={sending || dirty}>
        {sending ? t('testMail.sending') : t('testMail.send')}
      </button>
      {result && (
        <Banner tone={result.tone}>
          {result.text}
          {result.reply && <span className="banner__detail">{t('testMail.serverReply', { reply: result.reply })}</span>}
        </Banner>
      )}
    </section>
  );
}
