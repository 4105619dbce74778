import type { Me, PublicDeployment } from '@saatja/core';
import type { ComponentType, ReactNode } from 'react';
import { lazyPart } from '../components/ui/lazy-part';
import { loadPageMessages } from '../i18n';
import { CardPage } from '../features/card/components/card-page';
import { takePrefetchedCard } from './boot-requests';
import { DeliverabilityPanel } from '../features/deliverability/components/deliverability-panel';

/**
 * A page other than the card: its code and its messages load on demand, so the card loads least.
 * If they cannot load, the page's place says so (app.tsx renders routes in a LazyPart).
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazyPart(() => Promise.all([load(), loadPageMessages()]).then(([Page]) => Page));
}
const SettingsPage = lazyPage(() => import('../features/admin/components/settings-page').then((m) => m.SettingsPage));
const AuditPage = lazyPage(() => import('../features/admin/components/audit-page').then((m) => m.AuditPage));
const UsersPage = lazyPage(() => import('../features/admin/components/users-page').then((m) => m.UsersPage));
const DevMailboxPage = lazyPage(() => import('../features/dev-mailbox/components/dev-mailbox-page').then((m) => m.DevMailboxPage));
const EventsPage = lazyPage(() => import('../features/events/components/events-page').then((m) => m.EventsPage));
const OutboxPage = lazyPage(() => import('../features/outbox/components/outbox-page').then((m) => m.OutboxPage));
const TokensPage = lazyPage(() => import('../features/admin/components/tokens-page').then((m) => m.TokensPage));
const SendLogPage = lazyPage(() => import('../features/send-log/components/send-log-page').then((m) => m.SendLogPage));

export interface RouteContext {
  me: Me;
  deployment: PublicDeployment;
  navigate: (path: string) => void;
}

interface Route {
  /** Exact path, or a pattern with one `:param`. */
  path: string;
  /** Shown in the main navigation with this i18n key, when allowed. */
  nav?: string;
  allowed?: (context: RouteContext) => boolean;
  render: (context: RouteContext, param: string | undefined) => ReactNode;
}

const isAdmin = ({ me }: RouteContext) => me.role === 'admin';

/** The card with its deliverability advice (two features, composed here). */
const card = (deployment: PublicDeployment, userCode?: string, prefetched?: ReturnType<typeof takePrefetchedCard>) => (
  <CardPage
    key={userCode}
    deployment={deployment}
    userCode={userCode}
    prefetched={prefetched}
    advice={(slot) => <DeliverabilityPanel {...slot} userCode={userCode} vendor={deployment.vendorName} />}
  />
);

/** Every page of the app; the first route is the home page (the user's own card). */
export const routes: Route[] = [
  { path: '/', nav: 'app.userCard', render: ({ deployment }) => card(deployment, undefined, takePrefetchedCard()) },
  {
    path: '/admin/users',
    nav: 'app.adminUsers',
    allowed: isAdmin,
    render: ({ navigate, deployment }) => <UsersPage navigate={navigate} vendor={deployment.vendorName} />,
  },
  {
    path: '/admin/users/:code',
    allowed: isAdmin,
    render: ({ deployment }, code) => card(deployment, code),
  },
  {
    path: '/admin/settings',
    nav: 'app.adminSettings',
    allowed: isAdmin,
    render: ({ deployment }) => <SettingsPage vendor={deployment.vendorName} />,
  },
  {
    path: '/admin/audit',
    nav: 'app.adminAudit',
    allowed: isAdmin,
    render: ({ deployment }) => <AuditPage vendor={deployment.vendorName} />,
  },
  { path: '/admin/tokens', nav: 'app.tokens', allowed: isAdmin, render: () => <TokensPage /> },
  { path: '/outbox', nav: 'app.outbox', render: ({ me }) => <OutboxPage isAdmin={me.role === 'admin'} /> },
  {
    path: '/events',
    nav: 'app.events',
    render: ({ me, deployment }) => <EventsPage vendor={deployment.vendorName} isAdmin={me.role === 'admin'} />,
  },
  {
    path: '/send-log',
    nav: 'app.sendLog',
    render: ({ me, deployment }) => <SendLogPage isAdmin={me.role === 'admin'} vendor={deployment.vendorName} />,
  },
  { path: '/dev/mailbox', nav: 'app.devMailbox', allowed: ({ deployment }) => deployment.devMode, render: () => <DevMailboxPage /> },
];

function match(route: Route, path: string): { param: string | undefined } | null {
  const [prefix, name] = route.path.split('/:');
  if (!name) return route.path === path ? { param: undefined } : null;
  if (!path.startsWith(`${prefix}/`)) return null;
  const param = decodeURIComponent(path.slice(prefix!.length + 1));
  return param && !param.includes('/') ? { param } : null;
}

/** The page for `path`; unknown or forbidden paths show the home page. */
export function renderRoute(path: string, context: RouteContext): ReactNode {
  for (const route of routes) {
    const found = match(route, path);
    if (found && (route.allowed?.(context) ?? true)) return route.render(context, found.param);
  }
  return routes[0]!.render(context, undefined);
}

export const navRoutes = (context: RouteContext) => routes.filter((route) => route.nav && (route.allowed?.(context) ?? true));
