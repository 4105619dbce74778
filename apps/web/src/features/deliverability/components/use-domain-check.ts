import { emailDomain, type DeliverabilityAnswer } from '@saatja/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadValidation, type Validation } from '../../../lib/lazy-validation';
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
  const address = useValidAddress(email);
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

/**
 * The address in the field, if it is one. The address the card was loaded with is taken as it is
 * (it was saved through the shared schema, and the server checks it again when asked), so the first
 * look-up needs no validation code; an edited one is checked with the shared schema from the
 * validation chunk (loaded when the form got focus). Until that chunk is in, the last address stands.
 */
function useValidAddress(email: string): string | null {
  const [loaded] = useState(email);
  const [validation, setValidation] = useState<Validation | null>(null);
  const [last, setLast] = useState<string | null>(loaded);
  const edited = email !== loaded;
  useEffect(() => {
    if (edited && !validation) loadValidation().then(setValidation, () => undefined);
  }, [edited, validation, email]);
  let address = last;
  if (!edited) address = loaded;
  else if (validation) address = validation.validEmail(email);
  if (address !== last) setLast(address);
  return address;
}
