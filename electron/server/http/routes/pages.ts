// The React pages and their static files. Each page is an HTML shell that loads its bundle
// from /assets (dist/renderer); fonts come from resources/fonts. No inline script (CSP).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { HttpError } from '../errors.js';
import type { Reply, Router } from '../router.js';

export const PAGES = ['kiosk', 'counter', 'display', 'admin'] as const;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
};

function shell(page: string, hasCss: boolean): string {
  return [
    '<!doctype html>',
    '<html lang="zh" dir="ltr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no">',
    `<title>Hall Kiosk · ${page}</title>`,
    hasCss ? `<link rel="stylesheet" href="/assets/${page}.css">` : '',
    `<script type="module" src="/assets/${page}.js"></script>`,
    '</head>',
    `<body class="page-${page}"><div id="root"></div></body>`,
    '</html>',
  ].join('\n');
}

/**
 * Serves a file from dir, refusing anything that escapes it. A weak ETag (size and mtime)
 * lets a browser revalidate instead of downloading page bundles and fonts again.
 */
export async function serveFile(dir: string, name: string, cache: string, ifNoneMatch?: string): Promise<Reply> {
  const file = normalize(join(dir, name));
  if (!file.startsWith(dir + sep) || name.includes('\0')) throw new HttpError(404, 'NOT_FOUND');
  const type = TYPES[extname(file).toLowerCase()];
  if (!type) throw new HttpError(404, 'NOT_FOUND');
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new HttpError(404, 'NOT_FOUND');
  }
  if (!info.isFile()) throw new HttpError(404, 'NOT_FOUND');
  const etag = `W/"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
  const headers = { 'Cache-Control': cache, ETag: etag };
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag)) return { status: 304, body: '', contentType: type, headers };
  // Streamed, not read whole: a 17 MB font per slow client would otherwise stay in memory.
  return { status: 200, file, size: info.size, contentType: type, headers };
}

export function registerPageRoutes(router: Router, dirs: { assets: string; fonts: string }): void {
  router.add('GET', '/api/health', { access: 'public' }, () => ({ status: 200, json: { ok: true } }));

  for (const page of PAGES) {
    router.add('GET', `/${page}`, { access: 'public' }, () => ({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: shell(page, existsSync(join(dirs.assets, `${page}.css`))),
    }));
  }

  router.add('GET', '/', { access: 'public' }, () => ({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Hall Kiosk</title></head><body><ul>${PAGES.map(
      (p) => `<li><a href="/${p}">/${p}</a></li>`,
    ).join('')}</ul></body></html>`,
  }));

  const etag = (req: { headers: { 'if-none-match'?: string } }) => req.headers['if-none-match'];
  router.add('GET', '/assets/:file', { access: 'public' }, (req) => serveFile(dirs.assets, req.params.file ?? '', 'no-cache', etag(req)));
  router.add('GET', '/fonts/:file', { access: 'public' }, (req) => serveFile(dirs.fonts, req.params.file ?? '', 'public, max-age=86400', etag(req)));
}
