// The public queue board for the hall display: ticket codes and counters, no personal data.
import { today } from '../../../core/usecases/today.js';
import type { ServerContext } from '../../context.js';
import { callJson } from '../../dto.js';
import type { Router } from '../router.js';

export const BOARD_CALLS = 8;

export function registerBoardRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/board', { access: ['display', 'staff'] }, async () => {
    const reads = ctx.store.reads;
    const day = await today(reads, ctx.deps.clock);
    const [calls, services, counters, waiting, notice] = await Promise.all([
      reads.recentCalls(day, BOARD_CALLS),
      reads.listServices(),
      reads.listCounters(),
      reads.waitingCounts(day),
      reads.getNotice(),
    ]);
    return {
      status: 200,
      json: {
        hallName: ctx.config.hallName,
        calls: calls.flatMap((t) => {
          const c = counters.find((x) => x.id === t.counterId);
          return c ? [callJson(t, c, t.queueCallCount > 1)] : [];
        }),
        waiting: services
          .filter((s) => s.active)
          .map((s) => ({ serviceId: s.id, prefix: s.prefix, names: s.names, waiting: waiting[s.id] ?? 0 })),
        notice,
      },
    };
  });
}
