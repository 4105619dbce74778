import { z } from 'zod/mini';
import { logQueryFields } from './log-page';

/** Every audited action (SPEC §6); the UI names each in words. */
export const auditActions = [
  'card.save',
  'm365.connect',
  'm365.disconnect',
  'user.create',
  'user.resetPassword',
  'settings.mailSendingUser',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The audit log's query: a page, filtered by user (who acted, or whose card it was), action and time. */
export const auditQuerySchema = z.strictObject({ ...logQueryFields, action: z.optional(z.enum(auditActions)) });
export type AuditQuery = z.infer<typeof auditQuerySchema>;
