import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const WEB_DIST = path.resolve(import.meta.dirname, '../apps/web/dist');

export interface Asset {
  /** Path under dist, e.g. "assets/index-abc.js". */
  file: string;
  kind: 'js' | 'css';
  /** bytes */
  raw: number;
  /** bytes, zlib's default level: the figure Vite's own build report shows. */
  gzip: number;
}

/** Run a command, keep its output quiet unless it fails. */
export function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The production bundle, by the container image's script; it builds apps/web/dist on the way. */
export function buildProduction(root: string, out: string): void {
  run('bash', [path.join(root, 'scripts/build-production.sh'), out], root);
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
/** Static imports in a minified ES chunk: `import{a as b}from"./x.js"` and `import"./x.js"`. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+\.js)["']/g;

/**
 * The JS and CSS a first visit loads before any lazy chunk: index.html's module script, its
 * modulepreloads and stylesheets, and every chunk those import statically.
 */
export function entryAssets(dist: string = WEB_DIST): Asset[] {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = new Set<string>();
  const queue: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModule = tag.startsWith('<script') && attribute(tag, 'type') === 'module';
    const rel = attribute(tag, 'rel');
    const href = isModule ? attribute(tag, 'src') : rel === 'stylesheet' || rel === 'modulepreload' ? attribute(tag, 'href') : undefined;
    if (href?.startsWith('/')) queue.push(href.slice(1));
  }
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const [, relative] of code.matchAll(STATIC_IMPORT)) queue.push(path.posix.join(path.posix.dirname(file), relative!));
  }
  return [...files].map((file) => {
    const content = readFileSync(path.join(dist, file));
    return { file, kind: file.endsWith('.css') ? 'css' : 'js', raw: content.length, gzip: gzipSync(content).length };
  });
}
