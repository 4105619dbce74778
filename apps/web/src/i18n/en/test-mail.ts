import type { Messages } from '../messages';

export const testMail: Messages['testMail'] = {
  title: 'Test mail',
  send: 'Send test mail',
  sending: 'Sending…',
  sent: 'Test mail sent to {{to}}.',
  failed: 'Sending the test mail failed.',
  serverReply: 'Server replied: {{reply}}',
  saveFirst: 'Save your changes before sending a test mail.',
};
