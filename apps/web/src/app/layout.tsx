import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveLanguage } from '../features/auth/api/save-language';
import { languages, setLanguage, type Language } from '../i18n';
import { navRoutes, type RouteContext } from './routes';

interface LayoutProps {
  /** Null before sign-in. */
  context: RouteContext | null;
  path: string;
  onSignOut: () => void;
  children: ReactNode;
}

export function Layout({ context, path, onSignOut, children }: LayoutProps) {
  const me = context?.me;
  const chooseLanguage = (language: Language) => {
    void setLanguage(language);
    // Remembered per user; a failure here only means the next browser starts in the old language.
    if (me) void saveLanguage(language).catch(() => undefined);
  };
  const { t, i18n } = useTranslation();
  const link = (to: string, label: string) => (
    <a
      href={to}
      aria-current={path === to ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        context?.navigate(to);
      }}
    >
      {label}
    </a>
  );
  return (
    <>
      <header className="topbar">
        <span className="topbar__brand">{t('app.title')}</span>
        {context && (
          <nav aria-label={t('app.mainNav')} className="topbar__nav">
            {navRoutes(context).map((route) => link(route.path, t(route.nav!)))}
          </nav>
        )}
        <div className="topbar__end">
          <label className="topbar__language">
            <span className="visually-hidden">{t('app.language')}</span>
            <select value={i18n.language} onChange={(event) => chooseLanguage(event.target.value as Language)}>
              {languages.map((language) => (
                <option key={language} value={language}>
                  {language.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
          {me && (
            <button type="button" className="button button--quiet" onClick={onSignOut}>
              {t('app.signOut')} ({me.code})
            </button>
          )}
        </div>
      </header>
      {children}
    </>
  );
}
