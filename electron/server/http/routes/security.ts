// How residents' personal-data key is protected, for the admin page's security notice.
// The key itself lives in the Electron shell (electron/shell/dataKey.ts: safeStorage); the
// shell attaches its keyring to the server context after start. A headless hall server has
// no keyring attached and reports protection 'none'. The acknowledgement of the basic_text
// risk is recorded by the keyring itself (who and when), because the keyring is what refuses
// to hand out the key until then: one source of truth, not a second flag in the settings.
import type { ServerContext } from '../../context.js';
import type { PersonalDataStatus } from '../../forms/personalData.js';
import type { Principal, Router } from '../router.js';

/** What the shell's keyring reports (structurally PersonalDataKeyring.status()). */
export interface PersonalDataKeyStatusLike {
  protection: 'os' | 'basic_text' | 'unavailable';
  backend: string;
  riskAcknowledged: { by: string; at: string } | null;
  personalDataAllowed: boolean;
  problem: string | null;
}

/** The two keyring calls the server needs; PersonalDataKeyring satisfies this as it is. */
export interface PersonalDataKeySource {
  status(): PersonalDataKeyStatusLike;
  acknowledgeBasicTextRisk(by: string): PersonalDataKeyStatusLike;
  /** The data key itself (PersonalDataKeyring.key()); the forms cipher seals with it. */
  key?(): Buffer | null;
  /** The stored key without making one (PersonalDataKeyring.existingKey()). */
  existingKey?(): Buffer | null;
  /** Where the keyring keeps its wrapped key. */
  location?: string | undefined;
}

// Keyed by context so two servers in one process (tests) never share a keyring.
const sources = new WeakMap<ServerContext, PersonalDataKeySource>();

/** Called by the Electron shell once its keyring exists: `attachPersonalDataKey(server.context, keyring)`. */
export function attachPersonalDataKey(ctx: ServerContext, source: PersonalDataKeySource): void {
  sources.set(ctx, source);
  const key = source.key?.bind(source);
  const existingKey = source.existingKey?.bind(source);
  if (key) ctx.personalData.attachKeyring({ key, ...(existingKey ? { existingKey } : {}), ...(source.location ? { location: source.location } : {}) });
}

export interface SecurityJson {
  personalDataKey: {
    /** 'none': headless server, no OS secret store in use; 'unavailable': Electron found no encryption at all. */
    protection: 'os' | 'basic_text' | 'unavailable' | 'none';
    backend: string | null;
    acknowledged: boolean;
    acknowledgedBy: string | null;
    acknowledgedAt: string | null;
    personalDataAllowed: boolean;
    problem: string | null;
  };
  /** Which key seals personal answers now: the shell's keyring or a key file (and where it lies). */
  personalDataStorage?: PersonalDataStatus;
  dataKey?: DataKeyJson;
}

export function securityJson(source: PersonalDataKeySource | undefined): SecurityJson {
  if (!source) {
    return {
      personalDataKey: { protection: 'none', backend: null, acknowledged: false, acknowledgedBy: null, acknowledgedAt: null, personalDataAllowed: true, problem: null },
    };
  }
  const s = source.status();
  return {
    personalDataKey: {
      protection: s.protection,
      backend: s.backend,
      acknowledged: s.riskAcknowledged !== null,
      acknowledgedBy: s.riskAcknowledged?.by ?? null,
      acknowledgedAt: s.riskAcknowledged?.at ?? null,
      personalDataAllowed: s.personalDataAllowed,
      problem: s.problem,
    },
  };
}

/** The key's fingerprint, its confirmed backup and an unfinished rotation, for the security section. */
export interface DataKeyJson {
  keyId: string | null;
  backup: { at: number; protection: 'passphrase' | 'openpgp' } | null;
  rotation: { toKeyId: string; startedAt: number; recordsMoved: number } | null;
}

async function dataKeyJson(ctx: ServerContext, status: PersonalDataStatus): Promise<DataKeyJson> {
  const backup = status.keyId
    ? await ctx.db.reader.get<{ made_at: number; protection: 'passphrase' | 'openpgp' }>(
        'SELECT made_at, protection FROM data_key_backups WHERE key_id = ? ORDER BY made_at DESC LIMIT 1',
        [status.keyId],
      )
    : undefined;
  const rotation = await ctx.db.reader.get<{ to_key_id: string; started_at: number; records_moved: number }>(
    'SELECT to_key_id, started_at, records_moved FROM data_key_rotations WHERE finished_at IS NULL',
  );
  return {
    keyId: status.keyId,
    backup: backup ? { at: backup.made_at, protection: backup.protection } : null,
    rotation: rotation ? { toKeyId: rotation.to_key_id, startedAt: rotation.started_at, recordsMoved: rotation.records_moved } : null,
  };
}

function adminName(p: Principal): string {
  return p.kind === 'staff' ? p.username : 'admin';
}

export function registerSecurityRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/security', { access: ['admin'] }, async () => {
    const storage = ctx.personalData.status();
    return { status: 200, json: { ...securityJson(sources.get(ctx)), personalDataStorage: storage, dataKey: await dataKeyJson(ctx, storage) } };
  });

  // Idempotent: acknowledging when the key is OS-protected (or headless) changes nothing
  // and returns the current status, so a double click or a stale page never errors.
  router.add('POST', '/api/security/acknowledge', { access: ['admin'], maxBody: 1024 }, async (req) => {
    const source = sources.get(ctx);
    const before = securityJson(source).personalDataKey;
    if (source && source.status().protection === 'basic_text') {
      source.acknowledgeBasicTextRisk(adminName(req.principal));
      ctx.log.warn({ staffId: req.principal.kind === 'staff' ? req.principal.staffId : null }, 'personal-data key basic_text risk acknowledged');
    }
    // Audited even when it changed nothing (OS-protected or headless): the admin said yes to a risk notice.
    const after = securityJson(source).personalDataKey;
    await ctx.audit.record(req.principal, {
      action: 'setup.security.basicTextAck',
      target: 'personalDataKey',
      detail: { protection: after.protection, before: { acknowledged: before.acknowledged }, after: { acknowledged: after.acknowledged } },
    });
    const storage = ctx.personalData.status();
    return { status: 200, json: { ...securityJson(source), personalDataStorage: storage, dataKey: await dataKeyJson(ctx, storage) } };
  });
}
