import { headline, type TraceInfo } from '../aad-error-format';
import type { AadError } from '../aad-errors';

/** Plain forms, no script: the flow works in any browser and in tests that only POST forms. */
const STYLE = `
body{margin:0;font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;color:#1b1b1b}
main{max-width:440px;margin:8vh auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{font-weight:600;color:#5e5e5e;margin:0 0 16px}
h1{font-size:1.5rem;font-weight:600;margin:0 0 12px}
label{display:block;margin:16px 0 4px}
input{box-sizing:border-box;width:100%;padding:6px 0;font:inherit;border:0;border-bottom:1px solid #666}
input:focus{outline:2px solid #0067b8;outline-offset:2px}
.error{color:#a4262c}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:24px}
button{font:inherit;padding:6px 24px;min-width:108px;border:1px solid #0067b8;background:#0067b8;color:#fff;cursor:pointer}
button.secondary{background:#ccc;border-color:#ccc;color:#1b1b1b}
button:focus-visible{outline:2px solid #1b1b1b;outline-offset:2px}
dl{font-size:.8rem;color:#5e5e5e}`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function layout(body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to your account</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">Microsoft identity platform — local emulator</p>
${body}
</main>
</body>
</html>`;
}

export interface SignInPage {
  tenant: string;
  flowId: string;
  appName: string;
  login: string;
  error: string | null;
}

export function signInPage({ tenant, flowId, appName, login, error }: SignInPage): string {
  const invalid = error === null ? '' : ' aria-invalid="true" aria-describedby="sign-in-error"';
  return layout(`<h1>Sign in</h1>
<p>to continue to ${escapeHtml(appName)}</p>
${error === null ? '' : `<p id="sign-in-error" class="error" role="alert">${escapeHtml(error)}</p>`}
<form method="post" action="/${escapeHtml(tenant)}/login">
<input type="hidden" name="flow" value="${escapeHtml(flowId)}">
<label for="login">Email address</label>
<input id="login" name="login" type="email" autocomplete="username" required value="${escapeHtml(login)}"${invalid}>
<label for="passwd">Password</label>
<input id="passwd" name="passwd" type="password" autocomplete="current-password" required${invalid}>
<div class="actions"><button type="submit">Sign in</button></div>
</form>`);
}

export interface ConsentPage {
  tenant: string;
  flowId: string;
  appName: string;
  clientId: string;
  email: string;
  permissions: string[];
}

export function consentPage({ tenant, flowId, appName, clientId, email, permissions }: ConsentPage): string {
  const items = permissions.map((permission) => `<li>${escapeHtml(permission)}</li>`).join('\n');
  return layout(`<p>${escapeHtml(email)}</p>
<h1>Permissions requested</h1>
<p><strong>${escapeHtml(appName)}</strong> (application ${escapeHtml(clientId)})</p>
<p id="permissions-heading">This app would like to:</p>
<ul aria-labelledby="permissions-heading">
${items}
</ul>
<form method="post" action="/${escapeHtml(tenant)}/consent">
<input type="hidden" name="flow" value="${escapeHtml(flowId)}">
<div class="actions">
<button type="submit" name="action" value="cancel" class="secondary">Cancel</button>
<button type="submit" name="action" value="accept">Accept</button>
</div>
</form>`);
}

export function errorPage(error: AadError, trace: TraceInfo): string {
  return layout(`<h1>Sorry, but we’re having trouble signing you in.</h1>
<p role="alert">${escapeHtml(headline(error))}</p>
<dl>
<dt>Request Id</dt><dd>${escapeHtml(trace.traceId)}</dd>
<dt>Correlation Id</dt><dd>${escapeHtml(trace.correlationId)}</dd>
<dt>Timestamp</dt><dd>${escapeHtml(trace.timestamp)}</dd>
</dl>`);
}

export function signedOutPage(returnTo: string | null): string {
  const link = returnTo === null ? '' : `<p><a href="${escapeHtml(returnTo)}">Return to the application</a></p>`;
  return layout(`<h1>You signed out of your account</h1>
<p>It’s a good idea to close all browser windows.</p>
${link}`);
}
