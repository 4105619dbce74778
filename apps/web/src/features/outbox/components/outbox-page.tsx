import type { PublicBatch, PublicOutboxMessage, PublicOutboxMessageDetail } from '@saatja/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../../components/ui/banner';
import { translateError } from '../../../lib/translate-error';
import { batchAction } from '../api/batch-action';
import { getBatches } from '../api/get-batches';
import { getMessage } from '../api/get-message';
import { getMessages } from '../api/get-messages';
import { messageAction } from '../api/message-action';
import { BatchList } from './batch-list';
import { MessageDetail } from './message-detail';
import { MessageTable } from './message-table';

/** While mail is on its way, the page looks again this often, ms. */
const REFRESH_MS = 2_000;

interface State {
  messages: PublicOutboxMessage[];
  next: number | null;
  batches: PublicBatch[];
  error: unknown;
  loading: boolean;
}

/** The Outbox (SPEC §10): the ERP's mail to and from this user's configuration; admins see everyone's. */
export function OutboxPage({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ messages: [], next: null, batches: [], error: null, loading: true });
  const [batch, setBatch] = useState<PublicBatch | null>(null);
  const [detail, setDetail] = useState<PublicOutboxMessageDetail | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [page, batches] = await Promise.all([getMessages(batch ? { batch: batch.id } : {}), getBatches()]);
      setState({ messages: page.messages, next: page.next, batches, error: null, loading: false });
    } catch (error) {
      setState((current) => ({ ...current, error, loading: false }));
    }
  }, [batch]);

  const moving =
    state.messages.some((m) => m.status === 'queued' || m.status === 'sending') ||
    state.batches.some((b) => b.counts.queued + b.counts.sending > 0);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [moving, load]);

  async function act(task: () => Promise<unknown>) {
    setBusy(true);
    try {
      await task();
      await load();
    } catch (error) {
      setState((current) => ({ ...current, error }));
    } finally {
      setBusy(false);
    }
  }

  async function more() {
    if (state.next === null) return;
    const page = await getMessages({ before: state.next, ...(batch ? { batch: batch.id } : {}) });
    setState((current) => ({ ...current, messages: [...current.messages, ...page.messages], next: page.next }));
  }

  const show = (message: PublicOutboxMessage) => void act(async () => setDetail(await getMessage(message.id)));

  return (
    <main className="page page--wide">
      <section className="panel" aria-labelledby="outbox-title" aria-busy={state.loading}>
        <h1 id="outbox-title">{t('outbox.title')}</h1>
        <p className="note">{t('outbox.intro')}</p>
        {isAdmin && <p className="note">{t('outbox.adminNote')}</p>}
        {state.error !== null && <Banner tone="error">{translateError(t, state.error)}</Banner>}
        {state.batches.length > 0 && (
          <>
            <h2>{t('outbox.batchesTitle')}</h2>
            <BatchList
              batches={state.batches}
              busy={busy}
              onAction={(b, action) => void act(() => batchAction(b.id, action))}
              onShow={setBatch}
            />
          </>
        )}
        <h2>{batch ? t('outbox.batchMessages', { name: batch.name ?? t('outbox.batchUnnamed') }) : t('outbox.messagesTitle')}</h2>
        <div className="actions">
          <button type="button" className="button" onClick={() => void load()}>
            {t('outbox.refresh')}
          </button>
          {batch && (
            <button type="button" className="button button--quiet" onClick={() => setBatch(null)}>
              {t('outbox.allMessages')}
            </button>
          )}
        </div>
        {detail && <MessageDetail message={detail} onClose={() => setDetail(null)} />}
        {state.loading && state.messages.length === 0 && <p>{t('outbox.loading')}</p>}
        {!state.loading && state.error === null && state.messages.length === 0 && <p>{t('outbox.empty')}</p>}
        {state.messages.length > 0 && (
          <MessageTable
            messages={state.messages}
            showUser={isAdmin}
            busy={busy}
            onShow={show}
            onAction={(m, action) => void act(() => messageAction(m.id, action))}
          />
        )}
        {state.next !== null && (
          <button type="button" className="button" onClick={() => void more()}>
            {t('outbox.more')}
          </button>
        )}
      </section>
    </main>
  );
}
