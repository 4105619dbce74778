/** Messages between the bench and its child processes (over the fork IPC channel). */

/** Where a send goes: the stack's relay catcher (a default card) or an own SMTP server with AUTH. */
export type SendTarget = 'relay' | 'smtp';

export type ChildRequest =
  /** `collect`: run a full garbage collection first, to tell garbage from retained memory. */
  | { id: number; kind: 'memory'; collect?: boolean }
  /** One bare nodemailer send from inside the BFF process, to the same server the BFF sends to. */
  | { id: number; kind: 'bare-send'; target: SendTarget };

export type ChildReply =
  /** process.memoryUsage(), bytes; rss is the same figure as VmRSS in /proc/<pid>/status. */
  | { id: number; kind: 'memory'; usage: NodeJS.MemoryUsage }
  | { id: number; kind: 'bare-send'; ms: number }
  | { id: number; kind: 'error'; message: string };

export interface BffReady {
  kind: 'ready';
  url: string;
  /** A static page with one input, served by a plain node:http server in the BFF's process. */
  helloUrl: string;
  ownSmtpPort: number;
}

export interface BaselineReady {
  kind: 'ready';
  url: string;
}

/** The own SMTP server's account, used by the "smtp" cards and by the bare nodemailer send. */
export const OWN_SMTP = { user: 'bench', password: 'Bench-Smtp-Pass-2026' } as const;

/** Test mails are limited to 10 per user per 10 minutes: each bench user sends at most this many. */
export const TEST_MAILS_PER_USER = 10;

/** Extra users the BFF process creates for the send path, so no production limit is relaxed. */
export const BENCH_USERS_PER_TARGET = 2;
export const BENCH_PASSWORD = 'bench-user-2026';
export const benchUserCode = (target: SendTarget, index: number) => `BENCH-${target.toUpperCase()}-${index + 1}`;
