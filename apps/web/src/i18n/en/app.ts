import type { Messages } from '../messages';

export const app: Messages['app'] = {
  title: 'Saatja',
  signOut: 'Sign out',
  language: 'Language',
  mainNav: 'Main menu',
  userCard: 'User card',
  adminSettings: 'System settings',
  adminAudit: 'Audit log',
  adminUsers: 'Users',
  devMailbox: 'Dev mailbox',
  outbox: 'Outbox',
  tokens: 'API tokens',
  events: 'Events',
  sendLog: 'Send log',
  loading: 'Loading…',
};
