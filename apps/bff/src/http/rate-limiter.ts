/** A fixed-window counter per key, in memory (one BFF instance's view; enough for abuse brakes). */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Count one attempt; false when the key is over its limit in the current window. */
    take(key: string): boolean {
      const at = now();
      const window = windows.get(key);
      if (!window || at - window.start >= options.windowMs) {
        if (windows.size > 10_000) windows.clear();
        windows.set(key, { start: at, count: 1 });
        return true;
      }
      window.count += 1;
      return window.count <= options.limit;
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
