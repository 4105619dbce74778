import type { Logger } from 'pino';
import { startBff, type RunningBff } from './bootstrap';
import { ConfigError, loadConfig, type Config } from './config';
import type { DevMode, startDevMode } from './dev/dev-mode';
import { createLogger } from './logger';

const EX_CONFIG = 78;

/** Dev mode's code and packages are loaded only here; the production build does not contain them. */
async function devMode(config: Config): Promise<DevMode> {
  let start: typeof startDevMode;
  try {
    ({ startDevMode: start } = await import('./dev/dev-mode'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.error(
      'This is the production build of Saatja: it runs with SAATJA_MODE=production only (see "Running in production" in README.md). ' +
        'Dev mode, with its demo users and local mail catcher, runs from a source checkout: npm start.',
    );
    process.exit(EX_CONFIG);
  }
  return start(config);
}

/** SIGTERM/SIGINT: drain (see RunningBff.close), stop dev mode's servers, exit 0. */
function exitOnSignals(bff: RunningBff, dev: DevMode | null, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining: no new connections; requests in flight may finish');
    try {
      await bff.close();
      await dev?.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const dev = config.mode === 'dev' ? await devMode(config) : null;
  const bff = await startBff(dev?.config ?? config, logger, dev?.extra ?? {});
  exitOnSignals(bff, dev, logger);
  if (dev) await dev.announce(bff);
  else logger.info({ url: bff.url, inboundPort: bff.inboundPort, startedInMs: Math.round(process.uptime() * 1000) }, 'Saatja is running');
}

try {
  await main();
} catch (error) {
  // A bad setting, or a folder the operator must change: the message says which; a stack would bury it.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(EX_CONFIG);
}
