// `npm run serve -- --port P --data-dir D [--host H] [--printer tcp://host:9100] [--paper-width 576|384]
//   [--allow-host name] [--pair] [--key-file PATH] [--tls]` — the headless hall server. Prints its base URL; stops on SIGTERM/SIGINT.
// First: raises libuv's thread pool before anything uses it (why: electron/server/threadpool.ts).
import '../server/threadpool.js';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startHallServer } from '../server/hallServer.js';

export function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'hall-kiosk');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'hall-kiosk');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'hall-kiosk');
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '0.0.0.0' },
        'data-dir': { type: 'string' },
        printer: { type: 'string' },
        'paper-width': { type: 'string', default: '576' },
        'allow-host': { type: 'string', multiple: true },
        pair: { type: 'boolean', default: false },
        tls: { type: 'boolean', default: false },
        // The personal-data key file; default <data-dir>/keys/personal-data.key. Keep it off the data disk.
        'key-file': { type: 'string' },
      },
    }));
  } catch (e) {
    fail(`${(e as Error).message}\nUsage: npm run serve -- --port 8080 --data-dir ./hall-data [--printer tcp://192.168.1.50:9100]`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const paperWidth = Number(values['paper-width']);
  if (paperWidth !== 576 && paperWidth !== 384) fail('--paper-width must be 576 (80 mm) or 384 (58 mm).');
  const dataDir = values['data-dir'] ?? defaultDataDir();

  const server = await startHallServer({
    dataDir,
    port,
    host: values.host,
    printer: values.printer ?? null,
    paperWidth,
    allowedHosts: values['allow-host'] ?? [],
    pair: values.pair,
    tls: values.tls,
    ...(values['key-file'] ? { keyFile: values['key-file'] } : {}),
  });
  console.log(`Hall server listening on ${server.url}`);
  console.log(`Data directory: ${dataDir}`);
  if (server.tls) {
    // Shown here, on the hall machine itself, so a technician can compare it with what a counter PC sees.
    console.log(`TLS: hall CA fingerprint (SHA-256) ${server.tls.caFingerprint}`);
    console.log(`  CA certificate: ${server.url}/api/tls/ca.pem (also ${dataDir}/tls/ca.pem); names: ${server.tls.names.join(', ')}`);
  }
  console.log(`  kiosk:   ${server.url}/kiosk`);
  console.log(`  counter: ${server.url}/counter`);
  console.log(`  display: ${server.url}/display`);
  console.log(`  admin:   ${server.url}/admin`);
  if (server.pairing) {
    console.log('Pairing links (shown once; open each on its device):');
    console.log(`  kiosk:   ${server.pairing.kiosk}`);
    console.log(`  display: ${server.pairing.display}`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping the hall server.`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(`The hall server could not start: ${(e as Error).message}`);
  process.exit(1);
});
