import { emailDomain, emailSchema, type DeliverabilityAnswer } from '@saatja/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod/mini';
import { getDeliverability } from '../api/get-deliverability';

/** ms after the last keystroke before a changed address is looked up. */
const TYPING_PAUSE_MS = 700;

export type DomainCheck =
  | { status: 'idle' }
  | { status: 'checking'; domain: string }
  | { status: 'done'; answer: DeliverabilityAnswer }
  | { status: 'failed'; domain: string; error: unknown };

/**
 * The facts of the e-mail's domain: asked once the card has painted, again when the address moves to
 * another domain (after a pause in typing), and on demand. An answer for an address no longer in
 * the field is dropped.
 */
export function useDomainCheck(email: string, userCode: string | undefined) {
  const [check, setCheck] = useState<DomainCheck>({ status: 'idle' });
  const latest = useRef(0);
  const asked = useRef<string | null>(null);
  const valid = z.safeParse(emailSchema, email);
  const address = valid.success ? valid.data : null;
  const domain = address ? emailDomain(address) : null;

  const run = useCallback(
    (target: string, refresh: boolean) => {
      const id = ++latest.current;
      asked.current = emailDomain(target);
      setCheck({ status: 'checking', domain: emailDomain(target) });
      getDeliverability(target, { userCode, refresh }).then(
        (answer) => id === latest.current && setCheck({ status: 'done', answer }),
        (error: unknown) => id === latest.current && setCheck({ status: 'failed', domain: emailDomain(target), error }),
      );
    },
    [userCode],
  );

  useEffect(() => {
    if (!address || !domain || domain === asked.current) return;
    // The first check starts at once (the card is already on screen); later ones wait for a pause in typing.
    const timer = setTimeout(() => run(address, false), asked.current === null ? 0 : TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [address, domain, run]);

  const recheck = useCallback(() => {
    if (address) run(address, true);
  }, [address, run]);

  // A check of another domain than the field now holds is out of date.
  const current = check.status === 'done' ? check.answer.facts.domain : check.status === 'idle' ? null : check.domain;
  return { check: current === domain ? check : ({ status: 'idle' } as const), recheck, domain };
}
