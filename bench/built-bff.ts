import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUserRepository } from '../apps/bff/src/auth/user-repository';
import { openDatabase } from '../apps/bff/src/db/database';
import { hashPassword } from '../apps/bff/src/secrets/password-hash';
import { generateKeySpec } from '../apps/bff/src/secrets/secret-box';
import { freePort } from '../apps/bff/src/network/free-port';
import { imageEnv, imageNodeOptions } from '../apps/bff/test/support/image-env';
import { createTestDatabase } from '../apps/bff/test/support/test-database';
import { createLocalTls, startSmtpServer, type LocalSmtpServer } from '../packages/local-servers/src/index';
import { startChild, type Child } from './child';
import { BENCH_PASSWORD, BENCH_USERS_PER_TARGET, benchUserCode, OWN_SMTP, SEND_TARGETS, type BffReady } from './protocol';

/** Start-ups measured; the median is reported. */
const STARTUP_RUNS = 5;

export interface BuiltBff {
  child: Child<BffReady>;
  /** The database the BFF runs on, for the baseline's query. */
  databaseUrl: string;
  /** More instances of the bundle on the same database (no event mailbox), each its own process; their URLs. */
  moreInstances(count: number): Promise<string[]>;
  /** ms from spawning `node dist/server.js` to its "running" log line, per run. */
  startupMs: number[];
  close(): Promise<void>;
}

/** The bench's users: JAAN, whose card the API load reads and writes, and the send targets' users. */
async function seedUsers(databaseUrl: string): Promise<void> {
  const db = openDatabase(databaseUrl);
  const users = createUserRepository(db);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await users.insert(
    { code: 'JAAN', name: 'Jaan Tamm', email: 'jaan@firma.ee', role: 'user', passwordHash: await hashPassword('jaan-demo-2026') },
    new Date(),
  );
  for (const target of SEND_TARGETS) {
    for (let index = 0; index < BENCH_USERS_PER_TARGET; index++) {
      const code = benchUserCode(target, index);
      await users.insert({ code, name: `Bench ${code}`, email: `${code.toLowerCase()}@firma.ee`, role: 'user', passwordHash }, new Date());
    }
  }
  await db.destroy();
}

/** The bundle started as the image runs it, up to its "Saatja is running" log line (which gives its URL). */
function spawnBundle(
  bundle: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string; afterMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, 'dist/server.js'], {
    cwd: bundle,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.includes('"msg":"Saatja is running"'));
      if (line === undefined) return;
      // Whatever it logs afterwards (a line per request) is read and dropped.
      output = '';
      child.stdout!.off('data', onData).resume();
      resolve({ child, url: (JSON.parse(line) as { url: string }).url, afterMs: performance.now() - started });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the production bundle exited with ${code}: ${output}`)));
  });
}

function stopBundle(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

/** One start of the bundle, timed to its "running" line, then stopped. */
async function timeStartup(bundle: string, env: Record<string, string>): Promise<number> {
  const { child, afterMs } = await spawnBundle(bundle, { ...env, PORT: '0' }, imageNodeOptions());
  await stopBundle(child);
  return afterMs;
}

/**
 * The production bundle as the BFF under test: production mode on a fresh database, the relay
 * and an own SMTP server (with AUTH) in this process, the server in a plain-node child
 * (built-bff.mjs) that also answers the bench's memory and bare-send requests.
 */
export interface BuiltBffOptions {
  /** Time this many start-ups first (default 5; the median is reported). */
  startupRuns?: number;
  /** A folder for V8 CPU profiles of every instance (`--cpu-prof`), written when it stops. */
  cpuProfileDir?: string;
}

export async function startBuiltBff(bundle: string, options: BuiltBffOptions = {}): Promise<BuiltBff> {
  const dir = mkdtempSync(path.join(tmpdir(), 'saatja-bench-'));
  const tls = await createLocalTls();
  writeFileSync(path.join(dir, 'ca.pem'), tls.ca);
  const servers: LocalSmtpServer[] = [
    await startSmtpServer({ security: 'starttls', tls, name: 'relay.bench' }),
    await startSmtpServer({ security: 'starttls', tls, users: { [OWN_SMTP.user]: OWN_SMTP.password } }),
  ];
  const [relay, own] = servers as [LocalSmtpServer, LocalSmtpServer];
  const database = await createTestDatabase();
  await seedUsers(database.url);
  const port = await freePort();
  // As the image's command runs it; node refuses --cpu-prof in NODE_OPTIONS, so it goes there too.
  const nodeArgs = [...imageNodeOptions(), ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [])];
  const env = {
    // As the container image runs it (its NODE_OPTIONS and MALLOC_ARENA_MAX shape the memory measured).
    ...imageEnv(),
    SAATJA_MODE: 'production',
    HOST: '127.0.0.1',
    SAATJA_INBOUND_PORT: '0',
    SAATJA_DATA_DIR: dir,
    SAATJA_DATABASE_URL: database.url,
    SAATJA_PUBLIC_ORIGIN: `http://localhost:${port}`,
    SAATJA_RELAY_HOST: 'localhost',
    SAATJA_RELAY_PORT: String(relay.port),
    SAATJA_EXTRA_CA_FILES: path.join(dir, 'ca.pem'),
    SAATJA_SECRETS_KEYS: generateKeySpec('bench1'),
    SAATJA_OPEN_PORTS: `25,465,587,${own.port}`,
    // The own server is on loopback; production refuses private addresses unless allow-listed.
    SAATJA_SMTP_ALLOW_LIST: 'localhost',
    // As in production (info: changes, failures and slow reads logged), written where nobody reads it.
    SAATJA_LOG_LEVEL: 'info',
  };
  const startupMs: number[] = [];
  for (let run = 0; run < (options.startupRuns ?? STARTUP_RUNS); run++) startupMs.push(await timeStartup(bundle, env));
  const bench = { relayPort: relay.port, ownSmtpPort: own.port, ca: tls.ca, ownSmtp: { user: OWN_SMTP.user, pass: OWN_SMTP.password } };
  const child = await startChild<BffReady>(new URL('./built-bff.mjs', import.meta.url), {
    plain: true,
    nodeArgs,
    args: [bundle],
    env: { ...env, PORT: String(port), SAATJA_BENCH: JSON.stringify(bench) },
    discardStdout: true,
  });
  const more: ChildProcess[] = [];
  return {
    child,
    databaseUrl: database.url,
    async moreInstances(count) {
      const started = await Promise.all(
        Array.from({ length: count }, () => spawnBundle(bundle, { ...env, PORT: '0', SAATJA_INBOUND_PORT: 'off' }, nodeArgs)),
      );
      more.push(...started.map((instance) => instance.child));
      return started.map((instance) => instance.url);
    },
    startupMs,
    async close() {
      await Promise.all(more.map(stopBundle));
      await child.stop();
      await Promise.all(servers.map((server) => server.close()));
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
