import { randomBytes } from 'node:crypto';

/** In-memory entries under random ids that nobody can guess; an expired entry reads as absent. */
export interface ExpiringStore<T> {
  add(value: T): string;
  get(id: string): T | undefined;
  delete(id: string): void;
}

/** `lifetimeMs`: how long an entry stays readable after add. */
export function createExpiringStore<T>(lifetimeMs: number): ExpiringStore<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();

  // Sweeping on add, not on a timer, keeps close() simple and memory bounded by recent traffic.
  function sweep(now: number): void {
    for (const [id, entry] of entries) if (entry.expiresAt <= now) entries.delete(id);
  }

  return {
    add(value) {
      const now = Date.now();
      sweep(now);
      const id = randomBytes(32).toString('base64url');
      entries.set(id, { value, expiresAt: now + lifetimeMs });
      return id;
    },
    get(id) {
      const entry = entries.get(id);
      if (entry === undefined || entry.expiresAt <= Date.now()) return undefined;
      return entry.value;
    },
    delete(id) {
      entries.delete(id);
    },
  };
}
