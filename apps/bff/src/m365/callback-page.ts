import { randomBytes } from 'node:crypto';
import { M365_MESSAGE_TYPE, m365ResultToQuery, type M365AuthResult } from '@saatja/core';
import type { Response } from 'express';

/**
 * Runs in the popup: posts the result to the opener at the app's exact origin and closes; with no
 * opener (the popup was blocked, so the sign-in ran in the app's own window) it returns to the card.
 */
const SCRIPT = `(function (data) {
  if (window.opener && !window.opener.closed) {
    window.opener.postMessage(data.message, data.origin);
    window.close();
  } else {
    window.location.replace(data.fallback);
  }
})`;

/** JSON that is safe inside a <script> element, whatever account name the identity provider sent. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function sendCallbackPage(res: Response, result: M365AuthResult, appOrigin: string, returnPath: string): void {
  const nonce = randomBytes(16).toString('base64');
  const fallback = `${returnPath}?${new URLSearchParams(m365ResultToQuery(result)).toString()}`;
  const data = scriptJson({ message: { type: M365_MESSAGE_TYPE, result }, origin: appOrigin, fallback });
  const html = `<!doctype html>
<html lang="et">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Microsoft 365 – Saatja</title>
</head>
<body>
<p>Microsoft 365: tagasi Saatjasse… Kui aken ei sulgu, sulge see ise.</p>
<p lang="en">Microsoft 365: returning to Saatja… If this window does not close, close it yourself.</p>
<script nonce="${nonce}">${SCRIPT}(${data});</script>
</body>
</html>`;
  res
    .status(200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      // Only the one inline script with this response's nonce may run.
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'Cache-Control': 'no-store',
      // The callback URL carries the authorization code: it must not travel on as a Referer.
      'Referrer-Policy': 'no-referrer',
      // The popup came here from the identity provider; keeping its opener is the point of this page.
      'Cross-Origin-Opener-Policy': 'unsafe-none',
    })
    .send(html);
}
