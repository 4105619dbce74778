import { readFileSync } from 'node:fs';
import { startBff } from '../../src/bootstrap';
import type { Config } from '../../src/config';
import { createLogger } from '../../src/logger';

/** A second Saatja instance in its own process (argv[2]: its Config as JSON); says its worker id, then waits to be killed. */
const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Config;
const bff = await startBff(config, createLogger('silent'));
process.stdout.write(`ready ${bff.outboxInstance}\n`);
setInterval(() => undefined, 60_000);
