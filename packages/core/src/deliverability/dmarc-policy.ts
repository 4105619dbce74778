import { dmarcPolicies, type DmarcPolicy } from './facts';

/** A DMARC record's tags as a parser hands them over (lower-case keys). */
export interface DmarcTags {
  p?: unknown;
  sp?: unknown;
  /** The record was found at the organizational domain, not at the address's own domain. */
  isOrgRecord?: boolean;
}

const asPolicy = (value: unknown): DmarcPolicy | null => {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return dmarcPolicies.find((policy) => policy === text) ?? null;
};

/**
 * The policy receivers apply (RFC 7489 §6.3, §6.6.3): a subdomain under its organization's record
 * gets `sp` when given, else `p`; an unknown or missing `p` counts as `none`.
 */
export function dmarcPolicyOf(tags: DmarcTags): DmarcPolicy {
  return (tags.isOrgRecord ? asPolicy(tags.sp) : null) ?? asPolicy(tags.p) ?? 'none';
}
