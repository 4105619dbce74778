import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/connect';
import { openDatabase } from '../src/db/database';
import { migrateToLatest, migrations } from '../src/db/migrations';
import { createLogger } from '../src/logger';
import { createEmptyTestDatabase } from './support/test-database';

const logger = createLogger('silent');
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'saatja-embedded-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

describe('migrations', () => {
  it('when three instances migrate one empty database at once, then every migration is applied exactly once', async () => {
    const database = await createEmptyTestDatabase();
    const pools = [1, 2, 3].map(() => openDatabase(database.url, { maxConnections: 2 }));
    try {
      const applied = await Promise.all(pools.map((db) => migrateToLatest(db)));

      expect(applied.flat().sort()).toEqual(Object.keys(migrations).sort());
      const rows = await pools[0]!
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect(rows).toHaveLength(Object.keys(migrations).length);
      expect(await Promise.all(pools.map((db) => migrateToLatest(db)))).toEqual([[], [], []]);
    } finally {
      await Promise.all(pools.map((db) => db.destroy()));
      await database.drop();
    }
  });
});

describe('the embedded PostgreSQL (no SAATJA_DATABASE_URL)', () => {
  it('when it starts on an empty data folder, then it creates the cluster, keeps the data across a restart, and listens on loopback only', async () => {
    const dir = dataDir();
    const first = await connectDatabase({ databaseUrl: null, dataDir: dir }, logger);
    await migrateToLatest(first.db);
    await first.db.insertInto('users').values({ code: 'KEEP', name: 'K', email: 'k@x.ee', role: 'user', password_hash: 'x' }).execute();
    const listen = await first.db
      .selectNoFrom((eb) => eb.fn<string>('current_setting', [eb.val('listen_addresses')]).as('value'))
      .executeTakeFirstOrThrow();
    await first.close();

    const second = await connectDatabase({ databaseUrl: null, dataDir: dir }, logger);
    try {
      expect(await second.db.selectFrom('users').select('code').execute()).toEqual([{ code: 'KEEP' }]);
      expect(listen.value).toBe('127.0.0.1');
      expect(readFileSync(path.join(dir, 'pg.password'), 'utf8').length).toBeGreaterThanOrEqual(32);
    } finally {
      await second.close();
    }
  }, 60_000);

  it.runIf(process.getuid?.() === 0)(
    'when run as root under a folder the postgres user cannot pass, then the start names the folder and what to do',
    async () => {
      const closed = mkdtempSync(path.join(tmpdir(), 'saatja-closed-'));
      chmodSync(closed, 0o700);
      try {
        await expect(connectDatabase({ databaseUrl: null, dataDir: path.join(closed, 'data') }, logger)).rejects.toThrow(
          `the embedded PostgreSQL runs as the postgres user, which cannot pass through ${closed} to the data folder: allow it (chmod o+x ${closed})`,
        );
      } finally {
        rmSync(closed, { recursive: true, force: true });
      }
    },
  );

  it('when another Saatja process runs the server, then a second start shares it and leaves it running when it closes', async () => {
    const dir = dataDir();
    const owner = await holdEmbeddedServer(dir);
    const ownersServer = owner.serverPid();
    try {
      const beside = await connectDatabase({ databaseUrl: null, dataDir: dir }, logger);
      await migrateToLatest(beside.db);
      await beside.db
        .insertInto('users')
        .values({ code: 'BESIDE', name: 'B', email: 'b@x.ee', role: 'user', password_hash: 'x' })
        .execute();
      await beside.close();
      expect(() => process.kill(ownersServer, 0)).not.toThrow();

      const again = await connectDatabase({ databaseUrl: null, dataDir: dir }, logger);
      expect(await again.db.selectFrom('users').select('code').execute()).toEqual([{ code: 'BESIDE' }]);
      await again.close();
      expect(owner.serverPid()).toBe(ownersServer);
    } finally {
      owner.child.kill('SIGKILL');
    }
  }, 60_000);

  it('when the process that ran it was killed, then the next start stops the server it left behind and opens the data', async () => {
    const dir = dataDir();
    const { child } = await holdEmbeddedServer(dir);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const leftover = Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(leftover, 0)).not.toThrow();

    const next = await connectDatabase({ databaseUrl: null, dataDir: dir }, logger);
    try {
      expect(() => process.kill(leftover, 0)).toThrow();
      expect(await migrateToLatest(next.db)).toEqual(Object.keys(migrations));
    } finally {
      await next.close();
    }
  }, 60_000);
});

/** A node process that starts the embedded PostgreSQL in `dir` and keeps it until it is killed. */
async function holdEmbeddedServer(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support/embedded-child.ts'), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
  const serverPid = () => Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { child, serverPid };
}
