// Where things are. The hall data directory defaults to the same per-user folder as the
// headless server (electron/cli/serve.ts), so trying the app in a browser first and
// installing the desktop app later lands on the same hall.
import { join } from 'node:path';

export const APP_DIR_NAME = 'hall-kiosk';

export interface PathEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

/** Per-user hall data directory (SQLite file, logs, keys) — same rule as serve.ts. */
export function defaultDataDir({ platform, env, home }: PathEnv): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), APP_DIR_NAME);
}

/** config.json sits beside the data, so one folder describes the whole machine. */
export function defaultConfigPath(p: PathEnv): string {
  return join(defaultDataDir(p), 'config.json');
}

/** Where the wrapped personal-data key and the stored device token live. */
export function keysDir(dataDir: string): string {
  return join(dataDir, 'keys');
}

/**
 * The hall server's resources (fonts, locales, forms, voice) and page bundles. Packaged,
 * resources are electron-builder extraResources under <resourcesPath>/resources (outside
 * the asar, so native code can read the fonts and a technician can replace a voice clip;
 * it is also where modules that look for `../../resources` beside the bundle find them) and
 * the page bundles are inside app.asar; unpackaged, both are in the project tree.
 */
export function appPathsFor(o: { packaged: boolean; appPath: string; resourcesPath: string }): { resources: string; assets: string } {
  return {
    resources: o.packaged ? join(o.resourcesPath, 'resources') : join(o.appPath, 'resources'),
    assets: join(o.appPath, 'dist', 'renderer'),
  };
}
