import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The app is written against React's API and types; the browser gets Preact's compatible
 * implementation (preact/compat), about 50 kB gzip less than react-dom, which keeps the card's
 * first load within its budget. Regex keys match whole import paths only.
 */
const preactCompat = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default defineConfig({
  plugins: [react()],
  resolve: { alias: preactCompat },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { target: 'es2022', sourcemap: false },
});
