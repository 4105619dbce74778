import type { ChildReply, ChildRequest } from './protocol';

type Handler = (request: Extract<ChildRequest, { kind: 'bare-send' }>) => Promise<number>;

/** Answer the bench's requests in a child process: memory from here, sends via `onSend`. */
export function answerRequests(onSend: Handler): void {
  process.on('message', (message: ChildRequest) => {
    const reply = async (): Promise<ChildReply> => {
      switch (message.kind) {
        case 'memory':
          if (message.collect) (globalThis as { gc?: () => void }).gc?.();
          // Asked of the process itself: the same RSS as /proc/<pid>/status, and it works on macOS too.
          return { id: message.id, kind: 'memory', usage: process.memoryUsage() };
        case 'bare-send':
          return { id: message.id, kind: 'bare-send', ms: await onSend(message) };
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
