// `npm run import-form -- FILE [--data-dir D] [--json]` — reads an XLSForm-style workbook
// (.xlsx) or a form definition (.json), checks it with the same rules as the admin page and
// prints the result: the form's fields, or every problem with its sheet, row and column.
// With --data-dir it also stores the form in that hall's database as a new version (the
// workbook's version when newer than every stored one, else the next number), audited as a
// system action. Exit 0 when valid (and stored), 1 when refused, 2 on a usage error.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, parseOrFail } from './args.js';
import type { FormDefinition } from '../core/forms/definition.js';
import { AuditStore } from '../store/auditStore.js';
import { Database } from '../store/db.js';
import { FormStore } from '../store/formStore.js';
import { migrate } from '../store/migrations/index.js';
import { AuditLog } from '../server/audit.js';
import { FormCatalog } from '../server/forms/catalog.js';
import { checkDefinition } from '../server/forms/checkDefinition.js';
import { importWorkbook, type WorkbookError } from '../server/forms/xlsform.js';

const USAGE = 'Usage: npm run import-form -- FILE.xlsx|FILE.json [--data-dir D] [--json]';

type Outcome = { ok: true; def: FormDefinition } | { ok: false; errors: WorkbookError[] };

/** Reads and checks FILE: a workbook through the XLSForm importer, a .json through checkDefinition. */
export async function readForm(file: string): Promise<Outcome> {
  const bytes = readFileSync(file);
  if (extname(file).toLowerCase() === '.json') {
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      return { ok: false, errors: [{ sheet: '', row: 0, column: '', message: `Not JSON: ${(e as Error).message}` }] };
    }
    const r = checkDefinition(raw);
    return r.ok ? { ok: true, def: r.def } : { ok: false, errors: r.problems.map((p) => ({ sheet: 'json', row: 0, column: p.path, message: `${p.code}: ${p.message}` })) };
  }
  const r = await importWorkbook(bytes);
  return r.ok ? { ok: true, def: r.definition } : r;
}

/** Stores the definition as a new version in the hall at dataDir; returns the version stored. */
export async function storeForm(dataDir: string, def: FormDefinition, source: string): Promise<number> {
  const db = await Database.open(join(dataDir, 'hall.sqlite3'));
  try {
    await migrate(db);
    const catalog = new FormCatalog(new FormStore(db));
    const audit = new AuditLog(new AuditStore(db), { now: () => Date.now() });
    const now = Date.now();
    return await catalog.write(async (tx, conn) => {
      // Same rule as the admin page's import (FormAdmin.importWorkbook).
      const newest = await tx.newestVersion(def.id);
      const version = newest === null ? def.version : Math.max(def.version, newest + 1);
      await tx.insert({ ...def, version }, now, null);
      await audit.recordIn(conn, 'system', { action: 'setup.form.import', target: def.id, detail: { version, fields: def.fields.length, via: 'cli', file: source.slice(-120) } });
      return version;
    });
  } finally {
    await db.close();
  }
}

function describe(def: FormDefinition): string {
  const lines = [`${def.id} version ${def.version}: ${def.title.zh} / ${def.title.bo} / ${def.title.ug}`];
  lines.push(`  service: ${def.serviceId ?? '(none)'}; without ticket: ${def.allowWithoutTicket ? 'yes' : 'no'}; anonymous: ${def.anonymous ? 'yes' : 'no'}`);
  for (const f of def.fields) {
    const flags = [f.required ? 'required' : '', f.personal ? 'personal' : '', f.relevant ? `shown if ${JSON.stringify(f.relevant)}` : ''].filter(Boolean).join(', ');
    lines.push(`  ${f.code.padEnd(24)} ${f.type.padEnd(12)} ${f.label.zh}${flags ? `  (${flags})` : ''}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const parsed = parseOrFail({ allowPositionals: true, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } }, USAGE);
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length > 0) fail(USAGE);
  if (!existsSync(file)) fail(`No such file: ${file}`);
  const dataDir = parsed.values['data-dir'];
  if (dataDir !== undefined && !existsSync(join(resolve(dataDir), 'hall.sqlite3'))) fail(`No hall database in ${dataDir}.`);

  const outcome = await readForm(file);
  if (!outcome.ok) {
    if (parsed.values.json) console.log(JSON.stringify({ ok: false, errors: outcome.errors }, null, 2));
    else {
      console.error(`${file}: refused, ${outcome.errors.length} problem(s):`);
      for (const e of outcome.errors) console.error(`  ${e.sheet || '-'} row ${e.row} column ${e.column || '-'}${e.cell ? ` (${e.cell})` : ''}: ${e.message}`);
    }
    process.exit(1);
  }
  let stored: number | null = null;
  if (dataDir !== undefined) stored = await storeForm(resolve(dataDir), outcome.def, resolve(file));
  if (parsed.values.json) console.log(JSON.stringify({ ok: true, definition: outcome.def, storedVersion: stored }, null, 2));
  else {
    console.log(describe(outcome.def));
    console.log(stored === null ? 'Valid (not stored: no --data-dir).' : `Stored in ${dataDir} as ${outcome.def.id} version ${stored}. A running hall server shows it after its next form change or restart.`);
  }
}

// Run as a command, not when a test imports readForm/storeForm.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => fail(`import-form failed: ${(e as Error).stack ?? String(e)}`, 2));
}
