import type { Me } from '@saatja/core';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../components/ui/banner';
import { LazyPart } from '../components/ui/lazy-part';
import { signOut } from '../features/auth/api/sign-out';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { translateError } from '../lib/translate-error';
import type { BootSession } from './boot-requests';
import { Layout } from './layout';
import { rememberLanguage, setLanguage, type Language } from '../i18n';
import { usePath } from './router';
import { renderRoute } from './routes';

interface AppProps {
  /** The session as read at start-up (see boot-requests.ts). */
  initial: BootSession;
}

export function App({ initial }: AppProps) {
  const { t, i18n } = useTranslation();
  const [path, navigate] = usePath();
  const [session, setSession] = useState<BootSession>(initial);
  useEffect(() => rememberLanguage(i18n.language as Language), [i18n.language]);

  if (session.state === 'failed') {
    return (
      <main className="page">
        <Banner tone="error">{translateError(t, session.error)}</Banner>
      </main>
    );
  }

  const { me, deployment } = session;
  const setMe = (next: Me | null) => {
    if (next) void setLanguage(next.language);
    setSession({ state: 'ready', me: next, deployment });
  };
  const onSignOut = () => void signOut().finally(() => setMe(null));

  return (
    <Layout context={me ? { me, deployment, navigate } : null} path={path} onSignOut={onSignOut}>
      {me ? (
        // Keyed by the path: a page whose code did not load leaves the next page unaffected.
        <LazyPart key={path} errorClassName="page">
          <Suspense
            fallback={
              <p className="page" aria-busy="true">
                {t('app.loading')}
              </p>
            }
          >
            {renderRoute(path, { me, deployment, navigate })}
          </Suspense>
        </LazyPart>
      ) : (
        <SignInPage onSignedIn={setMe} />
      )}
    </Layout>
  );
}
