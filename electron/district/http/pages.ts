// The district page: an HTML shell at /district loading its bundle from /assets (dist/renderer,
// built by scripts/build.mjs like every page), fonts from resources/fonts. No inline script.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { ApiError, type ApiRouter } from './front.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff2': 'font/woff2',
};

function serve(dir: string, name: string) {
  const file = normalize(join(dir, name));
  const type = TYPES[extname(file).toLowerCase()];
  if (!file.startsWith(dir + sep) || name.includes('\0') || !type || !existsSync(file) || !statSync(file).isFile()) throw new ApiError(404, 'NOT_FOUND');
  return { status: 200, body: readFileSync(file), contentType: type, headers: { 'Cache-Control': 'public, max-age=300' } };
}

export function registerPageRoutes(router: ApiRouter, dirs: { assets: string; fonts: string }): void {
  const shell = () =>
    [
      '<!doctype html>',
      '<html lang="zh" dir="ltr">',
      '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
      '<title>区县办公室 · District office</title>',
      existsSync(join(dirs.assets, 'district.css')) ? '<link rel="stylesheet" href="/assets/district.css">' : '',
      '<script type="module" src="/assets/district.js"></script></head>',
      '<body class="page-district"><div id="root"></div></body></html>',
    ].join('\n');
  router.add('GET', '/district', { access: 'public' }, () => ({ status: 200, body: shell(), contentType: 'text/html; charset=utf-8' }));
  router.add('GET', '/', { access: 'public' }, () => ({ status: 200, body: shell(), contentType: 'text/html; charset=utf-8' }));
  router.add('GET', '/assets/:file', { access: 'public' }, (req) => serve(dirs.assets, req.params.file ?? ''));
  router.add('GET', '/assets/fonts/:file', { access: 'public' }, (req) => serve(join(dirs.assets, 'fonts'), req.params.file ?? ''));
  router.add('GET', '/fonts/:file', { access: 'public' }, (req) => serve(dirs.fonts, req.params.file ?? ''));
}
