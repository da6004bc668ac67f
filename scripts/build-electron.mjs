// Bundles the Electron main process to dist/electron/main.js (ESM, like the package) and
// each role's preload to dist/electron/preload/<role>.cjs. Preloads are CommonJS bundles
// because a sandboxed preload cannot import ES modules and may require() only `electron`.
// Called by scripts/build.mjs.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRELOAD_ROLES = ['kiosk', 'display', 'counter', 'admin'];

/** Bundle only the role preloads (tests use this on its own). */
export async function buildPreloads({ root, outDir = join(root, 'dist', 'electron', 'preload'), quiet = true }) {
  await build({
    entryPoints: Object.fromEntries(PRELOAD_ROLES.map((r) => [r, join(root, 'electron', 'preload', `${r}.ts`)])),
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'browser', // the sandboxed preload has no Node built-ins
    target: ['chrome130'],
    external: ['electron'],
    sourcemap: false,
    minify: false, // kept readable: it is tiny and security reviewers read it
    logLevel: quiet ? 'error' : 'info',
  });
}

export async function buildElectron({ root, quiet = false }) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  await build({
    entryPoints: { main: join(root, 'electron', 'main.ts') },
    outdir: join(root, 'dist', 'electron'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: ['node22'],
    // Runtime packages (native sqlite3 and @napi-rs/canvas, pino's worker transports,
    // node-thermal-printer) stay in node_modules, where electron-builder packs and unpacks
    // them; only our own code is bundled.
    external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
    packages: 'external',
    sourcemap: true,
    logLevel: quiet ? 'error' : 'info',
  });
  await buildPreloads({ root, quiet });
}
