/** The messages of the card, the sign-in page and the frame around every page: in the first script (see card-parts.ts for the rest of the card's). */
import { app } from './app';
import { signIn } from './sign-in';
import { card } from './card';
import { testMail } from './test-mail';
import { diagnostics } from './diagnostics';
import { errors } from './errors';
import { advice, presets } from './presets';
import { effective } from './effective';
import { deliverability } from './deliverability';

export const firstScreen = { app, signIn, card, testMail, diagnostics, errors, presets, advice, effective, deliverability };
