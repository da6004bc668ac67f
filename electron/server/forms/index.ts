// Builds the forms module for the composition root (hallServer.ts): the personal-data
// cipher with its key source, the definition catalog, the submission use cases, the admin
// side, and later the retention job.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { formMessagesFrom, type FormMessages } from '../../core/forms/validate.js';
import { LANGUAGES, type Language } from '../../core/model.js';
import type { Clock, IdSource } from '../../core/ports.js';
import type { Database } from '../../store/db.js';
import { FormStore } from '../../store/formStore.js';
import type { SqliteHallStore } from '../../store/hallStore.js';
import { SubmissionStore } from '../../store/submissionStore.js';
import type { AuditLog } from '../audit.js';
import { FormCatalog } from './catalog.js';
import { FormAdmin } from './formAdmin.js';
import { defaultKeyFile, PersonalDataCipher, type KeySetup } from './personalData.js';
import { startRetentionJob, type RetentionJob } from './retentionJob.js';
import { Submissions } from './submissions.js';

/** The Errors objects of resources/locales/<lang>/forms.json, as the validator wants them. */
export function loadFormMessages(resourcesDir: string): FormMessages {
  const errors = {} as Record<Language, Record<string, unknown> | undefined>;
  for (const lang of LANGUAGES) {
    try {
      const doc = JSON.parse(readFileSync(join(resourcesDir, 'locales', lang, 'forms.json'), 'utf8')) as { Errors?: Record<string, unknown> };
      errors[lang] = doc.Errors;
    } catch {
      errors[lang] = undefined;
    }
  }
  return formMessagesFrom(errors);
}

/** FormMessages from the merged `forms` namespace, rebuilt only when its texts object changes. */
function mergedFormMessages(locales: { mergedLocale(lang: Language, ns: string): unknown }): () => FormMessages {
  let last: unknown[] = [];
  let built: FormMessages | null = null;
  return () => {
    const docs = LANGUAGES.map((l) => locales.mergedLocale(l, 'forms'));
    if (!built || docs.some((d, i) => d !== last[i])) {
      const errors = {} as Record<Language, Record<string, unknown> | undefined>;
      LANGUAGES.forEach((l, i) => (errors[l] = (docs[i] as { Errors?: Record<string, unknown> } | undefined)?.Errors));
      built = formMessagesFrom(errors);
      last = docs;
    }
    return built;
  };
}

/**
 * Where the data key comes from: an explicit key file wins; inside Electron the shell's
 * keyring (attached after start, nothing is sealed before that); a headless server uses
 * <dataDir>/keys/personal-data.key.
 */
export function keySetupFor(dataDir: string, keyFile: string | undefined, inElectron = Boolean(process.versions.electron)): KeySetup {
  if (keyFile) return { kind: 'key_file', file: resolve(keyFile), dataDir };
  if (inElectron) return { kind: 'keyring' };
  return { kind: 'key_file', file: defaultKeyFile(dataDir), dataDir };
}

export interface FormsDeps {
  db: Database;
  hall: SqliteHallStore;
  clock: Clock;
  ids: IdSource;
  audit: AuditLog;
  log: Logger;
  dataDir: string;
  resourcesDir: string;
  keyFile?: string | undefined;
  /** Key ids of records sealed before this start (prepareDataKey); the keyring may not make a key then. */
  neededKeyIds?: string[];
  /** The merged locale texts (shipped + reviewed overrides); without it the shipped files are read once. */
  locales?: { mergedLocale(lang: Language, ns: string): unknown };
}

export function createForms(d: FormsDeps) {
  const shipped = loadFormMessages(d.resourcesDir);
  const personalData = new PersonalDataCipher(keySetupFor(d.dataDir, d.keyFile), d.neededKeyIds ?? []);
  const status = personalData.status();
  if (status.problem) d.log.warn({ source: status.source, problem: status.problem }, 'personal-data key not ready');
  const forms = new FormCatalog(new FormStore(d.db));
  const submissions = new Submissions({
    catalog: forms,
    store: new SubmissionStore(d.db),
    cipher: personalData,
    hall: d.hall.reads,
    clock: d.clock,
    audit: d.audit,
    messages: d.locales ? mergedFormMessages(d.locales) : () => shipped,
    newId: () => d.ids.newId(),
  });
  const formAdmin = new FormAdmin({ catalog: forms, audit: d.audit, clock: d.clock, hall: d.hall, log: d.log });
  return { personalData, forms, submissions, formAdmin, retention: null as RetentionJob | null };
}

/** Seeds the shipped forms, then starts the retention job (hourly, and once now). */
export async function startForms(
  parts: ReturnType<typeof createForms>,
  d: Pick<FormsDeps, 'resourcesDir' | 'audit' | 'clock' | 'log'>,
): Promise<RetentionJob> {
  await parts.formAdmin.seedShipped(d.resourcesDir);
  return startRetentionJob({ catalog: parts.forms, store: parts.submissions.store, audit: d.audit, clock: d.clock, log: d.log });
}
