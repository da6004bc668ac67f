// Form definitions: every version is kept (a submission names the version it was filled
// against); the newest ACTIVE version of an id is the one the kiosk is served. Reads go to
// the reader connection, writes take the caller's transaction.
import type { FormDefinition } from '../core/forms/definition.js';
import type { Connection, Database } from './db.js';

export interface StoredForm {
  id: string;
  version: number;
  definition: FormDefinition;
  active: boolean;
  createdAt: number;
  createdBy: string | null;
}

interface FormRow {
  id: string;
  version: number;
  definition: string;
  active: number;
  created_at: number;
  created_by: string | null;
}

const toForm = (r: FormRow): StoredForm => ({
  id: r.id,
  version: r.version,
  definition: JSON.parse(r.definition) as FormDefinition,
  active: r.active === 1,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export const RETENTION_SETTING = 'forms.retentionDays';
export const DEFAULT_RETENTION_DAYS = 30;

export class FormReads {
  constructor(private readonly conn: Connection) {}

  /** Every version of every form, newest version first within an id. */
  async listAll(): Promise<StoredForm[]> {
    return (await this.conn.all<FormRow>('SELECT * FROM form_definitions ORDER BY id, version DESC')).map(toForm);
  }

  /** The newest active version of each form id. */
  async listActive(): Promise<StoredForm[]> {
    const rows = await this.conn.all<FormRow>(
      `SELECT f.* FROM form_definitions f
       WHERE f.active = 1 AND f.version = (SELECT MAX(version) FROM form_definitions g WHERE g.id = f.id AND g.active = 1)
       ORDER BY f.id`,
    );
    return rows.map(toForm);
  }

  async get(id: string, version: number): Promise<StoredForm | null> {
    const r = await this.conn.get<FormRow>('SELECT * FROM form_definitions WHERE id = ? AND version = ?', [id, version]);
    return r ? toForm(r) : null;
  }

  /** The highest stored version of an id, active or not; null when the id is new. */
  async newestVersion(id: string): Promise<number | null> {
    const r = await this.conn.get<{ v: number | null }>('SELECT MAX(version) AS v FROM form_definitions WHERE id = ?', [id]);
    return r?.v ?? null;
  }

  async retentionDays(): Promise<number> {
    const r = await this.conn.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [RETENTION_SETTING]);
    if (!r) return DEFAULT_RETENTION_DAYS;
    const v = JSON.parse(r.value) as unknown;
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : DEFAULT_RETENTION_DAYS;
  }
}

export class FormWrites extends FormReads {
  constructor(private readonly tx: Connection) {
    super(tx);
  }

  async insert(def: FormDefinition, at: number, by: string | null, active = true): Promise<void> {
    await this.tx.run('INSERT INTO form_definitions (id, version, definition, active, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)', [
      def.id,
      def.version,
      JSON.stringify(def),
      active ? 1 : 0,
      at,
      by,
    ]);
  }

  /** Sets one version's flag, or every version's when version is null. Returns the rows changed. */
  async setActive(id: string, version: number | null, active: boolean): Promise<number> {
    const r =
      version === null
        ? await this.tx.run('UPDATE form_definitions SET active = ? WHERE id = ?', [active ? 1 : 0, id])
        : await this.tx.run('UPDATE form_definitions SET active = ? WHERE id = ? AND version = ?', [active ? 1 : 0, id, version]);
    return r.changes;
  }

  async setRetentionDays(days: number): Promise<void> {
    await this.tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
      RETENTION_SETTING,
      JSON.stringify(days),
    ]);
  }
}

export class FormStore {
  readonly reads: FormReads;

  constructor(private readonly db: Database) {
    this.reads = new FormReads(db.reader);
  }

  write<T>(fn: (tx: FormWrites, conn: Connection) => Promise<T>): Promise<T> {
    return this.db.write((conn) => fn(new FormWrites(conn), conn));
  }
}
