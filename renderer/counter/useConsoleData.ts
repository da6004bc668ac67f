// Everything the console shows, kept live: the counter, its current ticket, its queue, the
// services and counters (for transfer) and the hall policy. Events update what they carry;
// on each (re)connect ('hello') everything is fetched afresh, so two consoles on the same
// counter converge on the server's state.
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_POLICY } from '../../electron/core/model.js';
import type { ApiClient } from '../shared/api.js';
import { setHallTimeZone } from '../shared/hallClock.js';
import { useHallEvents, type ConnectionStatus, type HallEventMessage } from '../shared/events.js';
import type { CounterPolicy, CounterView, ServiceView, TicketView } from './types.js';

export interface ConsoleData {
  counter: CounterView | null;
  ticket: TicketView | null;
  queue: TicketView[];
  services: ServiceView[];
  counters: CounterView[];
  policy: CounterPolicy;
  status: ConnectionStatus;
  /**
   * When the current ticket was last called, on this PC's clock: the moment this console saw
   * the call happen (so a PC clock that differs from the server's does not skew the recall
   * countdown), or the server's time when the call happened before the page loaded.
   */
  lastCallAt: number | null;
  /** Apply what an action's response says at once, without waiting for its event. */
  applyTicket(t: TicketView): void;
  applyCounter(c: CounterView, withTicket?: TicketView): void;
  reloadQueue(): void;
}

export function useConsoleData(api: ApiClient, token: string, counterId: string): ConsoleData {
  const [counter, setCounter] = useState<CounterView | null>(null);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [queue, setQueue] = useState<TicketView[]>([]);
  const [services, setServices] = useState<ServiceView[]>([]);
  const [counters, setCounters] = useState<CounterView[]>([]);
  const [policy, setPolicy] = useState<CounterPolicy>(DEFAULT_POLICY);
  const currentId = useRef<string | null>(null);
  const [lastCallAt, setLastCallAt] = useState<number | null>(null);
  const seenCall = useRef<{ id: string; lastCalledAt: string | null } | null>(null);
  /** fresh: the ticket comes from an action's answer or a live event, not a page (re)load. */
  const noteCall = useCallback((t: TicketView, fresh: boolean) => {
    const seen = seenCall.current;
    if (seen && seen.id === t.id && seen.lastCalledAt === t.lastCalledAt) return;
    seenCall.current = { id: t.id, lastCalledAt: t.lastCalledAt };
    setLastCallAt(t.lastCalledAt === null ? null : fresh ? Date.now() : Date.parse(t.lastCalledAt));
  }, []);
  const queueTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const path = `/api/counters/${encodeURIComponent(counterId)}`;

  const loadQueue = useCallback(async () => {
    try {
      setQueue(await api.request<TicketView[]>('GET', `${path}/queue`));
    } catch {
      // Offline: the list stays; the reconnect refetches it.
    }
  }, [api, path]);

  /** Many ticket events can arrive at once (a busy hall): refetch the queue at most every 150 ms. */
  const reloadQueue = useCallback(() => {
    if (queueTimer.current) return;
    queueTimer.current = setTimeout(() => {
      queueTimer.current = null;
      void loadQueue();
    }, 150);
  }, [loadQueue]);

  const loadTicket = useCallback(
    async (id: string | null) => {
      currentId.current = id;
      if (!id) {
        setTicket(null);
        return;
      }
      try {
        const t = await api.request<TicketView>('GET', `/api/tickets/${encodeURIComponent(id)}`);
        if (currentId.current === id) {
          noteCall(t, false);
          setTicket(t);
        }
      } catch {
        // Keep what is shown; the next event or reconnect corrects it.
      }
    },
    [api, noteCall],
  );

  const applyCounter = useCallback(
    (c: CounterView, withTicket?: TicketView) => {
      setCounter(c);
      setCounters((cs) => cs.map((x) => (x.id === c.id ? c : x)));
      if (withTicket && withTicket.id === c.currentTicketId) {
        currentId.current = withTicket.id;
        noteCall(withTicket, true);
        setTicket(withTicket);
      } else if (c.currentTicketId !== currentId.current) void loadTicket(c.currentTicketId);
    },
    [loadTicket, noteCall],
  );

  const applyTicket = useCallback(
    (t: TicketView) => {
      if (t.id !== currentId.current) return;
      noteCall(t, true);
      setTicket(t);
    },
    [noteCall],
  );

  const loadAll = useCallback(async () => {
    try {
      const [cs, ss, hall] = await Promise.all([
        api.request<CounterView[]>('GET', '/api/counters'),
        api.request<ServiceView[]>('GET', '/api/services'),
        api.request<{ policy?: Partial<CounterPolicy>; timeZone?: string }>('GET', '/api/hall'),
      ]);
      setCounters([...cs].sort((a, b) => a.number - b.number));
      setServices(ss);
      setPolicy({ ...DEFAULT_POLICY, ...(hall.policy ?? {}) });
      setHallTimeZone(hall.timeZone);
      const mine = cs.find((c) => c.id === counterId);
      if (mine) {
        setCounter(mine);
        await loadTicket(mine.currentTicketId);
      }
    } catch {
      // Offline: the reconnect's hello retries.
    }
    await loadQueue();
  }, [api, counterId, loadTicket, loadQueue]);

  useEffect(() => {
    void loadAll();
    return () => {
      if (queueTimer.current) clearTimeout(queueTimer.current);
    };
  }, [loadAll]);

  const onEvent = useCallback(
    (e: HallEventMessage) => {
      // 'catalog': services, counters or the calling policy changed on the admin page.
      if (e.type === 'hello' || e.type === 'catalog') void loadAll();
      else if (e.type === 'counter') {
        const c = e.counter as CounterView;
        if (c.id === counterId) applyCounter(c);
        else setCounters((cs) => cs.map((x) => (x.id === c.id ? c : x)));
      } else if (e.type === 'ticket') {
        applyTicket(e.ticket as TicketView);
        reloadQueue();
      } else if (e.type === 'queue') reloadQueue();
    },
    [loadAll, counterId, applyCounter, applyTicket, reloadQueue],
  );
  const status = useHallEvents(token, onEvent);

  return { counter, ticket, queue, services, counters, policy, status, lastCallAt, applyTicket, applyCounter, reloadQueue };
}
