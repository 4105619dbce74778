import { startSmtpServer, type TlsMaterial } from '../packages/local-servers/src/index';
import { answerRequests } from './child-side.mjs';

/**
 * A local SMTP server (STARTTLS, AUTH) in a process of its own, standing for the user's mail server
 * when the BFF's own cost is measured: its parsing and TLS then load neither the BFF nor the load
 * generator. BENCH_SINK: { tls, users } as JSON; the port goes back over IPC.
 */
const { tls, users } = JSON.parse(process.env.BENCH_SINK ?? '') as { tls: TlsMaterial; users: Record<string, string> };
const server = await startSmtpServer({ security: 'starttls', tls, users, maxKeptMails: 100 });
process.send?.({ kind: 'ready', port: server.port });
answerRequests({});
process.on('disconnect', () => {
  void server.close().finally(() => process.exit(0));
});
