/** Microsoft 365 OAuth on the user card (SPEC §2). */
export const m365 = {
  authenticate: 'Autendi Microsoft 365',
  disconnect: 'Katkesta ühendus',
  waiting: 'Ootan sisselogimist Microsofti aknas…',
  notConnected:
    'Microsoft 365 pole autenditud. Vajuta „Autendi Microsoft 365“ ja logi avanevas aknas sisse postkastiga, millelt kirjad lähevad.',
  connected: 'Microsoft 365 on autenditud: postkast {{account}} ({{date}}).',
  authenticateAgain: 'Autendi uuesti',
  fromMismatch:
    'Kirjad lähevad saatjaga {{email}}, kuid autenditud postkast on {{mailbox}}. Microsoft 365 lubab saata ainult postkasti enda nimel (muidu 554 5.2.252 SendAsDenied), kui Exchange’i administraator pole andnud Send As õigust.',
  useMailboxAddress: 'Kasuta e-postina {{mailbox}}',
  smtpAuthHint:
    'Postkastil peab olema Authenticated SMTP sisse lülitatud ka OAuthiga: Microsoft 365 halduskeskus > Users > Active users > kasutaja > Mail > Manage email apps.',
  needsReauthentication:
    'Microsoft 365 vajab uuesti autentimist: luba on tühistatud või aegunud ({{reason}}). Kirju ei saadeta enne, kui autendid uuesti.',
  accountMismatch:
    'Autenditud on {{account}}, kuid Kasutaja väljal on {{user}}. Kirju ei saadeta: autendi uuesti õige postkastiga või paranda Kasutaja.',
  disconnected:
    'Microsoft 365 ühendus on katkestatud ja tõendid kustutatud. Kirju ei saadeta, kuni vajutad „Autendi Microsoft 365“ ja logid uuesti sisse.',
  popupBlocked: 'Brauser blokeeris hüpikakna, sisselogimine jätkub selles aknas…',
  results: {
    authenticated: 'Microsoft 365 on autenditud ({{account}}).',
    cancelled: 'Sisselogimine katkestati: Microsofti lehel ei antud luba. Midagi ei muutunud.',
    invalidState: 'Sisselogimist ei saanud lõpetada: vastus ei kuulu sellele seansile või on juba kasutatud. Proovi uuesti.',
    expiredState: 'Sisselogimine aegus. Proovi uuesti.',
    accountMismatch:
      'Sisse logiti postkastiga {{account}}, kuid kaardil on {{expected}}. Tõendeid ei salvestatud: logi sisse postkastiga {{expected}} või muuda Kasutaja välja.',
    failed: 'Microsoft 365 sisselogimine ebaõnnestus. Proovi uuesti või pöördu administraatori poole.',
    failedWithCode: 'Microsoft 365 sisselogimine ebaõnnestus ({{code}}). Proovi uuesti või pöördu administraatori poole.',
  },
  /** The BFF's `detail` of a refused send or sign-in. */
  errors: {
    m365ReauthRequired:
      'Microsoft 365 vajab uuesti autentimist: luba on tühistatud või aegunud. Kirja ei saadetud. Vajuta kaardil „Autendi Microsoft 365“.',
    m365NotAuthenticated: 'Microsoft 365 pole autenditud. Kirja ei saadetud. Vajuta kaardil „Autendi Microsoft 365“.',
    m365AccountMismatch: 'Kaardi Kasutaja ei ole autenditud postkast. Kirja ei saadetud. Autendi Microsoft 365 uuesti.',
    m365NotConfigured: 'Microsoft 365 pole selles paigalduses seadistatud. Pöördu administraatori poole.',
    m365Unavailable: 'Microsofti sisselogimisteenus ei vasta. Proovi mõne aja pärast uuesti.',
  },
};
