// JSON Lines: one JSON object per line, LF-terminated, UTF-8 without BOM (jsonlines.org).
// Carries the same records as the CSV files, with types kept (numbers, booleans, lists).

export function jsonLine(record: object): string {
  return JSON.stringify(record) + '\n';
}
