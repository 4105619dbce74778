import { readFileSync } from 'node:fs';
import path from 'node:path';

const DOCKERFILE = path.resolve(import.meta.dirname, '../../../../Dockerfile');

/**
 * The environment the container image sets (the ENV instructions of the Dockerfile's last stage),
 * so tests and the bench run the bundle as the image does; the Dockerfile stays the one place.
 */
export function imageEnv(): Record<string, string> {
  const text = readFileSync(DOCKERFILE, 'utf8').replace(/\\\n/g, ' ');
  const lastStage = text.slice(text.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const line of lastStage.split('\n').filter((l) => l.startsWith('ENV '))) {
    for (const [, name, quoted, bare] of line.slice(4).matchAll(/([A-Z_][A-Z0-9_]*)=(?:"([^"]*)"|(\S*))/g))
      env[name!] = quoted ?? bare ?? '';
  }
  return env;
}
