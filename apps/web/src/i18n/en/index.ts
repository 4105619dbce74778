import type { Messages } from '../messages';
import { app } from './app';
import { signIn } from './sign-in';
import { card } from './card';
import { testMail } from './test-mail';
import { devMailbox } from './dev-mailbox';
import { errors } from './errors';

export const en: Messages = { app, signIn, card, testMail, devMailbox, errors };
