import { readFileSync, readdirSync } from 'node:fs';
import { ownerOf } from './bundle-analysis';
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; hitCount?: number }
const dir = process.argv[2]!;
for (const f of readdirSync(dir)) {
  const p = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
  const self = new Map<number, number>();
  let ts = p.startTime; const from = p.endTime - Number(process.argv[3] ?? 5.5) * 1e6;
  p.samples.forEach((id, i) => { ts += p.timeDeltas[i] ?? 0; if (ts >= from && ts <= p.endTime - 0.3e6) self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)); });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>(); const byPkg = new Map<string, number>();
  for (const n of p.nodes) {
    const t = self.get(n.id) ?? 0; if (!t) continue;
    const url = n.callFrame.url.replace('file:///work/main/', '');
    const fn = `${n.callFrame.functionName || '(anon)'} ${url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + t);
    const pkg = url ? (url.startsWith('node:') ? url : ownerOf(url) + (url.includes('node_modules') ? '' : '/' + url.split('/').slice(-2).join('/'))) : n.callFrame.functionName;
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
  }
  console.log(`== ${f}: ${(total / 1e6).toFixed(1)} s sampled`);
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).forEach(([n, t]) => console.log(`  ${(100 * t / total).toFixed(1).padStart(5)}%  ${n}`));
  console.log(' by package'); top(byPkg, 25); console.log(' by function'); top(byFn, 25);
}
