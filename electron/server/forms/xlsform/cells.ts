// Reading an XLSForm workbook's cells: headers, texts, yes/no, translated columns, and the
// errors that name sheet, row, column and cell.
import type ExcelJS from 'exceljs';
import type { LocalizedText } from '../../../core/model.js';

/** The sheets of an XLSForm workbook (names compared case-insensitively). */
export const SURVEY = 'survey';
export const CHOICES = 'choices';
export const SETTINGS = 'settings';

export interface WorkbookError {
  sheet: string;
  /** 1-based Excel row; 1 is the header row. 0 when the problem is the workbook as a whole. */
  row: number;
  /** The column's header, e.g. "label::bo" (also when the column is missing altogether). */
  column: string;
  /** The Excel cell, e.g. "D7", when the column exists. */
  cell?: string;
  message: string;
}

// Reading cells

export type Sheet = ExcelJS.Worksheet;

export interface Header {
  /** normalized column name → 1-based column number */
  cols: Map<string, number>;
  sheet: Sheet;
  name: string;
}

/** "Label::Tibetan (bo)" → "label::bo"; "list name" → "list_name". */
export function normalizeHeader(raw: string): string {
  const [base, ...rest] = raw.split('::');
  const b = (base ?? '').trim().toLowerCase().replace(/\s+/g, '_');
  if (rest.length === 0) return b;
  const lang = rest.join('::').trim();
  const code = /\(([A-Za-z-]{2,8})\)\s*$/.exec(lang)?.[1] ?? lang;
  return `${b}::${code.toLowerCase()}`;
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return '';
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function readHeader(sheet: Sheet, name: string): Header {
  const cols = new Map<string, number>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const h = normalizeHeader(cellText(cell.value));
    if (h && !cols.has(h)) cols.set(h, col);
  });
  return { cols, sheet, name };
}

export class Reader {
  readonly errors: WorkbookError[] = [];

  error(h: Header | string, row: number, column: string, message: string): void {
    const sheet = typeof h === 'string' ? h : h.name;
    const col = typeof h === 'string' ? undefined : h.cols.get(column);
    this.errors.push(col ? { sheet, row, column, cell: `${columnLetter(col)}${row}`, message } : { sheet, row, column, message });
  }

  text(h: Header, row: number, column: string): string {
    const col = h.cols.get(column);
    return col ? cellText(h.sheet.getRow(row).getCell(col).value).trim() : '';
  }

  raw(h: Header, row: number, column: string): ExcelJS.CellValue {
    const col = h.cols.get(column);
    return col ? h.sheet.getRow(row).getCell(col).value : null;
  }

  /** "yes"/"true"/"1"/true() → true; "no"/"false"/"0"/blank → the fallback. */
  bool(h: Header, row: number, column: string, fallback: boolean | undefined): boolean | undefined {
    const s = this.text(h, row, column).toLowerCase();
    if (s === '') return fallback;
    if (['yes', 'true', 'true()', '1', 'y', '是'].includes(s)) return true;
    if (['no', 'false', 'false()', '0', 'n', '否'].includes(s)) return false;
    this.error(h, row, column, `"${s.slice(0, 40)}" is not yes or no.`);
    return fallback;
  }

  /** The three-language text of columns base::zh, base::bo, base::ug, or undefined when all are blank. */
  localized(h: Header, row: number, base: string): LocalizedText | undefined {
    const t = { zh: this.text(h, row, `${base}::zh`), bo: this.text(h, row, `${base}::bo`), ug: this.text(h, row, `${base}::ug`) };
    return t.zh || t.bo || t.ug ? t : undefined;
  }
}

export function isBlankRow(h: Header, row: number): boolean {
  const r = h.sheet.getRow(row);
  let blank = true;
  r.eachCell({ includeEmpty: false }, (cell) => {
    if (cellText(cell.value).trim() !== '') blank = false;
  });
  return blank;
}
