// manifest.json, the first file of every batch archive: who sent it, which batch, the time
// range of its records, and for every other file its record count, size and SHA-256, so the
// district can check that nothing was lost or changed (`npm run verify-batch`).

import { CSV_FORMULA_GUARD } from './csv.js';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 'hall-kiosk-export';
/** Bumped when a file's columns or meaning change; the district's loader keys on it. */
/** 2 (issue 19): ticket call_count counts every call and four ticket columns were added;
 *  statistics `tickets` counts the issued service, the wait is the total wait, new columns and
 *  the `day` and `hour` scopes were added (docs/export.md). */
export const EXPORT_SCHEMA_VERSION = 2;

export interface ManifestFile {
  name: string;
  records: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  schemaVersion: number;
  hallId: string;
  hallName: string;
  batchId: string;
  createdAt: string;
  range: { from: string | null; to: string | null };
  /** The hall's signing key, so the receiver knows which key must have signed the batch. */
  hallKeyFingerprint: string;
  /**
   * How the CSV files keep text from being read as formulas: "leading-apostrophe" means a text
   * cell that starts with =, +, -, @, tab or CR has a `'` put in front (numbers never do). The
   * JSON Lines files always hold the raw values.
   */
  csvFormulaGuard: typeof CSV_FORMULA_GUARD;
  files: ManifestFile[];
}

export interface ManifestInput {
  hallId: string;
  hallName: string;
  batchId: string;
  createdAt: number;
  rangeFrom: number | null;
  rangeTo: number | null;
  hallKeyFingerprint: string;
  files: ManifestFile[];
}

export function buildManifest(input: ManifestInput): Manifest {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    format: MANIFEST_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    hallId: input.hallId,
    hallName: input.hallName,
    batchId: input.batchId,
    createdAt: new Date(input.createdAt).toISOString(),
    range: { from: iso(input.rangeFrom), to: iso(input.rangeTo) },
    hallKeyFingerprint: input.hallKeyFingerprint,
    csvFormulaGuard: CSV_FORMULA_GUARD,
    files: [...input.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** Pretty-printed with a final newline: people open it. */
export function manifestText(m: Manifest): string {
  return JSON.stringify(m, null, 2) + '\n';
}

/** What the receiver found for one archive member. */
export interface FoundFile {
  name: string;
  bytes: number;
  sha256: string;
  /** Data records: CSV rows after the two header rows, or JSON lines. */
  records: number;
}

/**
 * Every difference between the manifest and what the archive holds, in plain words; empty
 * when the batch is whole. Checks the format, every listed file's size, hash and count, and
 * that the archive holds no file the manifest does not list.
 */
export function manifestProblems(manifest: unknown, found: readonly FoundFile[]): string[] {
  const problems: string[] = [];
  const m = manifest as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.format !== MANIFEST_FORMAT) return ['manifest.json is missing or is not a Hall Kiosk export manifest'];
  if (typeof m.schemaVersion !== 'number' || m.schemaVersion > EXPORT_SCHEMA_VERSION) problems.push(`unknown schema version ${String(m.schemaVersion)}`);
  if (!Array.isArray(m.files)) return [...problems, 'manifest.json lists no files'];
  const byName = new Map(found.map((f) => [f.name, f]));
  for (const f of m.files) {
    const got = byName.get(f.name);
    if (!got) {
      problems.push(`${f.name}: listed in the manifest but missing from the archive`);
      continue;
    }
    if (got.bytes !== f.bytes) problems.push(`${f.name}: ${got.bytes} bytes, the manifest says ${f.bytes}`);
    if (got.sha256 !== f.sha256) problems.push(`${f.name}: SHA-256 ${got.sha256}, the manifest says ${f.sha256}`);
    if (got.records !== f.records) problems.push(`${f.name}: ${got.records} records, the manifest says ${f.records}`);
  }
  const listed = new Set(m.files.map((f) => f.name));
  for (const f of found) if (f.name !== MANIFEST_NAME && !listed.has(f.name)) problems.push(`${f.name}: in the archive but not in the manifest`);
  return problems;
}
