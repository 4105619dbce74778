import type { Messages } from '../messages';

export const deliverability: Messages['deliverability'] = {
  title: 'Will your mail arrive?',
  checking: 'Checking the settings of {{domain}}…',
  apiFailed: 'Could not check {{domain}}: {{reason}}',
  checkingShort: 'checking…',
  recheck: 'Check again',
  applied: 'Chosen: {{choice}}. Save the card to keep it.',
  useMode: 'Choose {{mode}}',
  usePreset: 'Use the {{provider}} settings',
  ok: {
    relayAsUser: '{{domain}} allows {{vendor}}’s mail servers to send in its name. Mail sent from your address should arrive normally.',
    relayAsEventMailbox:
      'With {{vendor}}-Reply-To your mail is sent from the company’s address, so the settings of {{domain}} do not affect delivery. Replies still come to you.',
    ownServer: 'Your mail goes through your own mail server; {{vendor}}’s servers are not involved.',
  },
  warning: 'Mail sent from your address ({{domain}}) through {{vendor}} may land in the spam folder.',
  danger: 'Mail sent from your address ({{domain}}) through {{vendor}} will probably land in spam or be refused.',
  unknown:
    'Could not check the settings of {{domain}} right now (its DNS did not answer). This does not mean anything is wrong: try again later.',
  spf: {
    pass: 'The SPF record of {{domain}} allows {{vendor}}’s servers.',
    fail: 'The SPF record of {{domain}} (the list of servers allowed to send its mail) does not include {{vendor}}’s servers, and asks receivers to refuse mail from any other server.',
    softfail:
      'The SPF record of {{domain}} (the list of servers allowed to send its mail) does not include {{vendor}}’s servers, and asks receivers to treat mail from other servers as suspicious.',
    neutral:
      'The SPF record of {{domain}} (the list of servers allowed to send its mail) does not include {{vendor}}’s servers and says nothing about other servers, so receivers decide on their own.',
    none: '{{domain}} has no SPF record (the list of servers allowed to send its mail). Many receivers treat such mail as suspicious.',
    permerror:
      'The SPF record of {{domain}} (the list of servers allowed to send its mail) has an error, so receivers cannot use it and usually treat the mail as not allowed.',
    temperror: 'The SPF record of {{domain}} could not be checked.',
  },
  someServers: 'Some of {{vendor}}’s servers are allowed, but not these: {{ips}}.',
  dmarc: {
    reject: 'On top of that, the domain’s DMARC policy (p=reject) asks receivers to refuse such mail.',
    quarantine: 'On top of that, the domain’s DMARC policy (p=quarantine) asks receivers to put such mail in the spam folder.',
    none: 'The domain’s DMARC policy (p=none) asks receivers for nothing more.',
    absent: 'The domain has no DMARC policy.',
    unknown: 'The domain’s DMARC policy could not be checked.',
  },
  whatToDo: 'What you can do',
  recommend: {
    replyTo:
      'Choose {{vendor}}-Reply-To: mail is sent from the company’s address, which passes these checks, and replies still come to you.',
    ownServer: 'Or send through your own mail server (SMTP): then your mail provider’s rules apply.',
    ownServerKnown: 'Or send through {{provider}}, where the mail of {{domain}} already is:',
    addToSpf: 'Or ask whoever manages {{domain}} to add {{vendor}}’s servers to its SPF record:',
    repairSpf: 'Or ask whoever manages {{domain}} to repair its SPF record and add {{vendor}}’s servers:',
    changedRecord: 'The record would then read:',
    newRecord: 'A new record could read (if the domain sends mail from other servers too, list them as well):',
  },
  provider: {
    google: 'The mail of {{domain}} is at Google (Gmail / Google Workspace).',
    microsoft365: 'The mail of {{domain}} is at Microsoft 365: use Microsoft 365 OAUTH.',
    zone: 'The mail of {{domain}} is at Zone.',
    mailee: 'The mail of {{domain}} is at mail.ee.',
    unknown: 'The mail service of {{domain}} could not be recognised.',
  },
  providerNames: {
    google: 'Google (Gmail / Workspace)',
    microsoft365: 'Microsoft 365',
    zone: 'Zone',
    mailee: 'mail.ee',
    unknown: 'unknown',
  },
  result: {
    pass: 'allowed (pass)',
    fail: 'refused (fail)',
    softfail: 'suspicious (softfail)',
    neutral: 'not stated (neutral)',
    none: 'no SPF record (none)',
    temperror: 'could not check (temperror)',
    permerror: 'broken record (permerror)',
  },
  details: {
    title: 'Technical details',
    mx: 'Mail servers (MX)',
    spf: 'SPF record',
    dmarc: 'DMARC record',
    ipResult: '{{ip}}: {{result}}',
    checkedAt: 'Checked',
    none: 'none',
    lookupFailed: 'could not check',
  },
  severity: {
    ok: 'OK',
    warning: 'May land in spam',
    danger: 'Spam or refused',
    unknown: 'Could not check',
    notAffected: 'Not affected by the domain',
  },
};
