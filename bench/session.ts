/** Headers the SPA's requests carry; the BFF's CSRF guard refuses state changes without them. */
export const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' } as const;

export interface Session {
  /** `name=value` of the session cookie. */
  readonly cookie: string;
  call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
}

/** Sign in once (the sign-in limit is 10 per 5 minutes) and keep the session cookie. */
export async function signIn(baseUrl: string, code: string, password: string): Promise<Session> {
  async function send(method: string, path: string, body: unknown, cookie: string) {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        ...SAME_ORIGIN,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { response, status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  }
  const signedIn = await send('POST', '/auth/sign-in', { code, password }, '');
  const cookie = signedIn.response.headers.get('set-cookie')?.split(';')[0];
  if (signedIn.status !== 200 || !cookie) throw new Error(`sign-in of ${code} failed: ${signedIn.status} ${JSON.stringify(signedIn.json)}`);
  return {
    cookie,
    async call(method, path, body) {
      const { status, json } = await send(method, path, body, cookie);
      return { status, json };
    },
  };
}

/** Call and insist on 200: a bench that measures error responses measures nothing. */
export async function expectOk(session: Session, method: string, path: string, body?: unknown): Promise<unknown> {
  const { status, json } = await session.call(method, path, body);
  if (status !== 200) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(json)}`);
  return json;
}
