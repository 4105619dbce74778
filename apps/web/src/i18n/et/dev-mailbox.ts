export const devMailbox = {
  title: 'Arenduse postkast',
  intro: 'Kohaliku meilipüüdja poolt vastu võetud kirjad (ainult arendusrežiimis).',
  empty: 'Kirju pole veel.',
  from: 'Kellelt',
  to: 'Kellele',
  subject: 'Teema',
  replyTo: 'Vastus aadressile',
  refresh: 'Värskenda',
};
