/**
 * Runs tasks for the same key one after another (in this process). Two sends of one user must not
 * refresh with the same refresh token at once: after rotation the second would look revoked.
 */
export function createKeyedLock() {
  const tails = new Map<number, Promise<unknown>>();
  return async function withLock<T>(key: number, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
