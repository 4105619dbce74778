import type { Messages } from '../messages';

export const devMailbox: Messages['devMailbox'] = {
  title: 'Dev mailbox',
  intro: 'Mail received by the local mail catcher (dev mode only).',
  empty: 'No mail yet.',
  from: 'From',
  to: 'To',
  subject: 'Subject',
  replyTo: 'Reply-To',
  refresh: 'Refresh',
};
