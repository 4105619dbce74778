import { createTransport } from 'nodemailer';

/**
 * Send a ready-made message to the event mailbox listener, as a remote MTA would: the envelope is
 * given (bounces come from the null sender) and the raw bytes go out untouched. Test code only.
 */
export async function deliverRaw(
  port: number,
  message: { from?: string; to: string | string[]; raw: string | Buffer },
): Promise<{ response: string }> {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    name: 'mx.remote.test',
    // ms; a broken listener should fail the test quickly.
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  try {
    const info = await transport.sendMail({ envelope: { from: message.from ?? '', to: message.to }, raw: message.raw });
    return { response: info.response };
  } finally {
    transport.close();
  }
}

/** Resolves with the rejection of `promise`, failing if it resolved instead. */
export async function failureOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
