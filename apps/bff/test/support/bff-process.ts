import { startBff } from '../../src/bootstrap';
import type { Config } from '../../src/config';
import { createLogger } from '../../src/logger';

/**
 * One BFF instance in a process of its own, as production runs several: the configuration comes as
 * JSON in SAATJA_TEST_CONFIG, the ports go back over the IPC channel. Ends when its parent goes.
 */
const config = JSON.parse(process.env.SAATJA_TEST_CONFIG ?? '') as Config;
const bff = await startBff(config, createLogger(config.logLevel));
process.send?.({ url: bff.url, inboundPort: bff.inboundPort });
process.on('disconnect', () => {
  void bff.close().finally(() => process.exit(0));
});
