import { useEffect, useState } from 'react';

/** The few client-side routes Saatja has; no router library needed for them. */
export function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (next: string) => {
    window.history.pushState(null, '', next);
    setPath(next);
  };
  return [path, navigate];
}
