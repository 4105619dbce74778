import type { M365AuthResult } from '@saatja/core';
import { useEffect, useRef, useState } from 'react';
import { loadValidation, warmValidation } from '../../../lib/lazy-validation';

const POPUP_NAME = 'saatja-m365';
/** The sign-in window's size, CSS px: Microsoft's page fits in it. */
const POPUP_FEATURES = 'popup,width=520,height=680';
/** ms between checks whether the user closed the window without finishing. */
const CLOSED_POLL_MS = 500;

/**
 * The "Authenticate Microsoft 365" window. `open` must run synchronously in the click handler,
 * before anything is awaited, or the browser's popup blocker stops it; `navigate` then sends it to
 * the sign-in page. The result comes back as a postMessage from this app's own origin only.
 */
export function useM365Popup(onResult: (result: M365AuthResult) => void) {
  const onResultRef = useRef(onResult);
  const [popup, setPopup] = useState<Window | null>(null);

  useEffect(() => {
    onResultRef.current = onResult;
  }, [onResult]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      // The callback page posts to this exact origin; messages from anywhere else are ignored.
      if (event.origin !== window.location.origin) return;
      // The schema comes with the validation chunk, loaded when the window was opened.
      void loadValidation().then(({ m365Result }) => {
        const result = m365Result(event.data);
        if (!result) return;
        setPopup(null);
        onResultRef.current(result);
      });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    if (!popup) return;
    const timer = window.setInterval(() => {
      if (popup.closed) setPopup(null);
    }, CLOSED_POLL_MS);
    return () => window.clearInterval(timer);
  }, [popup]);

  return {
    /** Null when the browser blocked the window. */
    open: (): Window | null => {
      warmValidation();
      return window.open('about:blank', POPUP_NAME, POPUP_FEATURES);
    },
    /** False when there is no window to send (blocked or closed meanwhile): use the same-window fallback. */
    navigate(win: Window | null, url: string): boolean {
      if (!win || win.closed) return false;
      win.location.href = url;
      setPopup(win);
      return true;
    },
    waiting: popup !== null,
  };
}
