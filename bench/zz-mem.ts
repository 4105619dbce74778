import { createRequire } from 'node:module';
const req = createRequire(new URL('../apps/bff/package.json', import.meta.url));
const gc = (globalThis as { gc?: () => void }).gc!;
const snap = () => { gc(); const m = process.memoryUsage(); return { rss: m.rss / 1e6, heap: m.heapUsed / 1e6 }; };
let last = snap();
console.log('start', last.rss.toFixed(1), last.heap.toFixed(1));
for (const name of (process.argv[2] ?? '').split(',')) {
  await import(req.resolve(name).startsWith('/') ? 'file://' + req.resolve(name) : name).catch(() => req(name));
  const now = snap();
  console.log(name.padEnd(22), '+rss', (now.rss - last.rss).toFixed(1).padStart(6), '+heap', (now.heap - last.heap).toFixed(1).padStart(6));
  last = now;
}
