import type { Messages } from '../messages';

export const testMail: Messages['testMail'] = {
  title: 'Test mail',
  send: 'Send test mail',
  sending: 'Sending…',
  sent: 'Test mail sent to {{to}}.',
  failedAt: 'The test mail was not sent: the step “{{step}}” failed.',
  failed: 'Sending the test mail failed.',
  serverReply: 'Server replied: {{reply}}',
  saveFirst: 'Save your changes before sending a test mail.',
};
