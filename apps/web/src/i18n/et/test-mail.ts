export const testMail = {
  title: 'Testkiri',
  send: 'Saada testkiri',
  sending: 'Saadan…',
  sent: 'Testkiri saadeti aadressile {{to}}.',
  failedAt: 'Testkirja ei saadetud: ebaõnnestus samm „{{step}}“.',
  failed: 'Testkirja saatmine ebaõnnestus.',
  serverReply: 'Serveri vastus: {{reply}}',
  saveFirst: 'Salvesta muudatused enne testkirja saatmist.',
};
