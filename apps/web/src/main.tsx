// First: the first screen's requests start before anything else runs.
import { bootReady } from './app/boot-requests';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { i18nReady, setLanguage } from './i18n';
import './styles.css';

// One render with everything the first screen needs: the language's messages, the session, the
// own card. The requests run in parallel and usually have answered by now (index.html preloads them).
const [session] = await Promise.all([bootReady(), i18nReady]);
if (session.state === 'ready' && session.me) await setLanguage(session.me.language);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initial={session} />
  </StrictMode>,
);
