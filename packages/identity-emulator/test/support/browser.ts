import { request } from 'node:https';

/** What a browser would see of one response; redirects are not followed. */
export interface Page {
  status: number;
  location: string | null;
  contentType: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET, or POST of a urlencoded form, trusting only `ca`: a browser without JavaScript. */
export function load(url: string | URL, ca: string, form?: Record<string, string>): Promise<Page> {
  const body = form === undefined ? undefined : new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: body === undefined ? 'GET' : 'POST',
        ca,
        headers: body === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location ?? null,
            contentType: res.headers['content-type'] ?? '',
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface ParsedForm {
  action: string;
  /** Hidden inputs and prefilled values, by name. */
  values: Record<string, string>;
  /** name=value of each submit button. */
  buttons: { name: string; value: string; label: string }[];
}

/** Just enough HTML reading for the emulator's own pages (attribute order as it writes them). */
export function parseForm(html: string): ParsedForm {
  const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1];
  if (action === undefined) throw new Error(`No form on the page:\n${html}`);
  const values: Record<string, string> = {};
  for (const match of html.matchAll(/<input ([^>]*)>/g)) {
    const name = attribute(match[1] ?? '', 'name');
    const value = attribute(match[1] ?? '', 'value');
    if (name !== undefined && value !== undefined) values[name] = value;
  }
  const buttons = [...html.matchAll(/<button type="submit"([^>]*)>([^<]*)<\/button>/g)].map((match) => ({
    name: attribute(match[1] ?? '', 'name') ?? '',
    value: attribute(match[1] ?? '', 'value') ?? '',
    label: match[2] ?? '',
  }));
  return { action: unescapeHtml(action), values, buttons };
}

function attribute(attributes: string, name: string): string | undefined {
  const raw = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
  return raw === undefined ? undefined : unescapeHtml(raw);
}

export function unescapeHtml(value: string): string {
  return value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
