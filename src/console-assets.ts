/**
 * The console (src/console, built by Vite into dist/console) served at /console: its
 * hashed assets cached for good, every other path under it answered with index.html so
 * that shared links to a page (/console/findings?severity=HIGH) open that page.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { PROJECT_ROOT } from './paths';

export const CONSOLE_PATH = '/console';
export const CONSOLE_DIST = path.join(PROJECT_ROOT, 'dist', 'console');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * What the console needs to start an issuer sign-in (OIDC_ISSUER and OIDC_CLIENT_ID), given
 * to anyone who opens it: both are public by nature (they appear in the login redirect).
 */
export interface ConsoleSignIn {
  issuer: string;
  clientId: string;
}

/**
 * The console talks only to this hub (no CDN), and with an issuer sign-in to the issuer
 * too: its discovery document and token endpoint. ECharts sets inline styles.
 */
function csp(signIn: ConsoleSignIn | null): string {
  const connect = signIn ? `'self' ${new URL(signIn.issuer).origin}` : "'self'";
  return (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    `font-src 'self'; connect-src ${connect}; object-src 'none'; base-uri 'self'; frame-ancestors 'none'`
  );
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** index.html with the sign-in settings in a meta tag (the CSP allows no inline script). */
function indexHtml(file: string, signIn: ConsoleSignIn | null): Buffer {
  const html = readFileSync(file);
  if (!signIn) return html;
  const meta = `<meta name="tthc-oidc" content="${escapeAttribute(JSON.stringify(signIn))}">`;
  return Buffer.from(html.toString('utf8').replace('</head>', `${meta}</head>`));
}

const cache = new Map<string, Buffer>();

function read(file: string): Buffer {
  let body = cache.get(file);
  if (!body) {
    body = readFileSync(file);
    cache.set(file, body);
  }
  return body;
}

/** Answers a request whose path is /console or below it. */
export function serveConsole(
  pathname: string,
  res: ServerResponse,
  options: { signIn?: ConsoleSignIn | null; dist?: string } = {},
): void {
  const dist = options.dist ?? CONSOLE_DIST;
  const signIn = options.signIn ?? null;
  if (pathname === CONSOLE_PATH) {
    res.writeHead(301, { location: `${CONSOLE_PATH}/` });
    res.end();
    return;
  }
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The console is not built: run `npm run build` (npm start builds it too).\n');
    return;
  }
  const relative = decodeURIComponent(pathname.slice(CONSOLE_PATH.length + 1));
  const file = path.resolve(dist, relative);
  const inside = file.startsWith(dist + path.sep);
  const isAsset = inside && relative.startsWith('assets/');
  if (isAsset && existsSync(file) && statSync(file).isFile()) {
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    res.end(read(file));
    return;
  }
  if (isAsset || path.extname(relative)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES['.html']!,
    'cache-control': 'no-cache',
    'content-security-policy': csp(signIn),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(indexHtml(index, signIn));
}
