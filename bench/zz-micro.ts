import { rootCertificates, createSecureContext } from 'node:tls';
import { promises as dns } from 'node:dns';
import { makeCardInputSchema } from '../packages/core/src/index';
import { createLocalTls } from '../packages/local-servers/src/index';
const t = (label: string, n: number, fn: () => unknown) => { const s = performance.now(); for (let i = 0; i < n; i++) fn(); console.log(label, ((performance.now() - s) / n).toFixed(3), 'ms each'); };
const rules = { openPorts: [25, 465, 587], inheritsServer: false };
const body = { name: 'Jaan Tamm', email: 'jaan@firma.ee', mailSender: { mode: 'smtp', smtp: { host: 'localhost', port: 587, security: 'starttls', user: 'jaan', password: '', clearPassword: false } } };
for (let k = 0; k < 2; k++) {
  t('build schema + parse', 500, () => makeCardInputSchema(rules).parse(body));
  const schema = makeCardInputSchema(rules);
  t('parse with a prebuilt schema', 5000, () => schema.parse(body));
}
const tls = await createLocalTls();
t('secure context, ca = local CA', 200, () => createSecureContext({ ca: tls.ca }));
t('secure context, ca = roots + local CA', 50, () => createSecureContext({ ca: [...rootCertificates, tls.ca] }));
console.log('roots', rootCertificates.length);
let s = performance.now();
try { console.log(await dns.resolve4('localhost')); } catch (e) { console.log('resolve4 failed', (e as Error).message); }
console.log('resolve4 localhost ms', performance.now() - s);
s = performance.now(); console.log(await dns.lookup('localhost', { all: true }), 'lookup ms', performance.now() - s);
