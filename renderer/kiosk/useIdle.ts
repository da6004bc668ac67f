// Inactivity: after idleMs without a touch the kiosk asks "still there?" with a countdown of
// countdownMs; any touch (or the "continue" button) starts over, and at zero onExpire wipes
// the session. Disabled while nobody is using the kiosk (attract screen, pairing).
import { useCallback, useEffect, useRef, useState } from 'react';

export interface IdleState {
  /** Whole seconds left in the countdown, or null while no countdown is showing. */
  secondsLeft: number | null;
  /** Starts the idle period again (the countdown's "continue" button). */
  stillHere: () => void;
}

/** Fine-grained enough for a seconds countdown; the page re-renders only when the shown second changes. */
const TICK_MS = 250;

export function useIdle(enabled: boolean, idleMs: number, countdownMs: number, onExpire: () => void): IdleState {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  /** When the kiosk was last touched; null after a wipe until someone touches it again. */
  const lastTouch = useRef<number | null>(Date.now());
  /** When the running countdown ends; null while none runs. */
  const endsAt = useRef<number | null>(null);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  const stillHere = useCallback(() => {
    lastTouch.current = Date.now();
    endsAt.current = null;
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    endsAt.current = null;
    setSecondsLeft(null);
    if (!enabled) return;
    lastTouch.current = Date.now();
    // Capture phase: a touch anywhere counts, even on a control that stops propagation.
    const touched = () => {
      lastTouch.current = Date.now();
    };
    window.addEventListener('pointerdown', touched, true);
    window.addEventListener('keydown', touched, true);
    const tick = setInterval(() => {
      const now = Date.now();
      const last = lastTouch.current;
      if (last === null) return; // wiped and untouched since: nothing to count down
      if (endsAt.current === null) {
        if (now - last >= idleMs) endsAt.current = now + countdownMs;
      } else if (last > endsAt.current - countdownMs) {
        endsAt.current = null; // touched during the countdown
      }
      if (endsAt.current !== null && now >= endsAt.current) {
        endsAt.current = null;
        lastTouch.current = null;
        setSecondsLeft(null);
        expire.current();
        return;
      }
      setSecondsLeft(endsAt.current === null ? null : Math.ceil((endsAt.current - now) / 1000));
    }, TICK_MS);
    return () => {
      window.removeEventListener('pointerdown', touched, true);
      window.removeEventListener('keydown', touched, true);
      clearInterval(tick);
    };
  }, [enabled, idleMs, countdownMs]);

  return { secondsLeft, stillHere };
}
