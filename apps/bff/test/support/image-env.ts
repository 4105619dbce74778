import { readFileSync } from 'node:fs';
import path from 'node:path';

const DOCKERFILE = path.resolve(import.meta.dirname, '../../../../Dockerfile');

/** The Dockerfile's last stage, continuation lines joined. */
function lastStage(): string {
  const text = readFileSync(DOCKERFILE, 'utf8').replace(/\\\n/g, ' ');
  return text.slice(text.lastIndexOf('\nFROM '));
}

/**
 * The environment the container image sets (the ENV instructions of the Dockerfile's last stage),
 * so tests and the bench run the bundle as the image does; the Dockerfile stays the one place.
 */
export function imageEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of lastStage()
    .split('\n')
    .filter((l) => l.startsWith('ENV '))) {
    for (const [, name, quoted, bare] of line.slice(4).matchAll(/([A-Z_][A-Z0-9_]*)=(?:"([^"]*)"|(\S*))/g))
      env[name!] = quoted ?? bare ?? '';
  }
  return env;
}

/** The options the image gives node before the server's script (its exec-form CMD: node <options> dist/server.js). */
export function imageNodeOptions(): string[] {
  const line = lastStage()
    .split('\n')
    .find((l) => l.startsWith('CMD ['));
  if (line === undefined) throw new Error('the Dockerfile has no exec-form CMD');
  const command = JSON.parse(line.slice(4)) as string[];
  if (command[0] !== 'node' || command.at(-1) !== 'dist/server.js') throw new Error(`unexpected image command: ${line}`);
  return command.slice(1, -1);
}
