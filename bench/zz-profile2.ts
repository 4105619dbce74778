import { fork } from 'node:child_process';
import { signIn, expectOk } from './session';
import { BENCH_PASSWORD, benchUserCode, type BffReady } from './protocol';
const child = fork(new URL('./bff-process.ts', import.meta.url), [], { env: { ...process.env, SAATJA_TEST_LOG_LEVEL: 'info' }, execArgv: ['--import', import.meta.resolve('tsx'), '--cpu-prof', '--cpu-prof-dir', '/tmp/prof/send'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const ready = await new Promise<BffReady>((r) => child.on('message', (m: BffReady) => m.kind === 'ready' && r(m)));
const sessions = [await signIn(ready.url, benchUserCode('relay', 0), BENCH_PASSWORD), await signIn(ready.url, benchUserCode('relay', 1), BENCH_PASSWORD)];
await new Promise((r) => setTimeout(r, 6000));
const t0 = performance.now();
const times: number[] = [];
for (let i = 0; i < 20; i++) { const s = performance.now(); await expectOk(sessions[Math.floor(i / 10)]!, 'POST', '/card/test-mail', {}); times.push(performance.now() - s); }
console.log('sends', ((performance.now() - t0) / 1000).toFixed(1), 's', times.map((t) => t.toFixed(0)).join(' '));
child.disconnect();
await new Promise((r) => child.on('exit', r));
