import type { Messages } from '../messages';

export const effective: Messages['effective'] = {
  title: 'How your mail is sent',
  server: 'Server',
  credentials: 'Authentication',
  from: 'From',
  replyTo: 'Reply-To',
  servers: {
    vendor: '{{vendor}} server ({{relay}})',
    own: 'your own: {{server}}',
    global: 'mail sending user {{code}}: {{server}}',
  },
  credentialSources: { own: 'your own ({{user}})', global: 'the mail sending user’s', none: 'none' },
  m365: 'Microsoft 365 OAuth ({{user}})',
  m365NotAuthenticated: 'Microsoft 365 OAuth ({{user}}) — not authenticated, no mail is sent',
  m365NeedsReauthentication: 'Microsoft 365 OAuth ({{user}}) — needs re-authentication, no mail is sent',
  massMail: 'Mass-mail module enabled',
  massMailOff: 'Mass-mail module not enabled (needs your own server)',
  passwordNeeded:
    'The password was saved for another server (the mail sending user’s server changed): enter it again. Nothing is sent until then.',
  unsaved: 'Shows the saved configuration.',
};
