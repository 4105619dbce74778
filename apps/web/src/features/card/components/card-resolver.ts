import type { Resolver } from 'react-hook-form';
import { lazyResolver } from '../../../lib/lazy-validation';
import type { CardFormValues, CardInput } from '../card-form-values';

/**
 * The card's schema, loaded and built at the first validation rather than with the page: the card
 * is on screen sooner, and a user who only reads it never needs it (see lazyResolver).
 */
export function cardResolver(openPorts: readonly number[], inheritsServer: boolean): Resolver<CardFormValues, unknown, CardInput> {
  // The schema's input is a union on `mode`; the form holds all modes' fields (see CardFormValues).
  return lazyResolver(
    ({ zodResolver, makeCardInputSchema }) =>
      zodResolver(makeCardInputSchema({ openPorts, inheritsServer })) as unknown as Resolver<CardFormValues, unknown, CardInput>,
  );
}
