/** Messages between the bench and its child processes (over the fork IPC channel). */

/**
 * Where a send goes: the stack's relay catcher (a default card), an own SMTP server with AUTH, or
 * the local Microsoft 365 SMTP server (XOAUTH2, tokens from the identity emulator).
 */
export type SendTarget = 'relay' | 'smtp' | 'm365';

export type ChildRequest =
  /** `collect`: run a full garbage collection first, to tell garbage from retained memory. */
  | { id: number; kind: 'memory'; collect?: boolean }
  /** One bare nodemailer send from inside the BFF process, to the same server the BFF sends to. */
  | { id: number; kind: 'bare-send'; target: SendTarget }
  /** Calls made to the identity provider so far (the M365 process only). */
  | { id: number; kind: 'idp-calls' };

export type ChildReply =
  /** process.memoryUsage(), bytes; rss is the same figure as VmRSS in /proc/<pid>/status. */
  | { id: number; kind: 'memory'; usage: NodeJS.MemoryUsage }
  | { id: number; kind: 'bare-send'; ms: number }
  /** `requests`: every HTTP request from this process to the emulator; `tokenRequests`: its own count. */
  | { id: number; kind: 'idp-calls'; requests: number; tokenRequests: number }
  | { id: number; kind: 'error'; message: string };

export interface BffReady {
  kind: 'ready';
  url: string;
  /** A static page with one input, served by a plain node:http server in the BFF's process. */
  helloUrl: string;
  ownSmtpPort: number;
  /** Only when started with the local Microsoft 365 (identity emulator and XOAUTH2 SMTP server). */
  m365: { emulatorCa: string; mailboxes: { email: string; password: string }[] } | null;
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
export const SEND_TARGETS: readonly SendTarget[] = ['relay', 'smtp', 'm365'];
