// npm run district -- --data-dir D [--database-url URL] [--port 8090] [--host 127.0.0.1]
//   [--district-key SECRET.asc] [--passphrase-file F] [--drop-folder F]
// Prints the base URL and, on first start, the admin password (DISTRICT_ADMIN_PASSWORD sets it).
// The key's passphrase comes from --passphrase-file or DISTRICT_KEY_PASSPHRASE, never argv.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startDistrictServer } from '../district/districtServer.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    port: { type: 'string', default: '8090' },
    host: { type: 'string', default: '127.0.0.1' },
    'district-key': { type: 'string' },
    'passphrase-file': { type: 'string' },
    'drop-folder': { type: 'string' },
    'retention-days': { type: 'string', default: '365' },
  },
});
if (!values['data-dir']) {
  console.error('usage: npm run district -- --data-dir D [--database-url URL] [--port 8090] [--host H] [--district-key SECRET.asc] [--passphrase-file F] [--drop-folder F] [--retention-days 365]');
  process.exit(2);
}
const passphrase = values['passphrase-file'] ? readFileSync(values['passphrase-file'], 'utf8').trim() : process.env.DISTRICT_KEY_PASSPHRASE;
const server = await startDistrictServer({
  dataDir: values['data-dir'],
  databaseUrl: values['database-url'] ?? process.env.DISTRICT_DATABASE_URL,
  port: Number(values.port),
  host: values.host,
  districtKeyFile: values['district-key'],
  passphrase,
  dropFolder: values['drop-folder'],
  retentionDays: Number(values['retention-days']),
  adminPassword: process.env.DISTRICT_ADMIN_PASSWORD,
  logLevel: process.env.DISTRICT_LOG_LEVEL ?? 'info',
});
console.log(`district server: ${server.url}`);
console.log(`district key fingerprint: ${server.districtFingerprint}`);
if (server.firstAdminPassword) console.log(`admin password (shown once): ${server.firstAdminPassword}`);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
