import type { Resolver } from 'node:dns/promises';
import { createRequire } from 'node:module';
import { dmarcPolicyOf, spfResults, type DmarcTags, type DomainFacts, type SpfCheck, type SpfResult } from '@saatja/core';
import { spf } from 'mailauth/lib/spf/index.js';

/** mailauth's `_dmarc` lookup (with the organizational-domain fallback); the file ships without types. */
const getDmarcRecord = createRequire(import.meta.url)('mailauth/lib/dmarc/get-dmarc-record.js') as (
  domain: string,
  resolver: (name: string, type: string) => Promise<unknown>,
) => Promise<false | (DmarcTags & { rr: string })>;

/** The name mailauth puts before its explanations; removed again, as users do not need it. */
const MTA = 'saatja';

/** "No such name" and "no such record" are answers; anything else (timeout, SERVFAIL) is a failed lookup. */
const isEmptyAnswer = (error: unknown) => ['ENOTFOUND', 'ENODATA'].includes((error as { code?: string }).code ?? '');

/**
 * The DNS facts of one e-mail domain, every query through `resolver` (the deployment's DNS
 * servers). SPF is evaluated by mailauth (includes, macros, redirect, the 10-lookup and void-lookup
 * limits) once per sending IP, as a receiver would for mail from the relay.
 */
export function createDomainLookups(resolver: Resolver, sendingIps: readonly string[]) {
  const resolve = (name: string, type: string) => resolver.resolve(name, type as 'TXT');

  async function mx(domain: string): Promise<DomainFacts['mx']> {
    try {
      const records = await resolver.resolveMx(domain);
      return { status: 'found', hosts: records.sort((a, b) => a.priority - b.priority).map((record) => record.exchange) };
    } catch (error) {
      return isEmptyAnswer(error) ? { status: 'found', hosts: [] } : { status: 'lookupFailed' };
    }
  }

  async function spfFor(domain: string, ip: string): Promise<{ check: SpfCheck; record: string | null }> {
    const result = await spf({ sender: `postmaster@${domain}`, ip, helo: domain, mta: MTA, resolver: resolve });
    const status = result.status.result as string;
    const known: SpfResult = spfResults.find((candidate) => candidate === status) ?? 'temperror';
    // The evaluator's words explain only an error ("Too many DNS requests"); a plain result says it all.
    const explains = known === 'permerror' || known === 'temperror';
    const comment = explains && typeof result.status.comment === 'string' ? result.status.comment.replace(`${MTA}: `, '') : null;
    return { check: { ip, result: known, detail: comment }, record: result.rr ?? null };
  }

  async function dmarc(domain: string): Promise<DomainFacts['dmarc']> {
    try {
      const record = await getDmarcRecord(domain, resolve);
      return record ? { status: 'found', policy: dmarcPolicyOf(record), record: record.rr } : { status: 'absent' };
    } catch {
      return { status: 'lookupFailed' };
    }
  }

  return {
    async factsOf(domain: string, checkedAt: Date): Promise<DomainFacts> {
      const [mxFacts, spfFacts, dmarcFacts] = await Promise.all([
        mx(domain),
        Promise.all(sendingIps.map((ip) => spfFor(domain, ip))),
        dmarc(domain),
      ]);
      return {
        domain,
        checkedAt: checkedAt.toISOString(),
        mx: mxFacts,
        spf: { record: spfFacts.find((found) => found.record !== null)?.record ?? null, checks: spfFacts.map((found) => found.check) },
        dmarc: dmarcFacts,
      };
    },
  };
}
export type DomainLookups = ReturnType<typeof createDomainLookups>;
