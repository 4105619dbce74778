import { createRequire } from 'node:module';
import type NodemailerModule from 'nodemailer';

/**
 * bench/ is not a workspace package, so it cannot import the BFF's dependencies by name. Loading the
 * BFF's own copies keeps the baselines on exactly the versions the BFF runs.
 */
const requireFromBff = createRequire(new URL('../apps/bff/package.json', import.meta.url));

export const nodemailer = requireFromBff('nodemailer') as typeof NodemailerModule;
