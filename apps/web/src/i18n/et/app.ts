export const app = { title: 'Saatja', signOut: 'Logi välja', language: 'Keel', mainNav: 'Peamenüü', userCard: 'Kasutaja kaart', devMailbox: 'Arenduse postkast', loading: 'Laadin…' };
