// Plain JavaScript: used by the built BFF's bench process (no TypeScript loader) and bff-process.ts.

/**
 * What the BFF's transport does, minus the BFF: a fresh STARTTLS connection trusting the local CA,
 * one test mail. `from` defaults to the demo user; Microsoft 365 sends only as the mailbox itself.
 * Returns ms.
 */
export async function bareSend(nodemailer, { port, ca, auth, from = 'jaan@firma.ee' }) {
  const started = performance.now();
  const transporter = nodemailer.createTransport({ host: 'localhost', port, secure: false, requireTLS: true, tls: { ca }, auth });
  try {
    await transporter.sendMail({
      from: { name: 'Jaan Tamm', address: from },
      to: 'jaan@firma.ee',
      subject: 'Directo: testkiri / test mail',
      text: `Bare nodemailer test mail sent ${new Date().toISOString()} to port ${port}.`,
    });
  } finally {
    transporter.close();
  }
  return performance.now() - started;
}
