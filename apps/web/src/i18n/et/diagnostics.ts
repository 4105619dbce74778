/** The connection check's panel on the card (SPEC §5); what a check reports is in diagnostics-results.ts. */
export const diagnostics = {
  intro: 'Ühenduse kontroll käib läbi kõik sammud kuni kirja andmeteni (DATA), kuid ei saada kirja. Testkiri saadetakse päriselt.',
  checkConnection: 'Kontrolli ühendust',
  checking: 'Kontrollin…',
  recipient: 'Testkirja saaja',
  recipientHint: 'Tühjaks jättes läheb kiri kaardi e-posti aadressile.',
  resultsLabel: 'Kontrolli tulemus',
};
