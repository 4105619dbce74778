/**
 * A minimal cookie-keeping JSON client for integration tests, acting like the SPA (same-origin).
 * `baseUrl` may be a function: each request then goes where it says (a test's round-robin over
 * several instances); `cookie` starts the client in an existing session.
 */
export function apiClient(baseUrl: string | (() => string), cookie = '') {
  const base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${base()}/api${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(cookie ? { Cookie: cookie } : {}),
        'Sec-Fetch-Site': 'same-origin',
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    // Streamed answers (NDJSON from the connection check) are read as text only.
    const isJson = (response.headers.get('content-type') ?? '').startsWith('application/json');
    return { status: response.status, text, json: text && isJson ? (JSON.parse(text) as Record<string, unknown>) : null };
  }
  return {
    call,
    get cookie() {
      return cookie;
    },
    signIn: (code: string, password: string) => call('POST', '/auth/sign-in', { code, password }),
  };
}
