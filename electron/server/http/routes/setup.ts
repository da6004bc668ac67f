// Setup on the admin page: services and counters. Each change is validated, written in one
// transaction together with its audit entry (before → after), and then made live: the
// store drops its catalogue cache after the commit and every page (kiosk, counter, display,
// admin) gets a `catalog` event over the WebSocket and refetches. No restart.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LANGUAGES, WEEKDAYS, type Counter, type ServiceItem, type WeeklyHours } from '../../../core/model.js';
import { areValidPeriods, isClockTime } from '../../../core/numbering.js';
import type { ServerContext } from '../../context.js';
import { counterJson } from '../../dto.js';
import { PICTOGRAMS } from '../../pictograms.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';
import { parse } from '../validate.js';

const Id = z.string().min(1).max(64);
export const Names = z.object({
  zh: z.string().trim().min(1).max(40),
  bo: z.string().trim().min(1).max(80),
  ug: z.string().trim().min(1).max(80),
});
const Time = z.string().refine(isClockTime, { message: 'HH:MM from 00:00 to 24:00' });
const Periods = z
  .array(z.tuple([Time, Time]))
  .max(6)
  .refine((p) => areValidPeriods(p), { message: 'periods in order, each from < to, not overlapping' });
export const Hours = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, Periods.optional()])) as Record<(typeof WEEKDAYS)[number], z.ZodOptional<typeof Periods>>)
  .strict();

const ServiceFields = z
  .object({
    prefix: z.string().regex(/^[A-Z]$/, { message: 'one capital letter A–Z' }),
    names: Names,
    numberFrom: z.number().int().min(1).max(999),
    numberTo: z.number().int().min(1).max(999),
    averageMinutes: z.number().min(1).max(240),
    openFrom: Time,
    openTo: Time,
    hours: Hours.nullable(),
    active: z.boolean(),
    formId: Id.nullable(),
    sortOrder: z.number().int().min(0).max(9999),
    icon: z.enum(PICTOGRAMS).nullable(),
  })
  .strict();

const NewService = ServiceFields.partial()
  .required({ prefix: true, names: true })
  .extend({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/).optional() })
  .strict();
const ServicePatch = ServiceFields.partial().refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });

const CounterPatch = z
  .object({
    number: z.number().int().min(1).max(999),
    names: Names,
    services: z
      .array(z.object({ serviceId: Id, weight: z.number().int().min(0).max(100) }).strict())
      .max(50)
      .refine((l) => new Set(l.map((s) => s.serviceId)).size === l.length, { message: 'each service once' }),
    usualLanguages: z
      .array(z.enum(LANGUAGES))
      .max(3)
      .refine((l) => new Set(l).size === l.length, { message: 'each language once' }),
  })
  .strict()
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });

/** A service as the audit log keeps it (no personal data in a service). */
function serviceSnapshot(s: ServiceItem): Record<string, unknown> {
  return { ...s };
}

function counterSnapshot(c: Counter): Record<string, unknown> {
  return { number: c.number, names: c.names, services: c.services, usualLanguages: c.usualLanguages ?? [] };
}

/** Only the fields that changed, for a readable audit entry. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}

function checkService(s: ServiceItem): void {
  const problems: { path: string; problem: string }[] = [];
  if (s.numberFrom > s.numberTo) problems.push({ path: 'numberTo', problem: 'numberTo must not be below numberFrom' });
  if (s.openFrom >= s.openTo) problems.push({ path: 'openTo', problem: 'openTo must be after openFrom' });
  if (problems.length > 0) throw new HttpError(400, 'BAD_REQUEST', { issues: problems });
}

/** Whether a form id is known (the forms module's table, when it exists). */
async function formKnown(ctx: ServerContext, formId: string): Promise<boolean> {
  const table = await ctx.db.reader.get<{ n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'form_definitions'");
  if (!table?.n) return false;
  return (await ctx.db.reader.get('SELECT 1 FROM form_definitions WHERE id = ? LIMIT 1', [formId])) !== undefined;
}

export function registerSetupRoutes(router: Router, ctx: ServerContext): void {
  router.add('POST', '/api/services', { access: ['admin'], maxBody: 8192 }, async (req) => {
    const body = parse(NewService, req.body);
    if (body.formId && !(await formKnown(ctx, body.formId))) throw new HttpError(422, 'FORM_UNKNOWN', { formId: body.formId });
    const existing = await ctx.store.reads.listServices();
    const service: ServiceItem = {
      id: body.id ?? `svc-${body.prefix.toLowerCase()}-${randomUUID().slice(0, 8)}`,
      prefix: body.prefix,
      names: body.names,
      numberFrom: body.numberFrom ?? 1,
      numberTo: body.numberTo ?? 999,
      averageMinutes: body.averageMinutes ?? 10,
      openFrom: body.openFrom ?? '00:00',
      openTo: body.openTo ?? '24:00',
      hours: (body.hours as WeeklyHours | null | undefined) ?? null,
      active: body.active ?? true,
      formId: body.formId ?? null,
      sortOrder: body.sortOrder ?? existing.reduce((m, s) => Math.max(m, s.sortOrder), 0) + 1,
      icon: body.icon ?? null,
    };
    checkService(service);
    await ctx.store.write(async (tx) => {
      const all = await tx.listServices();
      if (all.some((s) => s.id === service.id)) throw new HttpError(409, 'SERVICE_ID_TAKEN');
      if (all.some((s) => s.prefix === service.prefix)) throw new HttpError(409, 'PREFIX_TAKEN', { prefix: service.prefix });
      await tx.saveService(service);
      await ctx.audit.recordIn(tx.connection, req.principal, {
        action: 'setup.service.create',
        target: service.id,
        detail: { before: null, after: serviceSnapshot(service) },
      });
    });
    ctx.hub.sendCatalog('services');
    return { status: 201, json: service };
  });

  router.add('PATCH', '/api/services/:id', { access: ['admin'], maxBody: 8192 }, async (req) => {
    const id = parse(Id, req.params.id);
    const patch = parse(ServicePatch, req.body);
    if (patch.formId && !(await formKnown(ctx, patch.formId))) throw new HttpError(422, 'FORM_UNKNOWN', { formId: patch.formId });
    const updated = await ctx.store.write(async (tx) => {
      const all = await tx.listServices();
      const before = all.find((s) => s.id === id);
      if (!before) throw new HttpError(404, 'NOT_FOUND');
      const after: ServiceItem = { ...before, ...patch, hours: patch.hours === undefined ? before.hours : (patch.hours as WeeklyHours | null) };
      checkService(after);
      if (all.some((s) => s.id !== id && s.prefix === after.prefix)) throw new HttpError(409, 'PREFIX_TAKEN', { prefix: after.prefix });
      const diff = changedFields(serviceSnapshot(before), serviceSnapshot(after));
      if (Object.keys(diff.after).length === 0) return after;
      await tx.saveService(after);
      await ctx.audit.recordIn(tx.connection, req.principal, { action: 'setup.service.update', target: id, detail: diff });
      return after;
    });
    ctx.hub.sendCatalog('services');
    return { status: 200, json: updated };
  });

  router.add('PATCH', '/api/counters/:id', { access: ['admin'], maxBody: 8192 }, async (req) => {
    const id = parse(Id, req.params.id);
    const patch = parse(CounterPatch, req.body);
    if (patch.services) {
      const known = new Set((await ctx.store.reads.listServices()).map((s) => s.id));
      const unknown = patch.services.find((s) => !known.has(s.serviceId));
      if (unknown) throw new HttpError(422, 'NOT_FOUND', { serviceId: unknown.serviceId });
    }
    const updated = await ctx.store.write(async (tx) => {
      const all = await tx.listCounters();
      const before = all.find((c) => c.id === id);
      if (!before) throw new HttpError(404, 'NOT_FOUND');
      if (patch.number !== undefined && all.some((c) => c.id !== id && c.number === patch.number)) throw new HttpError(409, 'COUNTER_NUMBER_TAKEN');
      const after: Counter = { ...before, ...patch };
      const diff = changedFields(counterSnapshot(before), counterSnapshot(after));
      if (Object.keys(diff.after).length === 0) return after;
      await tx.saveCounter(after);
      await ctx.audit.recordIn(tx.connection, req.principal, { action: 'setup.counter.update', target: id, detail: diff });
      return after;
    });
    ctx.deps.events.publish({ type: 'counter', counter: updated });
    ctx.hub.sendCatalog('counters');
    return { status: 200, json: counterJson(updated) };
  });
}
