import type { ServerContext } from '../../context.js';
import { hallWeekday, isOpenAt, periodsOn } from '../../../core/numbering.js';
import { serviceQueues } from '../../../core/usecases/queueInfo.js';
import type { Router } from '../router.js';
import { hallName } from './hallSettings.js';

export function registerServiceRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/hall', { access: 'public' }, async () => {
    const policy = await ctx.store.reads.getPolicy();
    return {
      status: 200,
      json: {
        name: await hallName(ctx),
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
          open: s.active && isOpenAt(s, now, policy.timeZone, policy.openingHours),
          openFrom: s.openFrom,
          openTo: s.openTo,
          active: s.active,
          // Setup (admin issue): the kiosk shows the pictogram and today's periods.
          icon: s.icon,
          hours: s.hours,
          todayHours: periodsOn(s, hallWeekday(now, policy.timeZone)),
          numberFrom: s.numberFrom,
          numberTo: s.numberTo,
          averageMinutes: s.averageMinutes,
          sortOrder: s.sortOrder,
          formId: s.formId,
        };
      }),
    };
  });
}
