/**
 * Runs tasks one at a time per key, in arrival order. A limit checked before an await and counted
 * after it lets parallel requests all pass the check; run in series, each sees the ones before it.
 */
export function createKeyedSerial() {
  const tails = new Map<string, Promise<unknown>>();
  return async function inSeries<T>(key: string, task: () => Promise<T>): Promise<T> {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
