import type { ReceivedMail } from './types';

/** Caps memory for a long-running dev catcher; tests of big batches ask for more. */
const DEFAULT_KEPT_MAILS = 500;
const DEFAULT_WAIT_MS = 10_000;

interface Waiter {
  predicate: (mail: ReceivedMail) => boolean;
  resolve: (mail: ReceivedMail) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface Mailbox {
  add(mail: ReceivedMail): void;
  list(): readonly ReceivedMail[];
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs: number | undefined, where: string): Promise<ReceivedMail>;
  clear(): void;
  /** Rejects every pending waiter, so a test that forgot a mail fails instead of hanging. */
  close(reason: string): void;
}

export function createMailbox(maxKept = DEFAULT_KEPT_MAILS): Mailbox {
  let mails: ReceivedMail[] = [];
  const waiters = new Set<Waiter>();

  function settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    waiters.delete(waiter);
  }

  return {
    add(mail) {
      mails.push(mail);
      if (mails.length > maxKept) mails = mails.slice(-maxKept);
      for (const waiter of [...waiters]) {
        if (!waiter.predicate(mail)) continue;
        settle(waiter);
        waiter.resolve(mail);
      }
    },
    list: () => [...mails],
    waitFor(predicate, timeoutMs = DEFAULT_WAIT_MS, where) {
      const already = mails.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve,
          reject,
          timer: setTimeout(() => {
            settle(waiter);
            reject(new Error(`No matching mail arrived at ${where} within ${timeoutMs} ms (${mails.length} other mail(s) received)`));
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },
    clear() {
      mails = [];
    },
    close(reason) {
      for (const waiter of [...waiters]) {
        settle(waiter);
        waiter.reject(new Error(`Stopped waiting for mail: ${reason}`));
      }
    },
  };
}
