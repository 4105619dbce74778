import { startBff } from './bootstrap';
import { ConfigError, loadConfig, type Config } from './config';
import { DEMO_USERS, seedDemoUsers } from './dev/demo-users';
import { DEV_BOUNCE_ADDRESS, prepareDevEnvironment } from './dev/dev-environment';
import { describeLocalM365, withLocalM365Mail } from './dev/dev-m365';
import { createLogger } from './logger';

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  const logger = createLogger(config.logLevel);
  const dev = config.mode === 'dev' ? await prepareDevEnvironment(config) : null;
  const bff = await startBff(dev?.config ?? config, logger, dev?.catcher ? { devMailbox: { list: () => withLocalM365Mail(dev.catcher!.received(), dev.m365) } } : {});

  if (dev) {
    await seedDemoUsers(bff.db, new Date());
    const relay = dev.config.relay!;
    console.log(
      [
        '',
        `Saatja (dev mode) is running at ${bff.url}`,
        `  database:    ${bff.databaseWhere}`,
        `  vendor relay: local mail catcher at ${relay.host}:${relay.port} (STARTTLS); caught mail at ${bff.url}/dev/mailbox`,
        `  event mailbox: SMTP ${dev.config.host}:${bff.inboundPort}; the catcher bounces mail to ${DEV_BOUNCE_ADDRESS} back to it`,
        ...(dev.m365 ? describeLocalM365(dev.m365) : []),
        '  demo users (user code / password):',
        ...DEMO_USERS.map((user) => `    ${user.code.padEnd(6)} ${user.password.padEnd(16)} ${user.role}`),
        '',
      ].join('\n'),
    );
  } else {
    logger.info({ url: bff.url, inboundPort: bff.inboundPort }, 'Saatja is running');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await bff.close();
    await dev?.catcher?.close();
    await dev?.m365?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
