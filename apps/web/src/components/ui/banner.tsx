import type { ReactNode } from 'react';

interface BannerProps {
  tone: 'success' | 'error' | 'warning' | 'info';
  children: ReactNode;
}

/** A message announced to screen readers: errors assertively, the rest politely. */
export function Banner({ tone, children }: BannerProps) {
  return (
    <div className={`banner banner--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
