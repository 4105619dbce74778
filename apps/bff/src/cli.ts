#!/usr/bin/env node
import { ConfigError, loadConfig, type Config } from './config';
import { MIGRATE_HELP, migrateCommand } from './db/migrate-command';
import { CREATE_ADMIN_HELP, createAdminCommand } from './first-admin/create-admin-command';
import { INBOUND_HELP, inboundCommand } from './inbound-command';
import { REKEY_HELP, rekeyCommand } from './secrets/rekey-command';

type Command = { summary: string; help: string; run(args: string[], config: Config): Promise<number> };

const COMMANDS: Record<string, Command> = {
  'create-admin': { summary: 'create an admin (the first one, or another)', help: CREATE_ADMIN_HELP, run: createAdminCommand },
  inbound: { summary: 'run the event mailbox (inbound SMTP) alone, without the web app', help: INBOUND_HELP, run: inboundCommand },
  migrate: { summary: 'bring the database schema up to date', help: MIGRATE_HELP, run: migrateCommand },
  rekey: { summary: 're-seal stored secrets under the first key of SAATJA_SECRETS_KEYS', help: REKEY_HELP, run: rekeyCommand },
};

const USAGE = `Usage: saatja <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(14)} ${command.summary}`)
  .join('\n')}

The commands read the same settings (environment variables) as the server; see README.md.
"saatja <command> --help" describes one command.`;

const EX_USAGE = 64;
const EX_CONFIG = 78;

/** The BFF's command line: `saatja <command>`; exit codes follow sysexits.h. */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : EX_USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return EX_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return EX_CONFIG;
  }
  try {
    return await command.run(args, config);
  } catch (error) {
    // parseArgs' errors name the bad option; anything else is reported without a stack of internals.
    const code = (error as NodeJS.ErrnoException).code ?? '';
    console.error(
      code.startsWith('ERR_PARSE_ARGS')
        ? `${(error as Error).message}\n\n${command.help}`
        : `saatja ${name} failed: ${(error as Error).message}`,
    );
    return code.startsWith('ERR_PARSE_ARGS') ? EX_USAGE : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
