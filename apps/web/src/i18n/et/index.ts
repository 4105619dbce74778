/** Estonian, the default language; the source document's own wording. One file per area. */
import { app } from './app';
import { signIn } from './sign-in';
import { card } from './card';
import { testMail } from './test-mail';
import { devMailbox } from './dev-mailbox';
import { errors } from './errors';
import { advice, presets } from './presets';
import { effective } from './effective';

export const et = { app, signIn, card, testMail, devMailbox, errors, presets, advice, effective };
