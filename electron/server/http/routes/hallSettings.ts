// The hall's own settings on the admin page: its name in three scripts, time zone, opening
// hours, the display's notice line, and the calling policy (recall gap, no-show after N
// calls, ageing limit). Stored in `settings` rows; every change is audited (before → after)
// and made live on every page through a `catalog` event.
import { join } from 'node:path';
import { z } from 'zod';
import type { HallPolicy, LocalizedText, WeeklyHours } from '../../../core/model.js';
import { isValidTimeZone } from '../../../core/numbering.js';
import type { ServerContext } from '../../context.js';
import { PICTOGRAMS } from '../../pictograms.js';
import type { Router } from '../router.js';
import { parse } from '../validate.js';
import { serveFile } from './pages.js';
import { changedFields, Hours, Names } from './setup.js';

export const HALL_NAME_KEY = 'hall.name';

const Notice = z
  .object({ zh: z.string().trim().max(200), bo: z.string().trim().max(400), ug: z.string().trim().max(400) })
  .strict();

/** A valid IANA zone, checked with Intl itself (what the core uses to compute the day). */
const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((z) => isValidTimeZone(z), { message: 'not an IANA time zone' });

const HallPatch = z
  .object({ names: Names, notice: Notice, timeZone: TimeZone, openingHours: Hours.nullable() })
  .strict()
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });

const PolicyPatch = z
  .object({
    recallGapSeconds: z.number().int().min(0).max(600),
    noShowAfterCalls: z.number().int().min(1).max(10),
    agingMinutes: z.number().int().min(1).max(240),
    serviceTimeSample: z.number().int().min(1).max(100),
  })
  .strict()
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });

export interface HallSettings {
  names: LocalizedText;
  notice: LocalizedText;
  timeZone: string;
  openingHours: WeeklyHours | null;
  policy: Pick<HallPolicy, 'recallGapSeconds' | 'noShowAfterCalls' | 'agingMinutes' | 'serviceTimeSample'>;
}

/** The hall's name: the one set on the admin page, else the configured (demo) name. */
export async function hallName(ctx: ServerContext): Promise<LocalizedText> {
  return (await ctx.store.setting<LocalizedText>(HALL_NAME_KEY)) ?? ctx.config.hallName;
}

async function settings(ctx: ServerContext): Promise<HallSettings> {
  const [names, notice, p] = await Promise.all([hallName(ctx), ctx.store.reads.getNotice(), ctx.store.reads.getPolicy()]);
  return {
    names,
    notice,
    timeZone: p.timeZone,
    openingHours: p.openingHours,
    policy: { recallGapSeconds: p.recallGapSeconds, noShowAfterCalls: p.noShowAfterCalls, agingMinutes: p.agingMinutes, serviceTimeSample: p.serviceTimeSample },
  };
}

export function registerHallSettingsRoutes(router: Router, ctx: ServerContext): void {
  // The printed ticket reads the configured name; keep it in step with the stored one.
  void hallName(ctx).then(
    (n) => (ctx.config.hallName = n),
    () => undefined,
  );

  router.add('GET', '/api/hall/settings', { access: ['admin'] }, async () => ({ status: 200, json: await settings(ctx) }));

  router.add('PATCH', '/api/hall/settings', { access: ['admin'], maxBody: 16384 }, async (req) => {
    const patch = parse(HallPatch, req.body);
    const before = await settings(ctx);
    await ctx.store.write(async (tx) => {
      const policy = await tx.getPolicy();
      if (patch.names) await tx.setSetting(HALL_NAME_KEY, patch.names);
      if (patch.notice) await tx.setNotice(patch.notice);
      if (patch.timeZone !== undefined || patch.openingHours !== undefined) {
        await tx.setPolicy({
          ...policy,
          timeZone: patch.timeZone ?? policy.timeZone,
          openingHours: patch.openingHours === undefined ? policy.openingHours : (patch.openingHours as WeeklyHours | null),
        });
      }
      const { policy: _p, ...b } = before;
      const after = { ...b, ...patch };
      await ctx.audit.recordIn(tx.connection, req.principal, { action: 'setup.hall.update', target: 'hall', detail: changedFields(b, after) });
    });
    if (patch.names) ctx.config.hallName = patch.names;
    ctx.hub.sendCatalog('hall');
    return { status: 200, json: await settings(ctx) };
  });

  router.add('PATCH', '/api/hall/policy', { access: ['admin'], maxBody: 4096 }, async (req) => {
    const patch = parse(PolicyPatch, req.body);
    await ctx.store.write(async (tx) => {
      const before = await tx.getPolicy();
      const after = { ...before, ...patch };
      await tx.setPolicy(after);
      await ctx.audit.recordIn(tx.connection, req.principal, {
        action: 'setup.policy.update',
        target: 'policy',
        detail: changedFields({ ...before }, { ...after }),
      });
    });
    ctx.hub.sendCatalog('hall');
    return { status: 200, json: await settings(ctx) };
  });

  router.add('GET', '/api/pictograms', { access: 'public' }, () => ({ status: 200, json: PICTOGRAMS.map((name) => ({ name, url: `/pictograms/${name}.svg` })) }));
  router.add('GET', '/pictograms/:file', { access: 'public' }, (req) =>
    serveFile(join(ctx.config.resourcesDir, 'pictograms'), req.params.file ?? '', 'public, max-age=86400', req.headers['if-none-match']),
  );
}
