import { createLocalTls, startSmtpServer } from '../packages/local-servers/src/index';
import { nodemailer } from './from-bff';
const tls = await createLocalTls();
const relay = await startSmtpServer({ security: 'starttls', tls });
const plain = await startSmtpServer({ security: 'none' });
async function send(port: number, opts: object) {
  const s = performance.now();
  const tr = nodemailer.createTransport({ host: 'localhost', port, ...opts });
  await tr.sendMail({ from: 'a@b.ee', to: 'c@d.ee', subject: 'x', text: 'y' });
  tr.close();
  return performance.now() - s;
}
for (const [label, port, opts] of [['starttls', relay.port, { secure: false, requireTLS: true, tls: { ca: tls.ca } }], ['plain', plain.port, { secure: false, ignoreTLS: true }]] as const) {
  const times: number[] = [];
  for (let i = 0; i < 12; i++) times.push(await send(port, opts));
  console.log(label, times.map((t) => t.toFixed(1)).join(' '));
}
const tr = nodemailer.createTransport({ host: 'localhost', port: relay.port, secure: false, requireTLS: true, tls: { ca: tls.ca }, logger: { level: () => {}, trace: () => {}, debug: (...a: unknown[]) => console.log(performance.now().toFixed(1), String(a[1] ?? a[0]).slice(0, 60)), info: (...a: unknown[]) => console.log(performance.now().toFixed(1), String(a[1] ?? a[0]).slice(0, 60)), warn: () => {}, error: () => {}, fatal: () => {} } as never, debug: true });
await tr.sendMail({ from: 'a@b.ee', to: 'c@d.ee', subject: 'x', text: 'y' });
tr.close(); await relay.close(); await plain.close();
