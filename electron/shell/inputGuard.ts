// Keys a kiosk or display must swallow: a keyboard left plugged in (or a barcode scanner
// that sends function keys) must not reload, close, zoom, open devtools or leave the page.
// Fed from webContents 'before-input-event', whose Input has these fields.

export interface KeyInput {
  type: string; // 'keyDown' | 'keyUp' | 'rawKeyDown' | 'char'
  key: string;
  code?: string;
  control: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
}

const ALWAYS = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch']);

/** With Ctrl (or Cmd): reload, close, zoom, print, save, open, find, new window/tab, address bar, view source, history. */
const WITH_CTRL = new Set(['r', 'w', 'q', 'p', 's', 'o', 'f', 'g', 'n', 't', 'l', 'u', 'h', 'j', 'd', 'e', 'k', '+', '=', '-', '_', '0', 'F4', 'F5', 'Tab', 'PageUp', 'PageDown']);

/** With Ctrl+Shift (or Cmd+Alt): devtools, inspector, console, reopen tab. */
const WITH_CTRL_SHIFT = new Set(['i', 'j', 'c', 'k', 'r', 't', 'n', 'w', 'q', 'delete']);

/** With Alt: close window, history navigation, window menu. */
const WITH_ALT = new Set(['F4', 'ArrowLeft', 'ArrowRight', 'Home', ' ', 'Space']);

/**
 * True when the input must be prevented. Plain typing stays allowed (a kiosk may have a
 * physical keyboard for staff maintenance), and so do shortcuts the page itself handles.
 */
export function isBlockedInput(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (ALWAYS.has(key)) return true;
  const ctrl = input.control || input.meta;
  if (ctrl && input.shift && WITH_CTRL_SHIFT.has(key)) return true;
  if (ctrl && input.alt && key === 'i') return true; // Cmd+Alt+I opens devtools on macOS
  if (ctrl && WITH_CTRL.has(key)) return true;
  if (ctrl && (input.code === 'NumpadAdd' || input.code === 'NumpadSubtract' || input.code === 'Numpad0')) return true;
  if (input.alt && !ctrl && WITH_ALT.has(key)) return true;
  return false;
}
