// Compiles the BFF to JavaScript for production: one bundle of our own code (with @saatja/core),
// npm dependencies left as imports. Dev mode's module is left out; see leaveOutDevMode.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const DEV_ONLY_PACKAGES = /^@saatja\/(local-servers|identity-emulator)(\/|$)/;
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * server.ts loads dev mode with `import('./dev/dev-mode')`; the bundle keeps that import but not the
 * module, so the built server cannot run dev mode. A static import of a dev-only package from
 * production code fails the build instead of quietly bundling the local servers.
 */
const leaveOutDevMode = {
  name: 'leave-out-dev-mode',
  setup(b) {
    b.onResolve({ filter: /\/dev\/dev-mode$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
    b.onResolve({ filter: DEV_ONLY_PACKAGES }, (args) => ({
      errors: [{ text: `${args.path} is a dev-only package, imported by ${args.importer}; load it from dev/dev-mode.ts` }],
    }));
  },
};

await build({
  absWorkingDir: import.meta.dirname,
  entryPoints: { server: 'src/server.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies),
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [leaveOutDevMode],
});
