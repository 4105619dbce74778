import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createUser } from '../admin/create-user';
import type { Config } from '../config';
import { withoutFinalNewline } from '../config/initial-admin';
import { withDatabase } from '../db/with-database';
import { parseNewAdmin } from './new-admin';

export const CREATE_ADMIN_HELP = `saatja create-admin --code <code> --email <e-mail> [--name <name>] [--password-file <file> | --password-stdin]

  Creates an admin. With neither password option, a password is generated and printed once.
  A password given by file or standard input is never printed. Refuses a code that exists.`;

/** 24 characters from 18 random bytes: 144 bits. */
const GENERATED_PASSWORD_BYTES = 18;

const EX_USAGE = 64;
const EX_DATAERR = 65;
const CODE_TAKEN = 1;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The password and whether it was made here (only then may it be printed). */
async function passwordFrom(values: {
  'password-file'?: string;
  'password-stdin'?: boolean;
}): Promise<{ password: string; generated: boolean }> {
  if (values['password-file']) return { password: withoutFinalNewline(readFileSync(values['password-file'], 'utf8')), generated: false };
  if (values['password-stdin']) return { password: withoutFinalNewline(await readStdin()), generated: false };
  return { password: randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url'), generated: true };
}

export async function createAdminCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      'password-file': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  if (values['password-file'] && values['password-stdin']) {
    console.error('Give the password by --password-file or --password-stdin, not both.');
    return EX_USAGE;
  }
  const { password, generated } = await passwordFrom(values);
  const parsed = parseNewAdmin({ ...values, password }, { code: '--code', name: '--name', email: '--email', password: 'the password' });
  if ('problems' in parsed) {
    console.error(`No admin created:\n  ${parsed.problems.join('\n  ')}`);
    return EX_DATAERR;
  }
  const { admin } = parsed;
  if ((await withDatabase(config, (db) => createUser(db, admin, null, new Date()))) === 'codeTaken') {
    console.error(`A user with code ${admin.code} already exists; nothing was changed.`);
    return CODE_TAKEN;
  }
  console.log(`Created admin ${admin.code} (${admin.name}, ${admin.email}).`);
  if (generated) console.log(`Generated password, shown only now: ${password}`);
  return 0;
}
