// Where resources/ (fonts, locales) lives: beside the sources under tsx, one level up from
// dist/ when bundled, or in Electron's resourcesPath when packaged. HALL_RESOURCES_DIR wins.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function resourcesDir(): string {
  if (cached) return cached;
  const here = dirname(fileURLToPath(import.meta.url));
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.HALL_RESOURCES_DIR,
    join(here, '..', '..', 'resources'),
    join(here, '..', '..', '..', 'resources'),
    packaged ? join(packaged, 'resources') : undefined,
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  const found = candidates.find((p) => existsSync(join(p, 'fonts', 'NotoSans-Regular.ttf')));
  if (!found) throw new Error(`resources/ not found (looked in ${candidates.join(', ')}).`);
  cached = found;
  return found;
}
