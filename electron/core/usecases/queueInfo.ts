import type { Counter, Ticket } from '../model.js';
import { isWaiting } from '../model.js';
import type { HallDeps } from '../ports.js';
import { estimateWaitMinutes } from '../waitEstimate.js';
import { today } from './today.js';

export interface QueueInfo {
  ahead: number;
  estimatedWaitMinutes: number;
}

/** Counters open now (not paused) that serve the service: the wait is spread over them. */
function openCountersFor(counters: readonly Counter[], serviceId: string): number {
  return counters.filter((c) => c.state === 'open' && c.services.some((s) => s.serviceId === serviceId)).length;
}

export async function queueInfo(deps: HallDeps, ticket: Ticket): Promise<QueueInfo> {
  const reads = deps.store.reads;
  if (!isWaiting(ticket.state)) return { ahead: 0, estimatedWaitMinutes: 0 };
  const policy = await reads.getPolicy();
  const [ahead, service] = await Promise.all([reads.countAhead(ticket), reads.getService(ticket.serviceId)]);
  const estimatedWaitMinutes = estimateWaitMinutes({
    ahead,
    recentDurations: await reads.recentServiceDurations(ticket.serviceId, policy.serviceTimeSample),
    averageMinutes: service?.averageMinutes ?? 10,
    openCounters: openCountersFor(await reads.listCounters(), ticket.serviceId),
  });
  return { ahead, estimatedWaitMinutes };
}

export interface ServiceQueue {
  serviceId: string;
  waiting: number;
  estimatedWaitMinutes: number;
}

/** Waiting count and estimated wait for a newcomer, per service, today. */
export async function serviceQueues(deps: HallDeps): Promise<ServiceQueue[]> {
  const reads = deps.store.reads;
  const policy = await reads.getPolicy();
  const day = await today(reads, deps.clock);
  const [services, waiting, counters] = await Promise.all([reads.listServices(), reads.waitingCounts(day), reads.listCounters()]);
  const out: ServiceQueue[] = [];
  for (const s of services) {
    const n = waiting[s.id] ?? 0;
    out.push({
      serviceId: s.id,
      waiting: n,
      estimatedWaitMinutes: estimateWaitMinutes({
        ahead: n,
        recentDurations: n > 0 ? await reads.recentServiceDurations(s.id, policy.serviceTimeSample) : [],
        averageMinutes: s.averageMinutes,
        openCounters: openCountersFor(counters, s.id),
      }),
    });
  }
  return out;
}

