// The one button every kiosk control is made of. It acts on pointerup over the same button
// the finger went down on (touch, pen and mouse alike), so there is no hover, no long-press
// and no double-tap anywhere, and a finger that slides off before lifting cancels. Keyboard activation
// (a click with detail 0) still works for staff testing with a real keyboard.
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A button ignores touches for this long after it appears. Elderly hands often tap twice;
 * without it the second tap of a double tap on a service tile would land on whatever the
 * next screen shows in the same place (a priority answer, the ticket's "done").
 */
export const SETTLE_MS = 450;

export interface TapButtonProps {
  onTap: () => void;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  testId?: string;
  ariaLabel?: string;
  ariaPressed?: boolean;
}

export function TapButton(props: TapButtonProps) {
  const down = useRef<number | null>(null);
  // Exposed as data-settled so tests tap only what a resident could tap.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setSettled(true), SETTLE_MS);
    return () => clearTimeout(t);
  }, []);
  return (
    <button
      type="button"
      className={props.className ?? 'tap'}
      disabled={props.disabled}
      lang={props.lang}
      dir={props.dir}
      data-testid={props.testId}
      aria-label={props.ariaLabel}
      aria-pressed={props.ariaPressed}
      data-settled={settled ? '' : undefined}
      onPointerDown={(e) => {
        down.current = settled ? e.pointerId : null;
      }}
      onPointerCancel={() => {
        down.current = null;
      }}
      onPointerUp={(e) => {
        if (down.current !== e.pointerId || props.disabled) return;
        down.current = null;
        // Touch pointers are captured by the button they went down on, so a finger that slid
        // off still ends here: only a release inside the button counts.
        const r = e.currentTarget.getBoundingClientRect();
        if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) return;
        props.onTap();
      }}
      onClick={(e) => {
        if (e.detail === 0 && settled && !props.disabled) props.onTap();
      }}
    >
      {props.children}
    </button>
  );
}
