export const app = {
  title: 'Saatja',
  signOut: 'Logi välja',
  language: 'Keel',
  mainNav: 'Peamenüü',
  userCard: 'Kasutaja kaart',
  adminSettings: 'Süsteemi seadistused',
  adminAudit: 'Auditilogi',
  adminUsers: 'Kasutajad',
  devMailbox: 'Arenduse postkast',
  loading: 'Laadin…',
};
