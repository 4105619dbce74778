import type { Messages } from '../messages';
import { app } from './app';
import { signIn } from './sign-in';
import { card } from './card';
import { testMail } from './test-mail';
import { devMailbox } from './dev-mailbox';
import { errors } from './errors';
import { advice, presets } from './presets';
import { effective } from './effective';

export const en: Messages = { app, signIn, card, testMail, devMailbox, errors, presets, advice, effective };
