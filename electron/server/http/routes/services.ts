import type { ServerContext } from '../../context.js';
import { isOpenAt } from '../../../core/numbering.js';
import { serviceQueues } from '../../../core/usecases/queueInfo.js';
import type { Router } from '../router.js';

export function registerServiceRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/hall', { access: 'public' }, async () => {
    const policy = await ctx.store.reads.getPolicy();
    return {
      status: 200,
      json: {
        name: ctx.config.hallName,
        timeZone: policy.timeZone,
        // The counter console greys out recall / no-show by these rules, as the server enforces them.
        policy: { recallGapSeconds: policy.recallGapSeconds, noShowAfterCalls: policy.noShowAfterCalls },
      },
    };
  });

  router.add('GET', '/api/services', { access: ['kiosk', 'staff', 'display'] }, async () => {
    const [services, queues, policy] = await Promise.all([
      ctx.store.reads.listServices(),
      serviceQueues(ctx.deps),
      ctx.store.reads.getPolicy(),
    ]);
    const now = ctx.deps.clock.now();
    return {
      status: 200,
      json: services.map((s) => {
        const q = queues.find((x) => x.serviceId === s.id);
        return {
          id: s.id,
          prefix: s.prefix,
          names: s.names,
          waiting: q?.waiting ?? 0,
          estimatedWaitMinutes: q?.estimatedWaitMinutes ?? 0,
          open: s.active && isOpenAt(s, now, policy.timeZone),
          openFrom: s.openFrom,
          openTo: s.openTo,
          active: s.active,
        };
      }),
    };
  });
}
