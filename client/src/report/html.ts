/**
 * The claim report's page: structure only, under a strict Content Security
 * Policy (nothing by default; styles from the extension's media folder; the
 * one script by nonce). Every text arrives later through the script
 * (webview/main.ts), so no data is ever written into this HTML. Pure.
 */

/** 32 random hex digits (128 bits) for the script's nonce, new for every page. */
export function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The page for the webview's `cspSource` and the webview URIs of media/report.js and media/report.css. */

export function reportHtml(options: { cspSource: string; nonce: string; script: string; style: string }): string {
  const csp = [`default-src 'none'`, `style-src ${options.cspSource}`, `script-src 'nonce-${options.nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${options.style}">
<title>Claim report</title>
</head>
<body>
<header>
<h1 id="title">Claim report</h1>
<p id="summary" role="status" aria-live="polite"></p>
<div id="filters" role="group" aria-label="Show claims by verdict (none pressed: all)"></div>
</header>
<p id="notice" class="notice" role="status" hidden></p>
<table id="claims" hidden>
<thead><tr><th scope="col" class="verdict">Verdict</th><th scope="col" class="line">Line</th><th scope="col" class="sentence">Claim</th><th scope="col" class="sources">Sources</th></tr></thead>
<tbody></tbody>
</table>
<p id="empty" class="empty" hidden></p>
<script nonce="${options.nonce}" src="${options.script}"></script>
</body>
</html>`;
}

