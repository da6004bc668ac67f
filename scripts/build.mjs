// Builds the browser pages (one bundle per page folder in renderer/) into dist/renderer,
// then the Electron main/preload bundles when scripts/build-electron.mjs exists.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const out = join(root, 'dist', 'renderer');
mkdirSync(out, { recursive: true });

const pages = readdirSync(join(root, 'renderer')).filter(
  (d) => d !== 'shared' && statSync(join(root, 'renderer', d)).isDirectory() && existsSync(join(root, 'renderer', d, 'main.tsx')),
);

const started = Date.now();
await build({
  entryPoints: Object.fromEntries(pages.map((p) => [p, join(root, 'renderer', p, 'main.tsx')])),
  outdir: out,
  bundle: true,
  splitting: false,
  format: 'esm',
  platform: 'browser',
  target: ['chrome120'],
  minify: true,
  sourcemap: true,
  metafile: false,
  jsx: 'automatic',
  loader: { '.json': 'json', '.css': 'css', '.woff2': 'file', '.ttf': 'file', '.otf': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // Fonts are served by the hall server from resources/fonts, not copied into the bundle.
  external: ['/fonts/*'],
  logLevel: quiet ? 'error' : 'info',
});

// The kiosk's pinyin dictionary (trimmed and pre-indexed from @pinyin-pro/data), fetched by
// the Chinese keyboard from /assets/kiosk-pinyin.json; skipped when up to date.
const { buildPinyinDict } = await import('./build-pinyin-dict.mjs');
await buildPinyinDict({ root, quiet });

const electronBuild = join(root, 'scripts', 'build-electron.mjs');
if (existsSync(electronBuild)) {
  const { buildElectron } = await import(electronBuild);
  await buildElectron({ root, quiet });
}
if (!quiet) console.log(`built ${pages.join(', ') || 'no pages'} in ${Date.now() - started} ms`);
