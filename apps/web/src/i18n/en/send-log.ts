import type { Messages } from '../messages';

export const sendLog: Messages['sendLog'] = {
  nav: 'Send log',
  title: 'Send log',
  intro: 'Every test mail, connection check and sent mail: when, whose configuration, through what, to whom and what happened. Passwords are never logged.',
  adminNote: 'As an admin you see every user’s entries.',
  caption: 'Send log, newest first',
  loading: 'Loading the send log…',
  empty: 'No entries yet. Send a test mail or check the connection on the card.',
  refresh: 'Refresh',
  more: 'Show older',
  columns: { at: 'Time', user: 'User', kind: 'Kind', transport: 'Through', recipient: 'Recipient', result: 'Result', reply: 'Server reply', duration: 'Duration' },
  kinds: { test: 'Test mail', check: 'Connection check', send: 'Mail' },
  results: { sent: 'Sent', checked: 'Checked', failed: 'Failed' },
  startedBy: 'started by {{code}}',
  duration: '{{seconds}} s',
};
