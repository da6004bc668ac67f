// Single-key shortcuts for the console's big buttons. Ignored while typing in a field, with
// a modifier held (browser shortcuts stay intact) or while a dialog is open.
import { useEffect, useRef } from 'react';

export const SHORTCUTS = {
  callNext: 'N',
  recall: 'R',
  start: 'S',
  finish: 'F',
  noShow: 'X',
  transfer: 'T',
  pauseResume: 'P',
  callSpecific: 'C',
} as const;
export type ShortcutAction = keyof typeof SHORTCUTS;

export function useShortcuts(enabled: boolean, onAction: (a: ShortcutAction) => void): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)) return;
      const key = e.key.toUpperCase();
      const action = (Object.keys(SHORTCUTS) as ShortcutAction[]).find((a) => SHORTCUTS[a] === key);
      if (!action) return;
      e.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
