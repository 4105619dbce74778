import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { entryAssets, run } from './bundle';

export interface Contribution {
  /** An npm package, or a workspace folder such as "packages/core". */
  name: string;
  /** bytes of minified output */
  raw: number;
  /** bytes, this package's output gzipped alone (a little more than its share of the whole). */
  gzip: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decode one source-map segment (base64 VLQ) into its relative fields. */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return fields;
}

/** "…/node_modules/.pnpm/x@1/node_modules/@scope/name/…" → "@scope/name"; our own code by folder. */
export function ownerOf(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at >= 0) {
    const [first, second] = source.slice(at + 'node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? source);
  }
  const own = /(apps\/[^/]+|packages\/[^/]+)\//.exec(source);
  return own ? own[1]! : source;
}

/** Attribute every byte of a chunk to the package of the source that produced it. */
function attribute(code: string, map: { sources: string[]; mappings: string }): Map<string, string[]> {
  const pieces = new Map<string, string[]>();
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((mapped, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    const segments = mapped ? mapped.split(',').map(decodeSegment) : [];
    let column = 0;
    const starts = segments.map((fields) => {
      column += fields[0] ?? 0;
      if (fields.length >= 4) source += fields[1]!;
      return { column, owner: fields.length >= 4 ? ownerOf(map.sources[source] ?? '?') : '(unmapped)' };
    });
    starts.forEach(({ column: start, owner }, i) => {
      const list = pieces.get(owner) ?? [];
      list.push(line.slice(start, starts[i + 1]?.column ?? line.length));
      pieces.set(owner, list);
    });
  });
  return pieces;
}

/**
 * Where the entry's bytes come from: build once more with source maps into a temporary folder
 * (never touching apps/web/dist), then sum the output per package, biggest first.
 */
export function analyseBundle(root: string): Contribution[] {
  const outDir = mkdtempSync(path.join(tmpdir(), 'saatja-bench-web-'));
  try {
    run(
      'bash',
      [
        path.join(root, 'scripts/pnpm.sh'),
        '--filter',
        '@saatja/web',
        'exec',
        'vite',
        'build',
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--sourcemap',
      ],
      root,
    );
    const totals = new Map<string, string[]>();
    for (const asset of entryAssets(outDir).filter(({ kind }) => kind === 'js')) {
      const code = readFileSync(path.join(outDir, asset.file), 'utf8');
      const mapFile = path.join(outDir, `${asset.file}.map`);
      // The bundler's own runtime chunk has no source map; it is the bundler's, count it so.
      if (!existsSync(mapFile)) {
        totals.set('(bundler runtime)', (totals.get('(bundler runtime)') ?? []).concat(code));
        continue;
      }
      const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
      for (const [owner, pieces] of attribute(code, map)) totals.set(owner, (totals.get(owner) ?? []).concat(pieces));
    }
    return [...totals]
      .map(([name, pieces]) => {
        const text = pieces.join('');
        return { name, raw: Buffer.byteLength(text), gzip: gzipSync(text).length };
      })
      .sort((a, b) => b.raw - a.raw);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
