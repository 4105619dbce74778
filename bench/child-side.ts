import type { ChildReply, ChildRequest, SendTarget } from './protocol';

export interface Handlers {
  /** One bare send, ms. */
  send?(target: SendTarget): Promise<number>;
  identityCalls?(): { requests: number; tokenRequests: number };
}

/** Answer the bench's requests in a child process: memory from here, the rest via `handlers`. */
export function answerRequests(handlers: Handlers): void {
  const missing = (what: string) => new Error(`this process cannot answer ${what}`);
  process.on('message', (message: ChildRequest) => {
    const reply = async (): Promise<ChildReply> => {
      switch (message.kind) {
        case 'memory':
          if (message.collect) (globalThis as { gc?: () => void }).gc?.();
          // Asked of the process itself: the same RSS as /proc/<pid>/status, and it works on macOS too.
          return { id: message.id, kind: 'memory', usage: process.memoryUsage() };
        case 'bare-send':
          if (!handlers.send) throw missing(message.kind);
          return { id: message.id, kind: 'bare-send', ms: await handlers.send(message.target) };
        case 'idp-calls':
          if (!handlers.identityCalls) throw missing(message.kind);
          return { id: message.id, kind: 'idp-calls', ...handlers.identityCalls() };
        default:
          return message satisfies never;
      }
    };
    reply().then(
      (answer) => process.send?.(answer),
      (error: unknown) => process.send?.({ id: message.id, kind: 'error', message: String(error) } satisfies ChildReply),
    );
  });
}
