import { createRequire } from 'node:module';
import tls from 'node:tls';
const requireFromBff = createRequire(new URL('../apps/bff/package.json', import.meta.url));
const what = (process.env.WHATIF ?? '').split(',');
if (what.includes('sqlite')) {
  const Database = requireFromBff('better-sqlite3') as { prototype: Record<string, (...a: unknown[]) => unknown> };
  const pragma = Database.prototype.pragma!;
  Database.prototype.pragma = function (this: unknown, src: unknown, o: unknown) { const r = pragma.call(this, src, o); if (String(src).startsWith('journal_mode')) pragma.call(this, 'synchronous = NORMAL'); return r; };
}
if (what.includes('stmt')) {
  const Database = requireFromBff('better-sqlite3') as { prototype: Record<string, (...a: unknown[]) => unknown> };
  const prepare = Database.prototype.prepare!;
  const caches = new WeakMap<object, Map<string, unknown>>();
  Database.prototype.prepare = function (this: object, sql: unknown) { let c = caches.get(this); if (!c) caches.set(this, (c = new Map())); if (!c.has(String(sql))) c.set(String(sql), prepare.call(this, sql)); return c.get(String(sql)); };
}
if (what.includes('tls')) {
  const create = tls.createSecureContext;
  const cache = new Map<string, tls.SecureContext>();
  (tls as { createSecureContext: typeof create }).createSecureContext = (o) => {
    const ca = o?.ca; if (!Array.isArray(ca) || ca.length < 100) return create(o);
    const key = `${ca.length}:${String(ca.at(-1))}`; if (!cache.has(key)) cache.set(key, create(o)); return cache.get(key)!;
  };
}
await import('./bff-process');
