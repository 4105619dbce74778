import { startBff } from './bootstrap';
import { ConfigError, loadConfig, type Config } from './config';
import { DEMO_USERS, seedDemoUsers } from './dev/demo-users';
import { prepareDevEnvironment } from './dev/dev-environment';
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
  const bff = await startBff(dev?.config ?? config, logger, dev?.catcher ? { devMailbox: { list: () => dev.catcher!.received() } } : {});

  if (dev) {
    await seedDemoUsers(bff.db, new Date());
    const relay = dev.config.relay!;
    console.log(
      [
        '',
        `Saatja (dev mode) is running at ${bff.url}`,
        `  database:    ${dev.config.databaseFile}`,
        `  vendor relay: local mail catcher at ${relay.host}:${relay.port} (STARTTLS); caught mail at ${bff.url}/dev/mailbox`,
        '  demo users (user code / password):',
        ...DEMO_USERS.map((user) => `    ${user.code.padEnd(6)} ${user.password.padEnd(16)} ${user.role}`),
        '',
      ].join('\n'),
    );
  } else {
    logger.info({ url: bff.url }, 'Saatja is running');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await bff.close();
    await dev?.catcher?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
