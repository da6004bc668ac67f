// The hall's name and its services, kept fresh: fetched at start, again whenever the event
// socket (re)connects or reports a queue change, and retried every retryMs while the server
// cannot be reached. A 401/403 means the device token is not (or no longer) valid.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useHallEvents } from '../shared/events.js';
import { isOffline, isUnpaired, type HallInfo, type KioskApi, type KioskService } from './kioskApi.js';

export type HallDataStatus = 'loading' | 'ready' | 'offline' | 'unpaired';

export interface HallData {
  status: HallDataStatus;
  hall: HallInfo | null;
  services: KioskService[];
  markUnpaired: () => void;
}

export function useHallData(api: KioskApi, token: string | null, retryMs: number): HallData {
  const [status, setStatus] = useState<HallDataStatus>(token ? 'loading' : 'unpaired');
  const [hall, setHall] = useState<HallInfo | null>(null);
  const [services, setServices] = useState<KioskService[]>([]);
  const [attempt, setAttempt] = useState(0);
  const inFlight = useRef(false);
  /** An update arrived while a fetch was running: fetch once more when it ends. */
  const again = useRef(false);

  const refresh = useCallback(async (): Promise<void> => {
    if (!token) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      const [h, list] = await Promise.all([api.hall(), api.services()]);
      setHall(h);
      setServices(list.filter((s) => s.active));
      setStatus('ready');
    } catch (e) {
      if (isUnpaired(e)) setStatus('unpaired');
      else {
        // Offline, or a server error: both are retried; the resident sees the same notice.
        if (!isOffline(e)) console.warn('kiosk: loading services failed', e);
        setStatus('offline');
        setAttempt((n) => n + 1);
      }
    } finally {
      inFlight.current = false;
    }
    if (again.current) {
      again.current = false;
      await refresh();
    }
  }, [api, token]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (status !== 'offline') return;
    const t = setTimeout(() => void refresh(), retryMs);
    return () => clearTimeout(t);
  }, [status, attempt, retryMs, refresh]);

  useHallEvents(status === 'unpaired' ? null : token, (e) => {
    // 'catalog': an admin changed services or the hall; the tiles change without a restart.
    if (e.type === 'hello' || e.type === 'queue' || e.type === 'catalog') void refresh();
  });

  const markUnpaired = useCallback(() => setStatus('unpaired'), []);
  return { status, hall, services, markUnpaired };
}
