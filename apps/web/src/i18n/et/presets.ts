export const presets = {
  label: 'Teenusepakkuja',
  none: 'Vali teenusepakkuja (valikuline)',
  names: {
    gmail: 'Google Gmail',
    microsoft365: 'Microsoft 365',
    zone: 'Zone',
    mailee: 'Telia (mail.ee)',
    'telia-exchange': 'Microlink/Telia Exchange',
  },
  gmail: {
    appPassword: 'Gmail vajab 2-astmelist kinnitamist ja eraldi 16-märgilist rakenduse parooli (myaccount.google.com/apppasswords).',
    noSpaces: 'Google näitab rakenduse parooli tühikutega; Saatja eemaldab tühikud ise.',
    sentFolder: 'Saadetud kirjad jäävad ka Gmaili saadetud kirjade kausta.',
  },
  microsoft365: {
    useOauth: 'Microsoft lõpetab paroolidega SMTP autentimise: kasuta meili saatjat „Microsoft 365 OAUTH“.',
    authenticatedSmtp:
      'Postkastil peab olema lubatud Authenticated SMTP (halduskeskus > Users > Active users > kasutaja > Mail > Manage email apps).',
  },
  zone: { appPassword: 'Kui kasutad kaheastmelist autentimist (2FA), loo Zone’i rakenduse parool ja kasuta seda.' },
  mailee: {
    enableSmtp: 'Väline SMTP ligipääs on vaikimisi väljas; lülita see mail.ee seadetes sisse ja kasuta sealt saadud eraldi parooli.',
    rateLimit: 'mail.ee lubab umbes 15 kirja tunnis ja sulgeb ligipääsu, kui seda ületada.',
  },
  teliaExchange: { askProvider: 'Serveri nime ja SSL/TLS valiku annab teenusepakkuja.' },
};

export const advice = {
  tlsMismatch: 'Pordil {{port}} kasutatakse tavaliselt valikut {{recommended}}.',
  applyRecommended: 'Kasuta {{recommended}}',
  useM365: 'Microsoft lõpetab paroolidega SMTP autentimise (pärast seda vastab server 550 5.7.30). Kasuta OAuth’i.',
  switchToM365: 'Lülitu Microsoft 365 OAUTH peale',
  gmailAppPassword: 'See ei paista Gmaili rakenduse paroolina (16 tähte). Tavaline Google’i parool SMTP jaoks ei tööta.',
  maileeRateLimit: 'mail.ee lubab umbes 15 kirja tunnis ja sulgeb ligipääsu, kui seda ületada. Ära kasuta seda massiliseks saatmiseks.',
};
