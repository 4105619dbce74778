import type { Messages } from '../messages';

export const m365: Messages['m365'] = {
  authenticate: 'Authenticate Microsoft 365',
  disconnect: 'Disconnect',
  waiting: 'Waiting for the sign-in in the Microsoft window…',
  notConnected:
    'Microsoft 365 is not authenticated. Press “Authenticate Microsoft 365” and sign in, in the window that opens, with the mailbox mail is sent from.',
  connected: 'Microsoft 365 is authenticated: mailbox {{account}} ({{date}}).',
  authenticateAgain: 'Authenticate again',
  fromMismatch:
    'Mail goes with the From {{email}}, but the authenticated mailbox is {{mailbox}}. Microsoft 365 sends only as the mailbox itself (otherwise 554 5.2.252 SendAsDenied) unless an Exchange admin gave it Send As rights.',
  useMailboxAddress: 'Use {{mailbox}} as the e-mail',
  smtpAuthHint:
    'The mailbox needs Authenticated SMTP turned on, even with OAuth: Microsoft 365 admin center > Users > Active users > the user > Mail > Manage email apps.',
  needsReauthentication:
    'Microsoft 365 needs re-authentication: the permission was revoked or has expired ({{reason}}). No mail is sent until you authenticate again.',
  accountMismatch:
    '{{account}} is authenticated, but User says {{user}}. No mail is sent: authenticate again with the right mailbox or correct User.',
  disconnected:
    'Microsoft 365 is disconnected and its tokens are deleted. No mail is sent until you press “Authenticate Microsoft 365” and sign in again.',
  popupBlocked: 'The browser blocked the pop-up window; the sign-in continues in this window…',
  results: {
    authenticated: 'Microsoft 365 is authenticated ({{account}}).',
    cancelled: 'The sign-in was cancelled: no permission was given on Microsoft’s page. Nothing changed.',
    invalidState: 'The sign-in could not be completed: the answer does not belong to this session or was already used. Please try again.',
    expiredState: 'The sign-in expired. Please try again.',
    accountMismatch:
      'You signed in as {{account}}, but the card says {{expected}}. No tokens were kept: sign in as {{expected}} or change User.',
    failed: 'The Microsoft 365 sign-in failed. Try again or contact your administrator.',
    failedWithCode: 'The Microsoft 365 sign-in failed ({{code}}). Try again or contact your administrator.',
  },
  errors: {
    m365ReauthRequired:
      'Microsoft 365 needs re-authentication: the permission was revoked or has expired. The mail was not sent. Press “Authenticate Microsoft 365” on the card.',
    m365NotAuthenticated: 'Microsoft 365 is not authenticated. The mail was not sent. Press “Authenticate Microsoft 365” on the card.',
    m365AccountMismatch: 'The card’s User is not the authenticated mailbox. The mail was not sent. Authenticate Microsoft 365 again.',
    m365NotConfigured: 'Microsoft 365 is not set up in this deployment. Contact your administrator.',
    m365Unavailable: 'Microsoft’s sign-in service is not answering. Please try again later.',
  },
};
