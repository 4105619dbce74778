/**
 * Runs tasks one at a time per key, in arrival order (in this process). A limit checked before an
 * await and counted after it lets parallel requests all pass the check; two refreshes with one
 * refresh token make the second look revoked. Run in series, each sees what the one before did.
 */
export function createKeyedSerial() {
  const tails = new Map<string | number, Promise<unknown>>();
  return async function inSeries<T>(key: string | number, task: () => Promise<T>): Promise<T> {
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
