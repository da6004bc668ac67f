// ctx.forms: the form definitions as the routes, the seed and the export see them. A stored
// (id, version) never changes, so it is cached for good; the active list is cached until a
// write through this catalog changes it.
import type { FormDefinition } from '../../core/forms/definition.js';
import type { Connection } from '../../store/db.js';
import type { FormStore, FormWrites, StoredForm } from '../../store/formStore.js';

export class FormCatalog {
  private readonly versions = new Map<string, FormDefinition>();
  private activeList: Promise<FormDefinition[]> | null = null;

  constructor(readonly store: FormStore) {}

  async get(id: string, version: number): Promise<FormDefinition | null> {
    const key = `${id}\u0000${version}`;
    const hit = this.versions.get(key);
    if (hit) return hit;
    const stored = await this.store.reads.get(id, version);
    if (!stored) return null;
    if (this.versions.size > 1000) this.versions.clear();
    this.versions.set(key, stored.definition);
    return stored.definition;
  }

  /** The newest active version of every form. */
  active(): Promise<FormDefinition[]> {
    if (!this.activeList) {
      const p = this.store.reads.listActive().then((l) => l.map((f) => f.definition));
      this.activeList = p;
      p.catch(() => {
        if (this.activeList === p) this.activeList = null;
      });
    }
    return this.activeList;
  }

  /** The newest active version of one form, or null when it has none. */
  async activeVersion(id: string): Promise<FormDefinition | null> {
    return (await this.active()).find((d) => d.id === id) ?? null;
  }

  all(): Promise<StoredForm[]> {
    return this.store.reads.listAll();
  }

  retentionDays(): Promise<number> {
    return this.store.reads.retentionDays();
  }

  /** A write to the definitions; the active list is reloaded after it. */
  async write<T>(fn: (tx: FormWrites, conn: Connection) => Promise<T>): Promise<T> {
    try {
      return await this.store.write(fn);
    } finally {
      this.activeList = null;
    }
  }
}
