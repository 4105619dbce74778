import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../src/errors';
import { makeCardInputSchema } from '../src/mail-settings';

describe('toFieldErrors', () => {
  it('when an issue has a nested path, then the path is joined with dots', () => {
    expect(toFieldErrors([{ path: ['mailSender', 'smtp', 'host'], message: 'host.invalid' }])).toEqual({
      'mailSender.smtp.host': 'host.invalid',
    });
  });

  it('when a path holds numbers or symbols, then they are stringified', () => {
    expect(toFieldErrors([{ path: ['list', 0, Symbol('s')], message: 'x' }])).toEqual({ 'list.0.Symbol(s)': 'x' });
  });

  it('when a field has several issues, then the first one wins', () => {
    expect(
      toFieldErrors([
        { path: ['host'], message: 'required' },
        { path: ['port'], message: 'port.notOpen' },
        { path: ['host'], message: 'host.invalid' },
      ]),
    ).toEqual({ host: 'required', port: 'port.notOpen' });
  });

  it('when an issue has an empty path, then it is keyed by the empty string', () => {
    expect(toFieldErrors([{ path: [], message: 'validation' }])).toEqual({ '': 'validation' });
  });

  it('when there are no issues, then there are no field errors', () => {
    expect(toFieldErrors([])).toEqual({});
  });

  it('when real zod issues of an empty host come in without a global server, then the field shows "required" only', () => {
    const result = makeCardInputSchema({ openPorts: [587], inheritsServer: false }).safeParse({
      name: 'Mari',
      email: 'mari@firma.ee',
      mailSender: {
        mode: 'smtp',
        smtp: { host: '', port: 587, security: 'starttls', user: '', password: '', clearPassword: false },
      },
    });
    expect(result.success).toBe(false);
    expect(toFieldErrors(result.error?.issues ?? [])).toEqual({ 'mailSender.smtp.host': 'required' });
  });
});
