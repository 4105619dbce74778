/** The card's "Will your mail arrive?" panel and the users page's column, for people who never heard of SPF. */
export const deliverability = {
  title: 'Kas su kirjad jõuavad kohale?',
  checking: 'Kontrollin domeeni {{domain}} seadistust…',
  apiFailed: 'Domeeni {{domain}} kontroll ei õnnestunud: {{reason}}',
  checkingShort: 'kontrollin…',
  recheck: 'Kontrolli uuesti',
  applied: 'Valitud: {{choice}}. Salvesta kaart, et muudatus jääks.',
  useMode: 'Vali {{mode}}',
  usePreset: 'Kasuta {{provider}} seadistust',
  ok: {
    relayAsUser:
      'Domeen {{domain}} lubab {{vendor}} serveritel oma nimel kirju saata. Sinu aadressilt saadetud kirjad peaksid kohale jõudma.',
    relayAsEventMailbox:
      'Valikuga {{vendor}}-Reply-To saadetakse kirjad ettevõtte aadressilt, nii et domeeni {{domain}} seadistus kohalejõudmist ei mõjuta. Vastused tulevad ikka sulle.',
    ownServer: 'Sinu kirjad lähevad sinu enda meiliserveri kaudu; {{vendor}} serverid sellega seotud ei ole.',
  },
  warning: 'Kui saadad {{vendor}} kaudu oma aadressilt ({{domain}}), võivad kirjad jõuda rämpsposti.',
  danger: 'Kui saadad {{vendor}} kaudu oma aadressilt ({{domain}}), jõuavad kirjad tõenäoliselt rämpsposti või lükatakse tagasi.',
  unknown:
    'Domeeni {{domain}} seadistust ei õnnestunud praegu kontrollida (DNS ei vastanud). See ei tähenda, et midagi oleks valesti: proovi hiljem uuesti.',
  spf: {
    pass: 'Domeeni {{domain}} SPF-kirje lubab {{vendor}} servereid.',
    fail: 'Domeeni {{domain}} SPF-kirje (loend serveritest, mis tohivad domeeni nimel kirju saata) ei sisalda {{vendor}} servereid ja palub teistest serveritest tulnud kirjad tagasi lükata.',
    softfail:
      'Domeeni {{domain}} SPF-kirje (loend serveritest, mis tohivad domeeni nimel kirju saata) ei sisalda {{vendor}} servereid ja palub teistest serveritest tulnud kirju kahtlaseks pidada.',
    neutral:
      'Domeeni {{domain}} SPF-kirje (loend serveritest, mis tohivad domeeni nimel kirju saata) ei sisalda {{vendor}} servereid ega ütle teiste serverite kohta midagi, nii et vastuvõtjad otsustavad ise.',
    none: 'Domeenil {{domain}} pole SPF-kirjet (loendit serveritest, mis tohivad domeeni nimel kirju saata). Paljud vastuvõtjad peavad selliseid kirju kahtlaseks.',
    permerror:
      'Domeeni {{domain}} SPF-kirjes (loendis serveritest, mis tohivad domeeni nimel kirju saata) on viga, nii et vastuvõtjad ei saa seda kasutada ja käsitlevad kirju tavaliselt kui keelatuid.',
    temperror: 'Domeeni {{domain}} SPF-kirjet ei õnnestunud kontrollida.',
  },
  someServers: 'Osa {{vendor}} servereid on lubatud, kuid need mitte: {{ips}}.',
  dmarc: {
    reject: 'Lisaks palub domeeni DMARC-reegel (p=reject) vastuvõtjatel sellised kirjad tagasi lükata.',
    quarantine: 'Lisaks palub domeeni DMARC-reegel (p=quarantine) vastuvõtjatel panna sellised kirjad rämpsposti.',
    none: 'Domeeni DMARC-reegel (p=none) ei palu vastuvõtjatelt rohkem midagi.',
    absent: 'Domeenil pole DMARC-reeglit.',
    unknown: 'Domeeni DMARC-reeglit ei õnnestunud kontrollida.',
  },
  whatToDo: 'Mida teha',
  recommend: {
    replyTo: 'Vali {{vendor}}-Reply-To: kirjad saadetakse ettevõtte aadressilt, mis need kontrollid läbib, ja vastused tulevad ikka sulle.',
    ownServer: 'Või saada oma meiliserveri kaudu (SMTP): siis kehtivad sinu meiliteenuse reeglid.',
    ownServerKnown: 'Või saada teenuse {{provider}} kaudu, kus domeeni {{domain}} kirjad juba on:',
    addToSpf: 'Või palu domeeni {{domain}} haldajal lisada SPF-kirjesse {{vendor}} serverid:',
    repairSpf: 'Või palu domeeni {{domain}} haldajal SPF-kirje parandada ja lisada sinna {{vendor}} serverid:',
    changedRecord: 'Kirje oleks siis:',
    newRecord: 'Uus kirje võiks olla (kui domeen saadab kirju ka teistest serveritest, tuleb needki lisada):',
  },
  provider: {
    google: 'Domeeni {{domain}} kirjad on Google’is (Gmail / Google Workspace).',
    microsoft365: 'Domeeni {{domain}} kirjad on Microsoft 365-s: kasuta Microsoft 365 OAUTH-i.',
    zone: 'Domeeni {{domain}} kirjad on Zone’is.',
    mailee: 'Domeeni {{domain}} kirjad on mail.ee-s.',
    unknown: 'Domeeni {{domain}} meiliteenust ei õnnestunud tuvastada.',
  },
  providerNames: {
    google: 'Google (Gmail / Workspace)',
    microsoft365: 'Microsoft 365',
    zone: 'Zone',
    mailee: 'mail.ee',
    unknown: 'tundmatu',
  },
  result: {
    pass: 'lubatud (pass)',
    fail: 'keelatud (fail)',
    softfail: 'kahtlane (softfail)',
    neutral: 'määramata (neutral)',
    none: 'SPF-kirjet pole (none)',
    temperror: 'ei õnnestunud kontrollida (temperror)',
    permerror: 'vigane kirje (permerror)',
  },
  details: {
    title: 'Tehnilised üksikasjad',
    mx: 'Meiliserverid (MX)',
    spf: 'SPF-kirje',
    dmarc: 'DMARC-kirje',
    ipResult: '{{ip}}: {{result}}',
    checkedAt: 'Kontrollitud',
    none: 'puudub',
    lookupFailed: 'ei õnnestunud kontrollida',
  },
  severity: {
    ok: 'Korras',
    warning: 'Võib jõuda rämpsposti',
    danger: 'Rämpspost või tagasilükkamine',
    unknown: 'Ei õnnestunud kontrollida',
    notAffected: 'Domeenist ei sõltu',
  },
};
