import { fork } from 'node:child_process';
import type { ChildReply, ChildRequest } from './protocol';

/** A request before the id is put on it (distributes over the union). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = WithoutId<ChildRequest>;

export interface Child<Ready> {
  readonly ready: Ready;
  readonly pid: number;
  request(request: Request): Promise<ChildReply>;
  /** The child's process.memoryUsage(), bytes; after a full garbage collection if `collect`. */
  memory(collect?: boolean): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

/** ms a child gets to start (tsx compiles it first; other processes may load the machine). */
const START_TIMEOUT_MS = 60_000;
/** ms a child gets to close its servers after the IPC channel is cut, before it is killed. */
const STOP_GRACE_MS = 5_000;

export interface ChildOptions {
  args?: string[];
  /** A plain JavaScript file: run it on node alone, with no TypeScript loader in its memory. */
  plain?: boolean;
  /** More options for node itself (e.g. --cpu-prof). */
  nodeArgs?: string[];
  env?: Record<string, string>;
  discardStdout?: boolean;
}

/**
 * Start a bench script as a plain `node --import tsx` child (or plain `node` for a .mjs), not
 * through the tsx CLI: the pid is then the server's own process, whose memory we read. The script
 * reports readiness over IPC.
 */
export async function startChild<Ready extends { kind: 'ready' }>(file: URL, options: ChildOptions = {}): Promise<Child<Ready>> {
  const child = fork(file, options.args ?? [], {
    // --expose-gc only lets the bench ask for a collection; V8 behaves the same otherwise.
    execArgv: [...(options.plain ? [] : ['--import', import.meta.resolve('tsx')]), '--expose-gc', ...(options.nodeArgs ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.discardStdout ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (reply: ChildReply) => void>();
  let nextId = 1;

  // A child that dies answers nothing more: fail its open requests instead of waiting forever.
  child.once('exit', (code) => {
    for (const [id, answer] of pending) answer({ id, kind: 'error', message: `exited with ${code}` });
  });

  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${file.pathname} did not start in ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`${file.pathname} exited with ${code} before it was ready`)));
    child.on('message', (message: Ready | ChildReply) => {
      if ('id' in message) pending.get(message.id)?.(message);
      else if (message.kind === 'ready') {
        clearTimeout(timer);
        resolve(message);
      }
    });
  });

  const request = (body: Request) =>
    new Promise<ChildReply>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (reply) => {
        pending.delete(id);
        if (reply.kind === 'error') reject(new Error(`${file.pathname}: ${reply.message}`));
        else resolve(reply);
      });
      child.send({ ...body, id } as ChildRequest);
    });

  return {
    ready,
    pid: child.pid!,
    request,
    async memory(collect = false) {
      const reply = await request({ kind: 'memory', collect });
      if (reply.kind !== 'memory') throw new Error(`unexpected reply ${reply.kind}`);
      return reply.usage;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
