import type { Messages } from '../messages';

export const signIn: Messages['signIn'] = {
  title: 'Sign in',
  code: 'User code',
  password: 'Password',
  submit: 'Sign in',
};
