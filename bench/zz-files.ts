import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const dir = '/tmp/bw/assets';
const js = readdirSync(dir).find((f) => f.endsWith('.js'))!;
const code = readFileSync(`${dir}/${js}`, 'utf8');
const map = JSON.parse(readFileSync(`${dir}/${js}.map`, 'utf8')) as { sources: string[]; mappings: string };
const B = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const dec = (s: string) => { const f: number[] = []; let v = 0, sh = 0; for (const c of s) { const d = B.indexOf(c); v += (d & 31) << sh; if (d & 32) { sh += 5; continue; } f.push(v & 1 ? -(v >>> 1) : v >>> 1); v = 0; sh = 0; } return f; };
const per = new Map<string, string[]>(); const lines = code.split('\n'); let src = 0;
map.mappings.split(';').forEach((m, li) => { const line = lines[li] ?? ''; let col = 0; const segs = (m ? m.split(',') : []).map(dec).map((f) => { col += f[0]!; if (f.length >= 4) src += f[1]!; return { col, s: f.length >= 4 ? map.sources[src]! : '?' }; });
  segs.forEach((g, i) => { const l = per.get(g.s) ?? []; l.push(line.slice(g.col, segs[i + 1]?.col ?? line.length)); per.set(g.s, l); }); });
const group = (s: string) => { const p = process.argv[2]!; const i = s.indexOf(p); if (i < 0) return null; return s.slice(i + p.length).split('/').slice(0, Number(process.argv[3] ?? 1)).join('/'); };
const g = new Map<string, string>();
for (const [s, l] of per) { const k = group(s); if (k === null) continue; g.set(k, (g.get(k) ?? '') + l.join('')); }
for (const [k, t] of [...g].sort((a, b) => b[1].length - a[1].length).slice(0, 14)) console.log(String(t.length).padStart(7), String(gzipSync(t).length).padStart(6), k);
