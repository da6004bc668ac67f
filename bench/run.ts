// `npm run bench`: runs every bench/*.bench.ts in its own process, each printing one JSON
// object, and prints them together as one JSON document (also saved to bench/results/).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const results: Record<string, unknown> = {};
for (const f of files) {
  process.stderr.write(`bench: ${f} …\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, f)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 15 * 60_000 });
  const name = f.replace(/\.bench\.ts$/, '');
  try {
    const lines = r.stdout.trim().split('\n');
    results[name] = JSON.parse(lines[lines.length - 1] ?? '');
  } catch {
    results[name] = { error: `exit ${r.status}`, output: r.stdout.slice(-2000) };
  }
}
const doc = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, at: new Date().toISOString(), results };
mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(join(dir, 'results', 'latest.json'), JSON.stringify(doc, null, 2));
console.log(JSON.stringify(doc, null, 2));
