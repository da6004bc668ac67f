// Small fixtures shared by the Electron shell tests.
import { EventEmitter } from 'node:events';
import type { PageRole } from '../../electron/shell/roles.js';

export const PAGE_ROLES_FOR_TEST: readonly PageRole[] = ['kiosk', 'display', 'counter', 'admin'];

/** An EventEmitter whose emit() returns the event object, to see if a handler prevented it. */
export class FakeEmitter extends EventEmitter {
  fire(name: string, ...rest: unknown[]): { defaultPrevented: boolean } {
    return this.fireWith(name, {}, ...rest);
  }

  /** Like fire, with extra fields on the event (Electron's navigation events carry url). */
  fireWith(name: string, fields: Record<string, unknown>, ...rest: unknown[]): { defaultPrevented: boolean } {
    const event = { ...fields, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit(name, event, ...rest);
    return event;
  }
}

export const silentLog = { info: () => undefined, warn: () => undefined };

/** Manual timers for policies that wait. */
export class FakeTimers {
  time = 0;
  private next = 1;
  private pending = new Map<number, { at: number; fn: () => void }>();
  now = (): number => this.time;
  set = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.pending.set(id, { at: this.time + ms, fn });
    return id;
  };
  clear = (h: unknown): void => {
    this.pending.delete(h as number);
  };
  advance(ms: number): void {
    this.time += ms;
    for (const [id, t] of [...this.pending].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= this.time) {
        this.pending.delete(id);
        t.fn();
      }
    }
  }
  get size(): number {
    return this.pending.size;
  }
}
