// Turns the authenticated principal into the actor the core expects.
import type { StaffActor } from '../../../core/ports.js';
import { HttpError } from '../errors.js';
import type { Request } from '../router.js';

export function staffActor(req: Request): StaffActor {
  const p = req.principal;
  if (p.kind !== 'staff') throw new HttpError(403, 'FORBIDDEN');
  return { staffId: p.staffId, role: p.role };
}

export function kioskId(req: Request): string {
  const p = req.principal;
  if (p.kind !== 'device' || p.role !== 'kiosk') throw new HttpError(403, 'FORBIDDEN');
  return p.deviceId;
}
