/** The results an SPF evaluation can have (RFC 7208 §2.6). */
export const spfResults = ['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror'] as const;
export type SpfResult = (typeof spfResults)[number];

/** A domain's DMARC policy (RFC 7489 §6.3 `p`, or `sp` for a subdomain under its organization's record). */
export const dmarcPolicies = ['none', 'quarantine', 'reject'] as const;
export type DmarcPolicy = (typeof dmarcPolicies)[number];

/** SPF evaluated for one of the vendor's sending IPs. */
export interface SpfCheck {
  ip: string;
  result: SpfResult;
  /** The evaluator's own explanation, e.g. "too many DNS requests"; for the curious, not for decisions. */
  detail: string | null;
}

/**
 * What DNS says about an e-mail domain, as the BFF found it. A lookup that failed (timeout, server
 * failure) is `lookupFailed`, never an empty answer: "could not check" is not "has no record".
 */
export interface DomainFacts {
  domain: string;
  /** ISO time of the lookup (answers are cached for a while). */
  checkedAt: string;
  mx: { status: 'found'; hosts: string[] } | { status: 'lookupFailed' };
  spf: {
    /** The domain's own SPF record as published (the first one when several make it invalid). */
    record: string | null;
    checks: SpfCheck[];
  };
  dmarc: { status: 'found'; policy: DmarcPolicy; record: string } | { status: 'absent' } | { status: 'lookupFailed' };
}

/** How the vendor tells receivers its relay may send for a domain: an SPF include domain, if it has one. */
export interface VendorSpf {
  sendingIps: readonly string[];
  /** e.g. "_spf.directo.ee"; null: the domain's admin lists the IPs one by one. */
  include: string | null;
}

/** The domain of an e-mail address, lower-cased. */
export function emailDomain(email: string): string {
  return email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
}
