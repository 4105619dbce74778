import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/**
 * msal-node's `system.networkClient` over node:https, trusting `ca` (PEM) in addition to Node's
 * bundled root CAs: the emulator's local CA in dev and tests, a company's internal CA in production.
 * Node drops NODE_EXTRA_CA_CERTS once `ca` is set, so certificates from there must be passed in `ca`
 * too; with an empty `ca` Node's default store (extra certificates included) is used unchanged.
 */
export function createHttpsNetworkClient(ca: string[]): INetworkModule {
  const trusted = ca.length === 0 ? undefined : [...rootCertificates, ...ca];
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions, timeout?: number) =>
      send<T>('GET', url, trusted, options, timeout),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>('POST', url, trusted, options, undefined),
  };
}

function send<T>(
  method: 'GET' | 'POST',
  url: string,
  ca: string[] | undefined,
  options: NetworkRequestOptions | undefined,
  timeoutMs: number | undefined,
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
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          // msal reads every endpoint's answer, errors included, as JSON.
          resolve({ headers: flatten(res.headers), body: JSON.parse(text) as T, status: res.statusCode ?? 0 });
        } catch (error) {
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
