export const effective = {
  title: 'Kuidas sinu kirjad lähevad',
  server: 'Server',
  credentials: 'Autentimine',
  from: 'Saatja (From)',
  replyTo: 'Vastus aadressile (Reply-To)',
  servers: {
    vendor: '{{vendor}} server ({{relay}})',
    own: 'sinu oma: {{server}}',
    global: 'meili saatmise kasutaja {{code}}: {{server}}',
  },
  credentialSources: { own: 'sinu oma ({{user}})', global: 'meili saatmise kasutaja oma', none: 'puudub' },
  m365: 'Microsoft 365 OAuth ({{user}})',
  m365NotAuthenticated: 'Microsoft 365 OAuth ({{user}}) — pole autenditud, kirju ei saadeta',
  m365NeedsReauthentication: 'Microsoft 365 OAuth ({{user}}) — vajab uuesti autentimist, kirju ei saadeta',
  massMail: 'Masspostituse moodul on lubatud',
  massMailOff: 'Masspostituse moodul pole lubatud (vajab oma serverit)',
  passwordNeeded:
    'Parool on salvestatud teise serveri jaoks (meili saatmise kasutaja server muutus): sisesta parool uuesti. Seni kirju ei saadeta.',
  unsaved: 'Näidatakse salvestatud seadistust.',
};
