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
  results: { sent: 'Sent', checked: 'Checked', failed: 'Failed', refused: 'Refused' },
  refusals: {
    targetNotAllowed: 'The server is not allowed: its name was not found, or it is not a public address on an open port.',
    rateLimited: 'Too many attempts in a short time; try again in a few minutes.',
    passwordNeeded: 'The password is missing: enter it on the card.',
    m365NotConfigured: 'Microsoft 365 is not set up in this deployment.',
    m365NotAuthenticated: 'Microsoft 365 is not authenticated.',
    m365ReauthRequired: 'Microsoft 365 needs to be authenticated again.',
    m365AccountMismatch: 'The Microsoft 365 account is not the one on the card.',
    m365Unavailable: 'Microsoft 365 sign-in could not be reached.',
  },
  startedBy: 'started by {{code}}',
  duration: '{{seconds}} s',
};
