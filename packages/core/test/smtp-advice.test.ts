import { describe, expect, it } from 'vitest';
import { findPreset, presetForHost, providerPresets } from '../src/presets';
import { adviseSmtp, recommendedSecurity, type SmtpDraft } from '../src/smtp-advice';

const draft = (overrides: Partial<SmtpDraft>): SmtpDraft => ({
  host: 'smtp.firma.ee',
  port: 587,
  security: 'starttls',
  user: 'mari',
  password: '',
  ...overrides,
});

describe('recommendedSecurity', () => {
  it.each([
    [465, 'ssl'],
    [587, 'starttls'],
    [25, 'starttls'],
    [2525, 'starttls'],
  ] as const)('when the port is %i, then %s is recommended', (port, security) => {
    expect(recommendedSecurity(port)).toBe(security);
  });
});

describe('adviseSmtp', () => {
  it.each([
    { what: 'STARTTLS on 587', input: draft({}), advice: [] },
    { what: 'SSL on 465', input: draft({ port: 465, security: 'ssl' }), advice: [] },
    { what: 'SSL on 587', input: draft({ security: 'ssl' }), advice: [{ kind: 'tlsMismatch', recommended: 'starttls' }] },
    { what: 'STARTTLS on 465', input: draft({ port: 465 }), advice: [{ kind: 'tlsMismatch', recommended: 'ssl' }] },
    { what: 'SSL on 25', input: draft({ port: 25, security: 'ssl' }), advice: [{ kind: 'tlsMismatch', recommended: 'starttls' }] },
    { what: 'no port chosen yet', input: draft({ port: undefined, security: 'ssl' }), advice: [] },
    { what: 'plain text', input: draft({ security: 'none' }), advice: [{ kind: 'plainText' }] },
    {
      what: 'a password login at Microsoft 365',
      input: draft({ host: 'SMTP.office365.com ', user: 'mari@firma.ee' }),
      advice: [{ kind: 'useM365' }],
    },
    { what: 'Microsoft 365 without a user', input: draft({ host: 'smtp.office365.com', user: '' }), advice: [] },
    {
      what: 'a Gmail App password with spaces',
      input: draft({ host: 'smtp.gmail.com', port: 465, security: 'ssl', password: 'abcd efgh ijkl mnop' }),
      advice: [],
    },
    {
      what: 'a Gmail account password',
      input: draft({ host: 'smtp.gmail.com', port: 465, security: 'ssl', password: 'hunter2' }),
      advice: [{ kind: 'gmailAppPassword' }],
    },
    { what: 'Gmail with no new password typed', input: draft({ host: 'smtp.gmail.com', port: 465, security: 'ssl' }), advice: [] },
    { what: 'mail.ee', input: draft({ host: 'mail.ee', port: 465, security: 'ssl' }), advice: [{ kind: 'maileeRateLimit' }] },
  ])('when the draft is $what, then the advice is $advice', ({ input, advice }) => {
    expect(adviseSmtp(input)).toEqual(advice);
  });
});

describe('provider presets', () => {
  it('when a preset is looked up by id or host, then the source document facts come back', () => {
    expect(findPreset('gmail')?.server).toEqual({ host: 'smtp.gmail.com', port: 465, security: 'ssl' });
    expect(findPreset('zone')?.server).toEqual({ host: 'smtp.zone.eu', port: 587, security: 'starttls' });
    expect(findPreset('mailee')?.server).toEqual({ host: 'mail.ee', port: 465, security: 'ssl' });
    expect(presetForHost(' SMTP.Office365.com')?.preferredMode).toBe('m365');
    expect(findPreset('nope')).toBeUndefined();
    expect(presetForHost('smtp.firma.ee')).toBeUndefined();
  });

  it('when any preset has a server, then its security is the one recommended for its port', () => {
    for (const preset of providerPresets) {
      if (preset.server) expect(preset.server.security).toBe(recommendedSecurity(preset.server.port));
      expect(preset.guidance.length).toBeGreaterThan(0);
    }
  });
});
