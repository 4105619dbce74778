import type { AppDeps } from '../app';
import type { RunningBff } from '../bootstrap';
import type { Config } from '../config';
import { DEMO_USERS, seedDemoUsers } from './demo-users';
import { DEV_BOUNCE_ADDRESS, prepareDevEnvironment } from './dev-environment';
import { describeLocalM365, withLocalM365Mail } from './dev-m365';

export interface DevMode {
  config: Config;
  extra: Pick<AppDeps, 'devMailbox'>;
  /** Seed the demo users and print where everything is. */
  announce(bff: RunningBff): Promise<void>;
  close(): Promise<void>;
}

/**
 * Dev mode's local servers and demo users. The server loads this module with a dynamic import in
 * dev mode only; the production build leaves it out, with the packages it needs.
 */
export async function startDevMode(base: Config): Promise<DevMode> {
  const dev = await prepareDevEnvironment(base);
  const config = dev.config;
  return {
    config,
    extra: dev.catcher ? { devMailbox: { list: () => withLocalM365Mail(dev.catcher!.received(), dev.m365) } } : {},
    async announce(bff) {
      await seedDemoUsers(bff.db, new Date());
      const relay = config.relay!;
      console.log(
        [
          '',
          `Saatja (dev mode) is running at ${bff.url}`,
          `  database:    ${bff.databaseWhere}`,
          `  vendor relay: local mail catcher at ${relay.host}:${relay.port} (STARTTLS); caught mail at ${bff.url}/dev/mailbox`,
          bff.inboundPort === null
            ? '  event mailbox: off in this instance (SAATJA_INBOUND_PORT=off)'
            : `  event mailbox: SMTP ${config.host}:${bff.inboundPort}; the catcher bounces mail to ${DEV_BOUNCE_ADDRESS} back to it`,
          ...(dev.m365 ? describeLocalM365(dev.m365) : []),
          '  demo users (user code / password):',
          ...DEMO_USERS.map((user) => `    ${user.code.padEnd(6)} ${user.password.padEnd(16)} ${user.role}`),
          '',
        ].join('\n'),
      );
    },
    async close() {
      await dev.catcher?.close();
      await dev.m365?.close();
    },
  };
}
