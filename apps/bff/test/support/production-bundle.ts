import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageNodeOptions } from './image-env';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** ms the built server gets to start; the machine may be busy with other tests. */
const START_TIMEOUT_MS = 30_000;

/**
 * The production bundle, built by the same script as the container image. `npm test` builds it
 * once before the tests and names it in SAATJA_PRODUCTION_BUNDLE; on its own a test builds it here.
 */
export function productionBundle(): string {
  if (process.env.SAATJA_PRODUCTION_BUNDLE) return process.env.SAATJA_PRODUCTION_BUNDLE;
  const parent = mkdtempSync(path.join(tmpdir(), 'saatja-bundle-'));
  // Run as root, the embedded PostgreSQL starts its binaries as the `postgres` user: it must reach them.
  chmodSync(parent, 0o755);
  const out = path.join(parent, 'production');
  execFileSync('bash', [path.join(ROOT, 'scripts/build-production.sh'), out], { stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

/** Only what a container would have: no inherited SAATJA_* settings, no tsx loader. */
const baseEnv = (settings: Record<string, string>) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...settings });

export interface RunningProduction {
  url: string;
  child: ChildProcess;
  /** The server's log lines (pino JSON), parsed. */
  logs: Record<string, unknown>[];
  /** Resolves once a log line matches. */
  waitForLog(msg: string): Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * `node <the image's options> dist/server.js` in the bundle folder, as the image runs it (or another of its commands, e.g.
 * `dist/cli.js inbound`); resolves once it logs `readyMsg`, with that log line's `url`.
 */
export async function startProduction(
  bundle: string,
  settings: Record<string, string>,
  command: { args: string[]; readyMsg: string } = { args: [...imageNodeOptions(), 'dist/server.js'], readyMsg: 'Saatja is running' },
): Promise<RunningProduction & { ready: Record<string, unknown> }> {
  // A process group of its own, as a terminal's foreground job: a test can press Ctrl+C (signal the group).
  const child = spawn(process.execPath, command.args, {
    cwd: bundle,
    env: baseEnv(settings),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const logs: Record<string, unknown>[] = [];
  const waiters: { msg: string; resolve(): void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      for (const waiter of waiters.filter((w) => w.msg === entry.msg)) waiter.resolve();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForLog = (msg: string) =>
    logs.some((entry) => entry.msg === msg) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ msg, resolve }));
  const running = await Promise.race([
    waitForLog(command.readyMsg).then(() => logs.find((entry) => entry.msg === command.readyMsg)!),
    exited.then((code) => Promise.reject(new Error(`the server exited with ${code}: ${stderr}`))),
    new Promise<never>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`the server did not start in ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS),
    ),
  ]);
  return { url: running.url as string, ready: running, child, logs, waitForLog, exited };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `dist/cli.js <args>` in the bundle folder, with `stdin` written to it. */
export function runCli(bundle: string, args: string[], settings: Record<string, string>, stdin = ''): Promise<CliRun> {
  // Run as the image's `saatja` command is: the file itself, by its #! line.
  const child = spawn(path.join(bundle, 'dist/cli.js'), args, { cwd: bundle, env: baseEnv(settings), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
