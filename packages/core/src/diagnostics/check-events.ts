import { z } from 'zod/mini';
import { emailSchema } from '../person';
import type { DeliverabilityAdvice, Severity } from '../deliverability/verdict';
import type { SpfResult } from '../deliverability/facts';
import type { Diagnosis } from './classify-failure';
import type { CertificateSummary } from './smtp-failure';

/**
 * "Check connection" (a dry run: AUTH, MAIL FROM, RCPT, DATA → 354, then abort) or "Send test mail"
 * (the same steps up to AUTH, then the real send). To the user's own address unless an admin names another.
 */
export const checkInputSchema = z.object({
  mode: z.enum(['dryRun', 'send'], { error: 'required' }),
  to: z.optional(emailSchema),
});
export type CheckInput = z.infer<typeof checkInputSchema>;
export type CheckMode = CheckInput['mode'];

/** The steps in the order they can happen; with STARTTLS, TLS comes after the greeting. */
export const checkSteps = [
  'dns',
  'tcp',
  'tls',
  'greeting',
  'ehlo',
  'auth',
  'mailFrom',
  'rcptTo',
  'data',
  'send',
  'deliverability',
] as const;
export type CheckStep = (typeof checkSteps)[number];

/** Why a step did not run. */
export type SkipReason = 'plainText' | 'noCredentials' | 'dnsUnavailable';

/** What a step found out; each step fills only its own fields. Never holds a secret. */
export interface StepDetail {
  addresses?: string[];
  address?: string;
  protocol?: string;
  certificate?: CertificateSummary;
  greeting?: string;
  extensions?: string[];
  authMechanisms?: string[];
  mechanism?: string;
  user?: string;
  reply?: string;
  messageId?: string;
  skipped?: SkipReason;
  /** The last step in mode `default`: will mail from the user's address through the relay arrive (SPEC §11)? */
  deliverability?: { domain: string; severity: Severity; spf: SpfResult; dmarc: DeliverabilityAdvice['dmarc'] };
}

export type StepEvent =
  /** `limitMs`: how long the step may wait before it gives up, so the browser can show the wait. */
  | { type: 'step'; step: CheckStep; status: 'running'; limitMs?: number }
  /** `warning`: the step found a risk that does not stop the mail (a domain whose SPF refuses the relay). */
  | { type: 'step'; step: CheckStep; status: 'ok' | 'warning' | 'skipped' | 'failed'; detail: StepDetail; durationMs: number };

export type Verdict =
  | { type: 'verdict'; ok: true; mode: CheckMode; to: string; messageId: string | null }
  | { type: 'verdict'; ok: false; mode: CheckMode; to: string; diagnosis: Diagnosis };

/** One line of the NDJSON stream the check answers with. */
export type CheckEvent = StepEvent | Verdict;
