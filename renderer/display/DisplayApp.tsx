// The hall display: a board snapshot from GET /api/board, kept live by 'call' and 'queue'
// events. On every (re)connect the server says hello and the snapshot is fetched again, so
// a restart or a lost network heals itself; meanwhile the last board stays on screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, createApi } from '../shared/api.js';
import { useHallEvents, type HallEventMessage } from '../shared/events.js';
import { applyCall, applyQueue, callKey, isBoardCall, type BoardState } from './board.js';
import { BoardView } from './BoardView.js';
import { Tri } from './Tri.js';
import { useAnnouncer } from './useAnnouncer.js';

export function DisplayApp({ token }: { token: string | null }) {
  const [board, setBoard] = useState<BoardState | null>(null);
  const [rejected, setRejected] = useState(false);
  const api = useRef(createApi(() => token, () => 'zh')).current;
  const announcer = useAnnouncer();
  const seen = useRef(new Set<string>());

  const loadBoard = useCallback(async () => {
    try {
      const b = await api.request<BoardState>('GET', '/api/board');
      setBoard(b);
      setRejected(false);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setRejected(true);
      // Offline: keep showing the last board; the next hello refetches.
    }
  }, [api]);

  useEffect(() => {
    if (token) void loadBoard();
  }, [token, loadBoard]);

  const onEvent = useCallback(
    (e: HallEventMessage) => {
      if (e.type === 'catalog') void loadBoard();
      else if (e.type === 'hello') {
        void loadBoard();
        announcer.refreshPacks();
      } else if (e.type === 'call' && isBoardCall(e.call)) {
        const call = e.call;
        setBoard((b) => (b ? applyCall(b, call) : b));
        // Announce each call event once, even if a reconnect replays nothing twice today.
        const key = callKey(call);
        if (!seen.current.has(key)) {
          seen.current.add(key);
          if (seen.current.size > 64) seen.current.delete(seen.current.values().next().value as string);
          announcer.announce({ key, code: call.code, counterNumber: call.counterNumber, language: call.language });
        }
      } else if (e.type === 'queue' && e.waiting && typeof e.waiting === 'object') {
        const waiting = e.waiting as Record<string, number>;
        setBoard((b) => (b ? applyQueue(b, waiting) : b));
      }
    },
    [loadBoard, announcer],
  );
  const status = useHallEvents(token, onEvent);

  if (!token || rejected) {
    return (
      <div className="pairing" data-testid="pairing">
        <Tri k="Pairing.title" className="pairing-title" />
        <Tri k={token ? 'Pairing.rejected' : 'Pairing.body'} className="pairing-body" />
      </div>
    );
  }

  return (
    <div className="display" data-testid="display" data-status={status} data-voice={announcer.voiceReady ? 'ready' : 'loading'}>
      {board ? <BoardView board={board} /> : <div className="board-loading" />}
      {status !== 'online' ? (
        <div className="reconnecting" data-testid="reconnecting" role="status">
          <Tri k="Board.reconnecting" />
        </div>
      ) : null}
      {announcer.soundBlocked ? (
        <button type="button" className="enable-sound" data-testid="enable-sound" onClick={announcer.unlock}>
          <Tri k="Board.enableSound" />
        </button>
      ) : null}
      <ol hidden data-testid="announce-log">
        {announcer.log.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ol>
    </div>
  );
}
