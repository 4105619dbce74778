import type { BaseSyntheticEvent } from 'react';
import type { FieldValues, Resolver } from 'react-hook-form';
import type * as ValidationModule from './validation';

export type Validation = typeof ValidationModule;

let loading: Promise<Validation> | undefined;

/** The validation chunk (validation.ts), loaded once; a failed load is tried again at the next call. */
export function loadValidation(): Promise<Validation> {
  loading ??= import('./validation').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Start loading the validation chunk before it is needed (a form's first focus), so the first check does not wait. */
export function warmValidation(): void {
  loadValidation().catch(() => undefined);
}

/**
 * A resolver whose schema is built at the form's first validation, once the validation chunk is in.
 * A save right after the page loaded waits for the chunk; a chunk that cannot load rejects the
 * submission (see submitOrReport), it never passes unchecked values on.
 */
export function lazyResolver<Values extends FieldValues, Output>(
  make: (validation: Validation) => Resolver<Values, unknown, Output>,
): Resolver<Values, unknown, Output> {
  let resolver: Resolver<Values, unknown, Output> | undefined;
  return async (values, context, options) => {
    resolver ??= make(await loadValidation());
    return resolver(values, context, options);
  };
}

/**
 * A form's submit handler that reports a submission which failed before the form's own handler
 * ran (react-hook-form rethrows the resolver's error: here, the validation chunk did not load).
 */
export function submitOrReport(submit: (event?: BaseSyntheticEvent) => Promise<void>, report: (error: unknown) => void) {
  return (event?: BaseSyntheticEvent) => submit(event).catch(report);
}
