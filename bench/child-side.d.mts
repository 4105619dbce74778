import type { SendTarget } from './protocol';

export interface Handlers {
  /** One bare send, ms. */
  send?(target: SendTarget): Promise<number>;
  identityCalls?(): { requests: number; tokenRequests: number };
}

/** Answer the bench's requests in a child process: memory from here, the rest via `handlers`. */
export function answerRequests(handlers: Handlers): void;
