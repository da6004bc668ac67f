// The export on the admin page: settings (targets, district key with its fingerprint,
// schedule), the hall's public key for the district, run history, "export now" and its
// progress. Admin only.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isValidSchedule } from '../../../core/export/schedule.js';
import type { ServerContext } from '../../context.js';
import { exportServiceOf } from '../../export/index.js';
import { loadOrCreateHallKey, readDistrictKey, type SealingPort } from '../../export/keys.js';
import { readExportSettings } from '../../export/settings.js';
import { targetsSchema } from '../../export/targets.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';
import { parse } from '../validate.js';

const settingsBody = z.object({
  schedule: z.string().refine(isValidSchedule, 'HH:MM').optional(),
  targets: targetsSchema.optional(),
  /** Armored public key; '' removes it. */
  districtKey: z.string().max(64 * 1024).optional(),
});

function service(ctx: ServerContext) {
  const s = exportServiceOf(ctx);
  if (!s) throw new HttpError(503, 'EXPORT_UNAVAILABLE');
  return s;
}

async function settingsJson(ctx: ServerContext) {
  const s = service(ctx);
  const settings = await readExportSettings(s.store);
  let district: { fingerprint: string; userIds: string[] } | null = null;
  if (settings.districtKey) {
    try {
      const k = await readDistrictKey(settings.districtKey);
      district = { fingerprint: k.fingerprint, userIds: k.userIds };
    } catch {
      district = null;
    }
  }
  const open = await s.store.openBatch();
  return {
    schedule: settings.schedule,
    targets: settings.targets,
    districtKey: settings.districtKey,
    district,
    nextRun: s.scheduler.nextRun()?.toISOString() ?? null,
    pendingBatch: open ? { id: open.id, status: open.status, createdAt: open.createdAt, confirmed: await s.store.confirmations(open.id) } : null,
  };
}

/** A stored district key's fingerprint for the audit trail; one that no longer reads is named so. */
async function districtFingerprint(armored: string | null): Promise<string | null> {
  if (!armored) return null;
  try {
    return (await readDistrictKey(armored)).fingerprint;
  } catch {
    return 'unreadable';
  }
}

export function registerExportRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/export/settings', { access: ['admin'] }, async () => ({ status: 200, json: await settingsJson(ctx) }));

  router.add('PUT', '/api/export/settings', { access: ['admin'], maxBody: 80 * 1024 }, async (req) => {
    const body = parse(settingsBody, req.body);
    const s = service(ctx);
    let afterKey: string | null = null;
    if (body.districtKey) {
      try {
        afterKey = (await readDistrictKey(body.districtKey)).fingerprint;
      } catch (e) {
        throw new HttpError(400, 'EXPORT_BAD_KEY', { problem: (e as Error).message });
      }
    }
    const before = await readExportSettings(s.store);
    // Every later batch is encrypted to this key: the trail names both keys by fingerprint, so a
    // key swapped in by a stolen admin session is visible (never the armored key itself).
    const beforeKey = await districtFingerprint(before.districtKey);
    await ctx.db.write(async (c) => {
      if (body.schedule !== undefined) await s.store.setSettingIn(c, 'export.schedule', body.schedule);
      if (body.targets !== undefined) await s.store.setSettingIn(c, 'export.targets', body.targets);
      if (body.districtKey !== undefined) await s.store.setSettingIn(c, 'export.districtKey', body.districtKey === '' ? null : body.districtKey);
      await ctx.audit.recordIn(c, req.principal, {
        action: 'setup.export.update',
        target: 'export',
        detail: {
          before: { schedule: before.schedule, targets: before.targets, districtKey: beforeKey },
          after: { schedule: body.schedule, targets: body.targets, districtKey: body.districtKey === undefined ? undefined : afterKey },
        },
      });
    });
    await s.scheduler.reschedule();
    return { status: 200, json: await settingsJson(ctx) };
  });

  // Made on first request if the hall has none yet, so the district can be sent the key
  // before the first export.
  router.add('GET', '/api/export/hall-key', { access: ['admin'] }, async () => {
    const sealing = (ctx as { personalData?: SealingPort }).personalData ?? null;
    try {
      const k = await loadOrCreateHallKey(ctx.config.dataDir, ctx.config.hallName.zh, sealing);
      // The id every batch's manifest names, so the district enrols the hall under it.
      const hallId = await service(ctx).store.settingOrCreate('export.hallId', () => randomUUID());
      return { status: 200, json: { hallId, publicKey: k.publicArmored, fingerprint: k.fingerprint, protection: k.protection } };
    } catch (e) {
      ctx.log.error({ err: e }, 'hall export key');
      throw new HttpError(503, 'EXPORT_KEY_UNAVAILABLE');
    }
  });

  router.add('GET', '/api/export/runs', { access: ['admin'] }, async (req) => {
    const limit = Math.min(200, Math.max(1, Number.parseInt(req.query.get('limit') ?? '50', 10) || 50));
    return { status: 200, json: await service(ctx).store.listRuns(limit) };
  });

  router.add('GET', '/api/export/status', { access: ['admin'] }, () => ({ status: 200, json: { running: service(ctx).runner.progress() } }));

  // Starts a run and answers at once; progress comes from GET /api/export/status and the
  // staff WebSocket's `export.progress` events.
  router.add('POST', '/api/export/run', { access: ['admin'], maxBody: 1024 }, async (req) => {
    const s = service(ctx);
    if (s.runner.progress()) throw new HttpError(409, 'EXPORT_RUNNING');
    const done = s.runner.run({ trigger: 'manual', principal: req.principal });
    done.catch((e: unknown) => ctx.log.error({ err: e }, 'manual export'));
    // Give the run its first step, so the answer can say whether it started.
    await new Promise((r) => setImmediate(r));
    return { status: 202, json: { started: true, running: s.runner.progress() } };
  });
}
