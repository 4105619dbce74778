import type { SendLogRoute } from '@saatja/core';
import { useTranslation } from 'react-i18next';

/** Where an attempt went, in words: "Directo server (relay.host:587, STARTTLS)", "own server … as user". */
export function RouteText({ route, vendor }: { route: SendLogRoute; vendor: string }) {
  const { t } = useTranslation();
  switch (route.kind) {
    case 'relay':
      return (
        <>
          {t('sendLog.routes.relay', { vendor, server: `${route.host}:${route.port}`, security: t(`sendLog.security.${route.security}`) })}
        </>
      );
    case 'smtp': {
      const server = t(route.owner === 'global' ? 'sendLog.routes.globalServer' : 'sendLog.routes.ownServer', {
        server: `${route.host}:${route.port}`,
        security: t(`sendLog.security.${route.security}`),
      });
      return (
        <>
          {server},{' '}
          {route.user
            ? t(`sendLog.routes.login.${route.owner === 'global' ? 'global' : 'own'}`, { user: route.user })
            : t('sendLog.routes.noLogin')}
        </>
      );
    }
    case 'm365':
      return <>{t(route.owner === 'global' ? 'sendLog.routes.m365Global' : 'sendLog.routes.m365', { user: route.user })}</>;
    case 'other':
      return <code>{route.text}</code>;
  }
}
