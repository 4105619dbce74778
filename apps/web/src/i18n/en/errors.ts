import type { Messages } from '../messages';

export const errors: Messages['errors'] = {
  required: 'Required.',
  tooLong: 'Too long.',
  controlChars: 'Line breaks and control characters are not allowed.',
  'email.invalid': 'Enter a valid e-mail address.',
  'host.invalid': 'Enter a server name (e.g. smtp.company.com) or an IP address.',
  'port.notOpen': 'Only ports {{ports}} are open.',
  'password.required': 'Enter the password, or empty the User field.',
  'password.reenter': 'The server, port, SSL/TLS or user changed: enter the password again.',
  'user.requiredWithPassword': 'A password needs a user.',
  'mode.invalid': 'Choose a mail sender.',
  unauthenticated: 'Your session has expired. Please sign in again.',
  invalidCredentials: 'Wrong user code or password.',
  forbidden: 'You are not allowed to do that.',
  csrf: 'The request was refused for security reasons. Reload the page.',
  notFound: 'Not found.',
  rateLimited: 'Too many attempts. Try again in a few minutes.',
  validation: 'Invalid input.',
  sendFailed: 'Sending the mail failed.',
  internal: 'Something went wrong. Please try again.',
  network: 'Could not reach the server.',
};
