// The board's state and how live events change it. Pure and bounded: however many days
// the display runs, it holds at most BOARD_CALLS calls and one count per service.

export type Lang3 = { zh: string; bo: string; ug: string };

export interface BoardCall {
  ticketId: string;
  code: string;
  counterId: string;
  counterNumber: number;
  counterNames: Lang3;
  serviceId: string;
  language: string;
  recall: boolean;
  at: string | null;
}

export interface BoardWaiting {
  serviceId: string;
  prefix: string;
  names: Lang3;
  waiting: number;
}

export interface BoardState {
  hallName: Lang3;
  calls: BoardCall[];
  waiting: BoardWaiting[];
  notice: Lang3 | null;
}

export const BOARD_CALLS = 8;

/** A call event's identity: a recall of the same ticket is a new call to announce. */
export function callKey(c: Pick<BoardCall, 'ticketId' | 'at'>): string {
  return `${c.ticketId}@${c.at ?? ''}`;
}

/** Newest first, one line per ticket (a recall moves it back to the top), at most BOARD_CALLS. */
export function applyCall(state: BoardState, call: BoardCall): BoardState {
  const calls = [call, ...state.calls.filter((c) => c.ticketId !== call.ticketId)].slice(0, BOARD_CALLS);
  return { ...state, calls };
}

/** A queue event lists services that have someone waiting; every other service has none. */
export function applyQueue(state: BoardState, waiting: Record<string, number>): BoardState {
  return { ...state, waiting: state.waiting.map((w) => ({ ...w, waiting: waiting[w.serviceId] ?? 0 })) };
}

export function isBoardCall(v: unknown): v is BoardCall {
  const c = v as Partial<BoardCall> | null;
  return !!c && typeof c.ticketId === 'string' && typeof c.code === 'string' && typeof c.counterNumber === 'number';
}
