/** A fixed-window counter per key, in memory (one BFF instance's view; enough for abuse brakes). */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string, at: number) => {
    const window = windows.get(key);
    return window && at - window.start < options.windowMs ? window : null;
  };
  return {
    /** Count one attempt; false when the key is over its limit in the current window. */
    take(key: string): boolean {
      const at = now();
      const window = current(key, at);
      if (!window) {
        if (windows.size > 10_000) windows.clear();
        windows.set(key, { start: at, count: 1 });
        return true;
      }
      window.count += 1;
      return window.count <= options.limit;
    },
    /** Whether the key has used up its limit in the current window, without counting an attempt. */
    blocked(key: string): boolean {
      return (current(key, now())?.count ?? 0) >= options.limit;
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
