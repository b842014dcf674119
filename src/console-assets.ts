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

// The console talks only to this hub: no CDN, no other origin. ECharts sets inline styles.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

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
export function serveConsole(pathname: string, res: ServerResponse, dist = CONSOLE_DIST): void {
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
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(readFileSync(index));
}
