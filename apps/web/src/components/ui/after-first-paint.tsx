import { useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its children a task after the screen around it: for panels the first screen does not
 * need at once (below the form, or waiting for a request anyway), so the fields come up sooner.
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setPainted(true));
    return () => clearTimeout(timer);
  }, []);
  return painted ? children : null;
}
