import { startInboundOnly } from './bootstrap';
import type { Config } from './config';
import { createLogger } from './logger';

export const INBOUND_HELP = `saatja inbound

  Runs the event mailbox alone: its SMTP listener on SAATJA_INBOUND_PORT, storing bounces and
  replies into the shared database, without the web app. Any number may run beside the web
  instances (behind the domain's MX); SIGTERM stops it.`;

export async function inboundCommand(_args: string[], config: Config): Promise<number> {
  const logger = createLogger(config.logLevel);
  const inbound = await startInboundOnly(config, logger);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  logger.info({ signal }, 'event mailbox stopping');
  await inbound.close();
  return 0;
}
