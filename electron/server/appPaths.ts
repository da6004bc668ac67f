// Where the app's files are: resources/ (fonts, locales, voice) and dist/renderer (page
// bundles). Found by walking up from this module, so the same code works from the source
// tree (tsx), from dist/ and from an Electron app (which passes its own paths instead).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findAppRoot(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'resources', 'locales')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`Cannot find the Hall Kiosk resources folder above ${start}`);
    dir = up;
  }
}

export interface AppPaths {
  resources: string;
  assets: string;
}

export function defaultAppPaths(): AppPaths {
  const root = findAppRoot();
  return { resources: join(root, 'resources'), assets: join(root, 'dist', 'renderer') };
}
