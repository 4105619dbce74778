import { CheckSteps } from './check-steps';
import { CheckVerdict } from './check-verdict';
import type { CheckRun } from './use-check-run';
import './diagnostics.css';

/** What a check reports: its steps as they happen, then the verdict. Its code loads with the first check (TestMailPanel). */
export function CheckResults({ run }: { run: CheckRun }) {
  return (
    <>
      <CheckSteps steps={run.steps} />
      <CheckVerdict run={run} />
    </>
  );
}
