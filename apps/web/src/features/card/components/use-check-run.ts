import type { CheckEvent, CheckMode, CheckStep, StepDetail, Verdict } from '@saatja/core';
import { useCallback, useState } from 'react';
import { runCheck } from '../api/run-check';

export interface StepState {
  step: CheckStep;
  status: 'running' | 'ok' | 'warning' | 'failed' | 'skipped';
  detail: StepDetail | null;
  /** While running: how long the server gets before the step gives up, ms. */
  limitMs: number | null;
}

export interface CheckRun {
  mode: CheckMode | null;
  running: boolean;
  steps: StepState[];
  verdict: Verdict | null;
  /** A refusal before the check started (rate limit, permission, bad recipient), or a broken stream. */
  error: unknown;
  /** The stream ended without a verdict. */
  incomplete: boolean;
}

const idle: CheckRun = { mode: null, running: false, steps: [], verdict: null, error: null, incomplete: false };

function apply(run: CheckRun, event: CheckEvent): CheckRun {
  if (event.type === 'verdict') return { ...run, verdict: event };
  const running = event.status === 'running';
  const next: StepState = {
    step: event.step,
    status: event.status,
    detail: running ? null : event.detail,
    limitMs: running ? (event.limitMs ?? null) : null,
  };
  const index = run.steps.findIndex((step) => step.step === event.step);
  const steps = index < 0 ? [...run.steps, next] : run.steps.map((step, i) => (i === index ? next : step));
  return { ...run, steps };
}

/** One check at a time; each streamed event updates the steps as it arrives. */
export function useCheckRun(userCode: string | undefined) {
  const [run, setRun] = useState<CheckRun>(idle);
  const start = useCallback(
    async (mode: CheckMode, to: string | undefined) => {
      setRun({ ...idle, mode, running: true });
      try {
        await runCheck({ mode, ...(to ? { to } : {}) }, userCode, (event) => setRun((current) => apply(current, event)));
        setRun((current) => ({ ...current, running: false, incomplete: current.verdict === null }));
      } catch (error) {
        setRun((current) => ({ ...current, running: false, error }));
      }
    },
    [userCode],
  );
  return { run, start };
}
