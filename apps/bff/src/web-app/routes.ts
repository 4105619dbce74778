import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The built web app, or null when it is not built. Its assets have content hashes in their names,
 * so a copy never goes stale: browsers keep them a year without asking again (immutable), and they
 * are sent as the build precompressed them (brotli, else gzip; .br and .gz beside each file).
 * index.html names the current assets and is revalidated on every visit, so a deployment shows at
 * the next page load. Every other path is the app's own (client-side routes).
 */
export function webAppRoutes(webDist: string): Router | null {
  const indexHtml = path.join(webDist, 'index.html');
  if (!existsSync(indexHtml)) return null;
  const router = express.Router();
  router.use(
    '/assets',
    expressStaticGzip(path.join(webDist, 'assets'), {
      enableBrotli: true,
      index: false,
      orderPreference: ['br', 'gz'],
      serveStatic: { immutable: true, maxAge: '1y' },
    }),
  );
  // A missing asset (an old page asking for a chunk of an earlier deployment) is a 404, not the page.
  router.use('/assets', (_req, res) => void res.status(404).end());
  router.get('/{*path}', (_req, res) => res.sendFile(indexHtml, { headers: { 'Cache-Control': 'no-cache' } }));
  return router;
}
