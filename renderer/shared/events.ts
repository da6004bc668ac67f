// Live events from the hall server over WebSocket (/api/events?token=…), reconnecting with
// backoff. Pages render a "reconnecting" mark from the status instead of going blank.
import { useEffect, useRef, useState } from 'react';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface HallEventMessage {
  type: string;
  [key: string]: unknown;
}

export interface EventConnection {
  close(): void;
}

export function connectEvents(
  token: string,
  onEvent: (e: HallEventMessage) => void,
  onStatus: (s: ConnectionStatus) => void,
): EventConnection {
  let ws: WebSocket | null = null;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const open = () => {
    if (closed) return;
    onStatus('connecting');
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = new WebSocket(`${proto}//${location.host}/api/events?token=${encodeURIComponent(token)}`);
    ws.onopen = () => {
      attempt = 0;
      onStatus('online');
    };
    ws.onmessage = (m) => {
      try {
        onEvent(JSON.parse(String(m.data)) as HallEventMessage);
      } catch {
        // A malformed frame is ignored; the next snapshot corrects the page.
      }
    };
    ws.onclose = () => {
      ws = null;
      if (closed) return;
      onStatus('offline');
      const delay = Math.min(10_000, 500 * 2 ** attempt++);
      timer = setTimeout(open, delay);
    };
    ws.onerror = () => ws?.close();
  };
  open();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      ws?.close();
    },
  };
}

/** Subscribes while mounted; returns the connection status. The server sends a 'hello'
 * event on every (re)connect so the page can refetch its snapshot. */
export function useHallEvents(token: string | null, onEvent: (e: HallEventMessage) => void): ConnectionStatus {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!token) return;
    const conn = connectEvents(token, (e) => handler.current(e), setStatus);
    return () => conn.close();
  }, [token]);
  return status;
}
