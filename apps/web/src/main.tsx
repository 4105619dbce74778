// First: the first screen's requests start before anything else runs.
import { bootReady } from './app/boot-requests';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { setLanguage, storedLanguage } from './i18n';
import './styles.css';

// One render with everything the first screen needs: the session, the own card and the language's
// messages (the user's language when signed in, else this browser's last). The requests run in
// parallel and usually have answered by now (index.html preloads them).
const session = await bootReady();
await setLanguage(session.state === 'ready' && session.me ? session.me.language : storedLanguage());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App initial={session} />
  </StrictMode>,
);
