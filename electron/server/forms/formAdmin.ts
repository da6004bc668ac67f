// The admin's side of forms: workbook import (a new version, audited), workbook export,
// activation, the retention setting; and the seed of the shipped default forms.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { FormDefinition } from '../../core/forms/definition.js';
import type { Clock } from '../../core/ports.js';
import type { SqliteHallStore } from '../../store/hallStore.js';
import type { StoredForm } from '../../store/formStore.js';
import type { AuditLog } from '../audit.js';
import { ServiceError } from '../../shared/serviceError.js';
import type { Principal } from '../../shared/principal.js';
import type { FormCatalog } from './catalog.js';
import { checkDefinition } from './checkDefinition.js';
import { startupFault } from '../startupFaults.js';
import type { Connection } from '../../store/db.js';

/** Links a form to its service inside the caller's transaction, unless the service has one. */
async function linkFormIfUnset(conn: Connection, serviceId: string, formId: string): Promise<boolean> {
  const r = await conn.run('UPDATE services SET form_id = ? WHERE id = ? AND form_id IS NULL', [formId, serviceId]);
  return r.changes > 0;
}

export interface FormAdminDeps {
  catalog: FormCatalog;
  audit: AuditLog;
  clock: Clock;
  hall: SqliteHallStore;
  log: Logger;
}

function byOf(p: Principal): string | null {
  return p.kind === 'staff' ? p.username : null;
}

export class FormAdmin {
  constructor(private readonly d: FormAdminDeps) {}

  /**
   * Stores an uploaded XLSForm workbook as a new version of its form. The version is the
   * workbook's own when it is newer than every stored one, otherwise the next number.
   */
  async importWorkbook(buffer: Buffer, who: Principal): Promise<StoredForm> {
    // exceljs is loaded only when an admin imports or exports a workbook, not at every start.
    const { importWorkbook } = await import('./xlsform.js');
    let result: Awaited<ReturnType<typeof importWorkbook>>;
    try {
      result = await importWorkbook(buffer);
    } catch {
      // Not a zip / not a spreadsheet at all: one problem for the workbook as a whole.
      throw new ServiceError('invalid', 'FORM_IMPORT_FAILED', { problems: [{ sheet: '', row: 0, column: '', message: 'not an .xlsx workbook' }] });
    }
    if (!result.ok) throw new ServiceError('invalid', 'FORM_IMPORT_FAILED', { problems: result.errors.slice(0, 200) });
    const imported = result.definition;
    const now = this.d.clock.now();
    return this.d.catalog.write(async (tx, conn) => {
      const newest = await tx.newestVersion(imported.id);
      const version = newest === null ? imported.version : Math.max(imported.version, newest + 1);
      const def: FormDefinition = { ...imported, version };
      await tx.insert(def, now, byOf(who));
      await this.d.audit.recordIn(conn, who, {
        action: 'setup.form.import',
        target: def.id,
        detail: { version, fields: def.fields.length, bytes: buffer.length },
      });
      return { id: def.id, version, definition: def, active: true, createdAt: now, createdBy: byOf(who) };
    });
  }

  async exportWorkbook(id: string, version: number | null): Promise<{ definition: FormDefinition; buffer: Buffer }> {
    let def: FormDefinition | null;
    if (version !== null) def = await this.d.catalog.get(id, version);
    else {
      const newest = await this.d.catalog.store.reads.newestVersion(id);
      def = newest === null ? null : await this.d.catalog.get(id, newest);
    }
    if (!def) throw new ServiceError('not_found', 'NOT_FOUND');
    const { exportWorkbook } = await import('./xlsform.js');
    return { definition: def, buffer: Buffer.from(await exportWorkbook(def)) };
  }

  /** Activates or deactivates one version, or (no version) every version of the form. */
  async setActive(id: string, version: number | null, active: boolean, who: Principal): Promise<{ id: string; activeVersion: number | null }> {
    await this.d.catalog.write(async (tx, conn) => {
      // Activating "the form" means its newest version; deactivating it means all of them.
      const target = version ?? (active ? await tx.newestVersion(id) : null);
      if (active && target === null) throw new ServiceError('not_found', 'NOT_FOUND');
      const changed = await tx.setActive(id, target, active);
      if (changed === 0) throw new ServiceError('not_found', 'NOT_FOUND');
      await this.d.audit.recordIn(conn, who, { action: active ? 'setup.form.activate' : 'setup.form.deactivate', target: id, detail: { version: target } });
    });
    const current = await this.d.catalog.activeVersion(id);
    return { id, activeVersion: current?.version ?? null };
  }

  async setRetentionDays(days: number, who: Principal): Promise<void> {
    await this.d.catalog.write(async (tx, conn) => {
      const before = await tx.retentionDays();
      await tx.setRetentionDays(days);
      await this.d.audit.recordIn(conn, who, { action: 'setup.form.retention', target: null, detail: { before, after: days } });
    });
  }

  /**
   * Loads the shipped forms (resources/forms/*.json): a form not stored yet, or shipped in a
   * newer version than the newest stored one, is checked and stored. When a form is stored
   * for the first time, the service it names gets its formId (if it has none), so an existing
   * hall gains the default forms too; a later choice of the admin is never overridden.
   */
  async seedShipped(resourcesDir: string): Promise<string[]> {
    const dir = join(resourcesDir, 'forms');
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json' && !f.endsWith('.schema.json')).sort();
    } catch {
      return [];
    }
    const stored: string[] = [];
    for (const file of files) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (e) {
        this.d.log.error({ file, err: e }, 'shipped form is not JSON');
        continue;
      }
      const checked = checkDefinition(raw);
      if (!checked.ok) {
        this.d.log.error({ file, problems: checked.problems.slice(0, 20) }, 'shipped form refused');
        continue;
      }
      const def = checked.def;
      const now = this.d.clock.now();
      // Stored and linked to its service in ONE transaction: a power cut between the two used
      // to leave a stored form that the next start skipped and never linked (issue 19).
      const linked = await this.d.catalog.write(async (tx, conn) => {
        const newest = await tx.newestVersion(def.id);
        if (newest !== null && newest >= def.version) return null;
        await tx.insert(def, now, null);
        await this.d.audit.recordIn(conn, 'system', { action: 'setup.form.seed', target: def.id, detail: { version: def.version } });
        // Only a form new to this hall is linked; a later choice of the admin is never overridden.
        if (newest !== null || !def.serviceId) return false;
        return linkFormIfUnset(conn, def.serviceId, def.id);
      });
      if (linked === null) continue;
      // After the commit: the hall's cached catalog now sees the service's form.
      if (linked) this.d.hall.catalogChangedElsewhere();
      stored.push(`${def.id}@${def.version}`);
      startupFault(`form-${def.id}`);
    }
    if (stored.length > 0) this.d.log.info({ forms: stored }, 'default forms stored');
    return stored;
  }
}
