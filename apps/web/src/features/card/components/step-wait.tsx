import type { CheckStep } from '@saatja/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Waits shorter than this pass without a progress bar, so quick steps do not flicker, ms. */
const SHOW_AFTER_MS = 1_500;
const TICK_MS = 500;

/**
 * A step that waits for the server (a greeting that may never come, a slow connect) shows how long
 * it has waited of how long it will wait, so the user knows the check is alive and when it ends.
 */
export function StepWait({ step, limitMs }: { step: CheckStep; limitMs: number }) {
  const { t } = useTranslation();
  const [started] = useState(() => Date.now());
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setElapsed(Math.min(Date.now() - started, limitMs)), TICK_MS);
    return () => clearInterval(timer);
  }, [started, limitMs]);
  if (elapsed < SHOW_AFTER_MS) return null;
  const seconds = { waited: Math.round(elapsed / 1000), limit: Math.round(limitMs / 1000) };
  const label = t('diagnostics.waiting', { step: t(`diagnostics.steps.${step}`), ...seconds });
  return (
    <div className="check-step__detail check-step__wait">
      <progress max={limitMs} value={elapsed} aria-label={label} />
      <p>{label}</p>
    </div>
  );
}
