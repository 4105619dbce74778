import { DEFAULT_OPEN_PORTS, tlsModes } from '@saatja/core';
import { z } from 'zod';

const list = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const portList = list(DEFAULT_OPEN_PORTS.join(','))
  .transform((items) => items.map(Number))
  .pipe(z.array(z.number().int().min(1).max(65_535)).min(1, 'list at least one open port'));

/** Every environment variable Saatja reads; parsed once at start-up, nowhere else. */
export const envSchema = z.object({
  SAATJA_MODE: z.enum(['dev', 'production']).default('dev'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  SAATJA_PUBLIC_ORIGIN: z.url().optional(),
  SAATJA_DATA_DIR: z.string().default('./data'),
  SAATJA_DATABASE_FILE: z.string().optional(),
  SAATJA_WEB_DIST: z.string().optional(),
  SAATJA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SAATJA_VENDOR_NAME: z.string().min(1).default('Directo'),
  SAATJA_COMPANY_NAME: z.string().min(1).default('Demo Firma OÜ'),
  SAATJA_EVENT_DOMAIN: z.string().min(1).default('event.data.directo.ee'),
  SAATJA_SENDING_IPS: list('90.190.150.210,90.190.150.211,90.190.150.212,90.190.150.213,90.190.150.219,90.190.150.82'),
  SAATJA_OPEN_PORTS: portList,
  SAATJA_RELAY_HOST: z.string().optional(),
  SAATJA_RELAY_PORT: z.coerce.number().int().min(1).max(65_535).default(25),
  SAATJA_RELAY_SECURITY: z.enum(tlsModes).default('starttls'),
  /** PEM file(s) of extra trusted CAs, comma-separated: a company's internal CA, the local servers' CA. */
  SAATJA_EXTRA_CA_FILES: list(''),
  /** `kid:base64key,…`, 32-byte keys; the first one encrypts, all of them decrypt. */
  SAATJA_SECRETS_KEYS: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;
