import express, { type ErrorRequestHandler, type Express } from 'express';
import type { EmulatorContext } from '../context';
import { authorizeRoutes } from './authorize-routes';
import { metadataRoutes } from './metadata-routes';
import { sendJson } from './respond';
import { tokenRoutes } from './token-routes';

export function createEmulatorApp(context: EmulatorContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(metadataRoutes(context), authorizeRoutes(context), tokenRoutes(context));
  app.use((_req, res) => sendJson(res, 404, { error: 'not_found', error_description: 'No such endpoint on the identity emulator.' }));
  app.use(errorHandler);
  return app;
}

/** Logs the cause (this is a test tool: a bug should be loud) and answers like a server error. */
const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Body-parser rejections, e.g. malformed or oversized forms.
    return sendJson(res, status, { error: 'invalid_request', error_description: String((error as Error).message) });
  }
  console.error('identity emulator: request failed', error);
  sendJson(res, 500, { error: 'server_error', error_description: 'The identity emulator failed; see its log.' });
};
