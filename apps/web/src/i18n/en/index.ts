import type { Messages } from '../messages';
import { app } from './app';
import { signIn } from './sign-in';
import { card } from './card';
import { testMail } from './test-mail';
import { diagnostics } from './diagnostics';
import { sendLog } from './send-log';
import { devMailbox } from './dev-mailbox';
import { errors } from './errors';
import { advice, presets } from './presets';
import { effective } from './effective';
import { admin } from './admin';
import { events } from './events';
import { m365 } from './m365';
import { log } from './log';
import { deliverability } from './deliverability';
import { outbox, tokens } from './outbox';

export const en: Messages = {
  app,
  signIn,
  card,
  testMail,
  diagnostics,
  sendLog,
  devMailbox,
  errors,
  presets,
  advice,
  effective,
  admin,
  events,
  m365,
  log,
  deliverability,
  outbox,
  tokens,
};
