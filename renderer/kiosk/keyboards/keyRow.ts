// A row of 13 keys (the GB/T 22034 Tibetan and the Uyghur digit and top letter rows) cannot
// keep 60 px keys on a portrait panel 768–800 px wide: such a row is marked long, and
// kiosk.css lays it out as two lines of 7 and 6 keys when its keyboard is that narrow.
export const LONG_ROW = 13;

export const keyRowClass = (keys: number): string => (keys >= LONG_ROW ? 'key-row long' : 'key-row');
