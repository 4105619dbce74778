import type { ICachePlugin } from '@azure/msal-node';

/** Where one user's serialized MSAL token cache lives. */
export interface CacheStore {
  load(): Promise<string | null>;
  save(serialized: string): Promise<void>;
}

/**
 * msal reads the cache before and writes it after every token operation; only changes are saved,
 * so a silent token from the cache writes nothing, and a refresh persists the rotated refresh token.
 */
export function tokenCachePlugin(store: CacheStore): ICachePlugin {
  return {
    async beforeCacheAccess(context) {
      const stored = await store.load();
      if (stored !== null) context.tokenCache.deserialize(stored);
    },
    async afterCacheAccess(context) {
      if (context.cacheHasChanged) await store.save(context.tokenCache.serialize());
    },
  };
}

/** A cache held back in memory: the sign-in's tokens are kept only once the account checks out. */
export function memoryCacheStore(): CacheStore & { readonly value: string | null } {
  let value: string | null = null;
  return {
    get value() {
      return value;
    },
    load: async () => value,
    save: async (serialized) => {
      value = serialized;
    },
  };
}
