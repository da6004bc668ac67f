// `npm start`: builds, then runs the desktop app in the `hall` role (embedded hall server +
// kiosk window). Where the Electron binary is missing (it is downloaded by npm install and
// cannot be on machines without internet), it says so in one sentence and starts the same
// hall server headless instead, which prints the kiosk, counter, display and admin URLs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Path of the Electron executable, or null when its binary was never downloaded. */
export function electronBinary(root) {
  const require = createRequire(join(root, 'package.json'));
  try {
    const path = require('electron'); // a string: node_modules/electron/dist/<exe>
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null; // "Electron failed to install correctly": no path.txt, no binary
  }
}

export const MISSING_ELECTRON =
  "The Electron binary is not installed, so Hall Kiosk is starting as a headless hall server in this terminal instead (to get the desktop app, run `node node_modules/electron/install.js` or `npm install` on a machine with internet access, then `npm start` again).";

/** Switches the headless server understands too (`npm start -- --port 9000` works both ways). */
const SERVE_SWITCHES = ['--port', '--host', '--data-dir', '--printer', '--paper-width', '--allow-host', '--pair'];

/** The command `npm start` runs: [executable, args]. */
export function startCommand({ root, electron, args }) {
  if (electron) return [electron, [root, '--role=hall', ...args]];
  const passed = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].split('=')[0];
    if (!SERVE_SWITCHES.includes(name)) continue; // desktop-only switches (--role, --dev …)
    passed.push(args[i]);
    if (!args[i].includes('=') && name !== '--pair' && args[i + 1] !== undefined) passed.push(args[++i]);
  }
  // serve.ts defaults to the per-user data directory (~/.local/share/hall-kiosk, %APPDATA%\hall-kiosk).
  return [process.execPath, ['--import', 'tsx', join(root, 'electron', 'cli', 'serve.ts'), ...passed]];
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit', cwd: root });
  if (built.status !== 0) process.exit(built.status ?? 1);

  const electron = electronBinary(root);
  if (!electron) console.log(MISSING_ELECTRON);
  const [cmd, args] = startCommand({ root, electron, args: process.argv.slice(2) });
  const child = spawn(cmd, args, { stdio: 'inherit', cwd: root });
  // Ctrl+C and service stops reach the app, which closes the database cleanly.
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
