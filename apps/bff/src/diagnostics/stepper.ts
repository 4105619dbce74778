import { performance } from 'node:perf_hooks';
import type { CheckStep, SkipReason, StepDetail, StepEvent } from '@saatja/core';
import { SmtpCheckError } from './check-error';

/** Reports each step as it starts and as it ends, so the browser shows the check as it runs. */
export function createStepper(emit: (event: StepEvent) => void) {
  return {
    async run<T>(step: CheckStep, work: () => Promise<T>, detail: (result: T) => StepDetail, limitMs?: number): Promise<T> {
      emit({ type: 'step', step, status: 'running', ...(limitMs === undefined ? {} : { limitMs }) });
      const started = performance.now();
      const durationMs = () => Math.round(performance.now() - started);
      try {
        const result = await work();
        const found = detail(result);
        emit({ type: 'step', step, status: found.skipped ? 'skipped' : 'ok', detail: found, durationMs: durationMs() });
        return result;
      } catch (error) {
        const reply = error instanceof SmtpCheckError ? error.failure.response : null;
        emit({ type: 'step', step, status: 'failed', detail: reply ? { reply } : {}, durationMs: durationMs() });
        throw error;
      }
    },
    skip(step: CheckStep, skipped: SkipReason): void {
      emit({ type: 'step', step, status: 'skipped', detail: { skipped }, durationMs: 0 });
    },
  };
}
export type Stepper = ReturnType<typeof createStepper>;
