// Plain JavaScript, so the bench's children can run without a TypeScript loader in their memory.

/** Answer the bench's requests in a child process: memory from here, the rest via `handlers`. */
export function answerRequests(handlers) {
  const missing = (what) => new Error(`this process cannot answer ${what}`);
  process.on('message', (message) => {
    const reply = async () => {
      switch (message.kind) {
        case 'memory':
          if (message.collect) globalThis.gc?.();
          // Asked of the process itself: the same RSS as /proc/<pid>/status, and it works on macOS too.
          return { id: message.id, kind: 'memory', usage: process.memoryUsage() };
        case 'bare-send':
          if (!handlers.send) throw missing(message.kind);
          return { id: message.id, kind: 'bare-send', ms: await handlers.send(message.target) };
        case 'idp-calls':
          if (!handlers.identityCalls) throw missing(message.kind);
          return { id: message.id, kind: 'idp-calls', ...handlers.identityCalls() };
        default:
          throw missing(message.kind);
      }
    };
    reply().then(
      (answer) => process.send?.(answer),
      (error) => process.send?.({ id: message.id, kind: 'error', message: String(error) }),
    );
  });
}
