// Devices (kiosk and display tokens) and staff accounts: admin only.
import { z } from 'zod';
import type { ServerContext } from '../../context.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';
import { parse } from '../validate.js';

const NewDevice = z.object({
  role: z.enum(['kiosk', 'display', 'rater']),
  name: z.string().trim().min(1).max(80),
  /** A rating pad (rater) is paired to one counter. */
  counterId: z.string().min(1).max(64).optional(),
});

const NewStaff = z.object({
  username: z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}._-]+$/u),
  password: z.string().min(8).max(256),
  role: z.enum(['staff', 'admin']),
});

const Id = z.string().min(1).max(64);

export function registerAdminRoutes(router: Router, ctx: ServerContext): void {
  router.add('POST', '/api/devices', { access: ['admin'], maxBody: 4096 }, async (req) => {
    const { role, name, counterId } = parse(NewDevice, req.body);
    if (role === 'rater' && (!counterId || !(await ctx.store.reads.getCounter(counterId)))) {
      throw new HttpError(400, 'BAD_REQUEST', { issues: [{ path: 'counterId', problem: 'a rating pad needs an existing counter' }] });
    }
    const { device, token } = await ctx.auth.createDevice(role, name, role === 'rater' ? counterId! : null);
    ctx.log.info({ deviceId: device.id, role }, 'device created');
    // Creating a rating pad pairs it with its counter; the token itself is never logged.
    await ctx.audit.record(req.principal, {
      action: 'setup.device.create',
      target: device.id,
      detail: { before: null, after: { role, name, ...(role === 'rater' ? { counterId } : {}) } },
    });
    return { status: 201, json: { id: device.id, role, name, token, ...(role === 'rater' ? { counterId } : {}) } };
  });

  router.add('GET', '/api/devices', { access: ['admin'] }, async () => {
    const list = await ctx.auth.listDevices();
    return {
      status: 200,
      json: list.map((d) => ({
        id: d.id,
        role: d.role,
        name: d.name,
        counterId: d.counterId,
        createdAt: new Date(d.createdAt).toISOString(),
        revokedAt: d.revokedAt === null ? null : new Date(d.revokedAt).toISOString(),
      })),
    };
  });

  router.add('DELETE', '/api/devices/:id', { access: ['admin'] }, async (req) => {
    const id = parse(Id, req.params.id);
    const device = (await ctx.auth.listDevices()).find((d) => d.id === id);
    if (!(await ctx.auth.revokeDevice(id))) throw new HttpError(404, 'NOT_FOUND');
    ctx.log.info({ deviceId: id }, 'device revoked');
    await ctx.audit.record(req.principal, {
      action: 'setup.device.revoke',
      target: id,
      detail: { name: device?.name ?? null, role: device?.role ?? null, counterId: device?.counterId ?? null, before: { revoked: false }, after: { revoked: true } },
    });
    return { status: 204 };
  });

  router.add('POST', '/api/staff', { access: ['admin'], maxBody: 4096 }, async (req) => {
    const { username, password, role } = parse(NewStaff, req.body);
    const staff = await ctx.auth.createStaff(username, password, role);
    if (!staff) throw new HttpError(409, 'USERNAME_TAKEN');
    ctx.log.info({ staffId: staff.id, role }, 'staff created');
    await ctx.audit.record(req.principal, { action: 'setup.staff.create', target: staff.id, detail: { username, after: { role, active: true } } });
    return { status: 201, json: { id: staff.id } };
  });

  router.add('GET', '/api/staff', { access: ['admin'] }, async () => {
    const list = await ctx.auth.listStaff();
    return {
      status: 200,
      json: list.map((s) => ({ id: s.id, username: s.username, role: s.role, active: s.active, createdAt: new Date(s.createdAt).toISOString() })),
    };
  });
}
