import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/** ms an identity-provider request may take; msal passes no timeout for POSTs. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * msal-node's `system.networkClient` over node:https, trusting the deployment's extra CAs (a
 * company's internal CA; the local identity emulator's CA in dev and tests) in addition to Node's
 * bundled roots. Certificates are always verified. Node drops NODE_EXTRA_CA_CERTS once `ca` is set,
 * so with no extra CAs `ca` stays unset and Node's default store is used unchanged.
 */
export function createHttpsNetworkClient(extraCas: readonly string[]): INetworkModule {
  const ca = extraCas.length === 0 ? undefined : [...rootCertificates, ...extraCas];
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) =>
      send<T>('GET', url, ca, options, timeout ?? DEFAULT_TIMEOUT_MS),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('POST', url, ca, options, DEFAULT_TIMEOUT_MS),
  };
}

function send<T>(
  method: 'GET' | 'POST',
  url: string,
  ca: string[] | undefined,
  options: NetworkRequestOptions | undefined,
  timeoutMs: number,
): Promise<NetworkResponse<T>> {
  const body = method === 'POST' ? (options?.body ?? '') : undefined;
  const headers: Record<string, string | number> = { ...options?.headers };
  if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        try {
          // msal reads every endpoint's answer, errors included, as JSON.
          const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
          resolve({ headers: flatten(res.headers), body: parsed, status: res.statusCode ?? 0 });
        } catch (error) {
          // The URL names no secret (bodies carry them); the answer's text is not repeated.
          reject(new Error(`${method} ${url} answered ${res.statusCode} with a body that is not JSON`, { cause: error }));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** msal expects one string per header with lower-case names (node already lower-cases them). */
function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
