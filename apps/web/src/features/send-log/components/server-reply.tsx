import { useTranslation } from 'react-i18next';

/** Replies longer than this are shortened in the table, chars. */
const SHORT_REPLY_CHARS = 60;

/** The server's reply: short ones whole, long ones cut with the full text a click away. */
export function ServerReply({ text }: { text: string }) {
  const { t } = useTranslation();
  if (text.length <= SHORT_REPLY_CHARS) return <code>{text}</code>;
  return (
    <details className="server-reply">
      <summary>
        <code>{text.slice(0, SHORT_REPLY_CHARS).trimEnd()}…</code> <span className="server-reply__more">{t('sendLog.fullReply')}</span>
      </summary>
      <code>{text}</code>
    </details>
  );
}
