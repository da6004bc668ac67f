// Forms as XLSForm-style workbooks (sheets survey, choices, settings), the way hall and
// district staff already write them in Excel. Import reads the subset documented in
// docs/forms.md into a FormDefinition and runs it through checkDefinition, so a workbook is
// held to exactly the rules of a JSON upload; every refusal names sheet, row and column.
// Export writes any definition back in the same layout, so export → import is lossless.
import ExcelJS from 'exceljs';
import type { Choice, FieldType, FormDefinition, FormField, RelevantRule } from '../../core/forms/definition.js';
import type { LocalizedText } from '../../core/model.js';
import { LANGUAGES } from '../../core/model.js';
import { checkDefinition, type DefinitionProblem } from './checkDefinition.js';

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

export type ImportResult = { ok: true; definition: FormDefinition; def: FormDefinition } | { ok: false; errors: WorkbookError[] };

const SURVEY = 'survey';
const CHOICES = 'choices';
const SETTINGS = 'settings';
const MAX_ROWS = 2000;

/** Our type names for XLSForm's, plus our extension types (written as is). */
const TYPE_FROM_XLSFORM: Record<string, FieldType> = {
  text: 'text',
  longtext: 'longtext',
  integer: 'integer',
  int: 'integer',
  decimal: 'decimal',
  date: 'date',
  yesno: 'yesno',
  phone: 'phone',
  resident_id: 'resident_id',
  consent: 'consent',
  acknowledge: 'consent',
};
/** XLSForm types a kiosk form cannot hold: named in the refusal rather than "unknown". */
const UNSUPPORTED_TYPES = new Set([
  'note', 'begin_group', 'end_group', 'begin_repeat', 'end_repeat', 'calculate', 'hidden', 'time', 'datetime', 'geopoint',
  'geotrace', 'geoshape', 'image', 'audio', 'video', 'file', 'barcode', 'range', 'rank', 'start', 'end', 'today', 'deviceid',
  'select_one_from_file', 'select_multiple_from_file', 'trigger',
]);
/** XLSForm columns with a meaning this format lacks: refused when filled in, never silently dropped. */
const UNSUPPORTED_COLUMNS = new Set(['default', 'calculation', 'choice_filter', 'read_only', 'repeat_count', 'trigger', 'required_message', 'parameters']);
const TRANSLATED_COLUMNS = new Set(['label', 'hint', 'constraint_message']);

/** Why a filled-in survey column cannot be imported, or null when it can (or is ignored, e.g. notes). */
function columnProblem(col: string): string | null {
  const [base, lang] = col.split('::') as [string, string | undefined];
  if (UNSUPPORTED_COLUMNS.has(base)) return `The column "${col}" is not supported by the hall's forms.`;
  if (!TRANSLATED_COLUMNS.has(base)) return null;
  if (lang === undefined) return `"${base}" needs its language: ${base}::zh, ${base}::bo, ${base}::ug.`;
  if (!(LANGUAGES as readonly string[]).includes(lang)) return `Only the languages zh, bo and ug are supported (column "${col}").`;
  return null;
}

// ---------------------------------------------------------------------------------------
// Reading cells

type Sheet = ExcelJS.Worksheet;

interface Header {
  /** normalized column name → 1-based column number */
  cols: Map<string, number>;
  sheet: Sheet;
  name: string;
}

/** "Label::Tibetan (bo)" → "label::bo"; "list name" → "list_name". */
function normalizeHeader(raw: string): string {
  const [base, ...rest] = raw.split('::');
  const b = (base ?? '').trim().toLowerCase().replace(/\s+/g, '_');
  if (rest.length === 0) return b;
  const lang = rest.join('::').trim();
  const code = /\(([A-Za-z-]{2,8})\)\s*$/.exec(lang)?.[1] ?? lang;
  return `${b}::${code.toLowerCase()}`;
}

function cellText(v: ExcelJS.CellValue): string {
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

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function readHeader(sheet: Sheet, name: string): Header {
  const cols = new Map<string, number>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const h = normalizeHeader(cellText(cell.value));
    if (h && !cols.has(h)) cols.set(h, col);
  });
  return { cols, sheet, name };
}

class Reader {
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

function isBlankRow(h: Header, row: number): boolean {
  const r = h.sheet.getRow(row);
  let blank = true;
  r.eachCell({ includeEmpty: false }, (cell) => {
    if (cellText(cell.value).trim() !== '') blank = false;
  });
  return blank;
}

// ---------------------------------------------------------------------------------------
// Expressions: the small subset of XLSForm's XPath this format can hold.

type Literal = string | number | boolean;
type RawRelevant = { field: string; op: 'eq'; values: Literal[] } | { field: string; op: 'selected'; value: string } | { field: string; op: 'answered' };

const REF = String.raw`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`;
const LITERAL = String.raw`'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|(true|false)\(\)`;

function literalOf(m: RegExpExecArray, at: number): Literal {
  if (m[at] !== undefined) return m[at]!;
  if (m[at + 1] !== undefined) return m[at + 1]!;
  if (m[at + 2] !== undefined) return Number(m[at + 2]);
  return m[at + 3] === 'true';
}

/** Parses `${f} = 'v'` (or several joined by `or`), `selected(${f}, 'v')`, `${f} != ''`. */
export function parseRelevant(expr: string): RawRelevant | string {
  const s = expr.trim().replace(/^\((.*)\)$/s, '$1').trim();
  let m = new RegExp(`^${REF}\\s*!=\\s*(?:''|"")$`).exec(s);
  if (m) return { field: m[1]!, op: 'answered' };
  m = new RegExp(`^selected\\(\\s*${REF}\\s*,\\s*(?:'([^']*)'|"([^"]*)")\\s*\\)$`).exec(s);
  if (m) return { field: m[1]!, op: 'selected', value: m[2] ?? m[3]! };
  const terms = s.split(/\s+or\s+/);
  const values: Literal[] = [];
  let field: string | undefined;
  for (const term of terms) {
    const t = new RegExp(`^${REF}\\s*=\\s*(?:${LITERAL})$`).exec(term.trim());
    if (!t) return `"${expr.slice(0, 80)}" is not in the supported subset: \${field} = 'value' (joined by "or"), selected(\${field}, 'value'), \${field} != ''.`;
    if (field !== undefined && field !== t[1]) return 'Terms joined by "or" must test the same field.';
    field = t[1]!;
    values.push(literalOf(t, 2));
  }
  return { field: field!, op: 'eq', values };
}

interface Bounds {
  min?: number | string;
  max?: number | string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** Parses `. >= 1 and . <= 9`, `. <= today() + 30`, `string-length(.) <= 50`, `regex(., '[0-9]+')`. */
export function parseConstraint(expr: string, type: FieldType): Bounds | string {
  const out: Bounds = {};
  const bad = `"${expr.slice(0, 80)}" is not in the supported subset: . >= N, . <= N, . >= today() - N, . <= date('YYYY-MM-DD'), string-length(.) <= N, regex(., 'pattern'), joined by "and".`;
  for (const raw of expr.trim().split(/\s+and\s+/)) {
    const term = raw.trim();
    let m = /^\.\s*(>=|<=)\s*(.+)$/.exec(term);
    if (m) {
      const v = m[2]!.trim();
      let bound: number | string | undefined;
      if (type === 'date') {
        const rel = /^today\(\)\s*(?:([+-])\s*(\d{1,5}))?$/.exec(v);
        const fixed = /^(?:date\(\s*)?'(\d{4}-\d{2}-\d{2})'\s*\)?$/.exec(v);
        if (rel) bound = rel[1] ? `today${rel[1]}${rel[2]}` : 'today';
        else if (fixed) bound = fixed[1];
      } else if (/^-?\d+(?:\.\d+)?$/.test(v)) {
        bound = Number(v);
      }
      if (bound === undefined) return bad;
      if (m[1] === '>=') out.min = bound;
      else out.max = bound;
      continue;
    }
    m = /^string-length\(\s*\.\s*\)\s*(>=|<=)\s*(\d{1,5})$/.exec(term);
    if (m) {
      if (m[1] === '>=') out.minLength = Number(m[2]);
      else out.maxLength = Number(m[2]);
      continue;
    }
    m = /^regex\(\s*\.\s*,\s*'(.*)'\s*\)$/s.exec(term);
    if (m) {
      // A workbook pattern matches the whole answer anyway: drop explicit anchors.
      out.pattern = m[1]!.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
      continue;
    }
    return bad;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Import

/** Where each part of the definition came from, to turn checkDefinition's paths into cells. */
interface SourceMap {
  fieldRows: number[];
  /** per field: property → column it was read from (min/max may come from "constraint"). */
  fieldCols: Map<string, string>[];
  /** per field: the rows of its choices in the choices sheet. */
  choiceRows: number[][];
  titleBase: string;
  survey: Header;
  choices: Header | null;
  settings: Header;
}

export async function importWorkbook(buffer: Buffer | Uint8Array | ArrayBuffer): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    const bytes = buffer instanceof ArrayBuffer ? Buffer.from(buffer) : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, errors: [{ sheet: '', row: 0, column: '', message: 'Not a readable .xlsx workbook.' }] };
  }
  const sheetNamed = (name: string) => wb.worksheets.find((s) => s.name.trim().toLowerCase() === name);
  const r = new Reader();
  const surveySheet = sheetNamed(SURVEY);
  const settingsSheet = sheetNamed(SETTINGS);
  const choicesSheet = sheetNamed(CHOICES);
  if (!surveySheet) r.error(SURVEY, 0, '', 'The workbook has no "survey" sheet.');
  if (!settingsSheet) r.error(SETTINGS, 0, '', 'The workbook has no "settings" sheet (form_id, version, title::zh/bo/ug).');
  if (!surveySheet || !settingsSheet) return { ok: false, errors: r.errors };
  for (const s of [surveySheet, settingsSheet, choicesSheet]) {
    if (s && s.rowCount > MAX_ROWS) return { ok: false, errors: [{ sheet: s.name, row: MAX_ROWS, column: '', message: `At most ${MAX_ROWS} rows per sheet.` }] };
  }

  const survey = readHeader(surveySheet, SURVEY);
  const settings = readHeader(settingsSheet, SETTINGS);
  const choices = choicesSheet ? readHeader(choicesSheet, CHOICES) : null;

  // Missing language columns: one error on the header, not one per row.
  const missingCols = new Set<string>();
  const needColumns = (h: Header, cols: string[]) => {
    for (const c of cols) {
      if (!h.cols.has(c)) {
        missingCols.add(`${h.name}\u0000${c}`);
        r.error(h, 1, c, `The column "${c}" is missing.`);
      }
    }
  };
  needColumns(survey, ['type', 'name', ...LANGUAGES.map((l) => `label::${l}`)]);
  const titleBase = settings.cols.has('title::zh') || !settings.cols.has('form_title::zh') ? 'title' : 'form_title';
  needColumns(settings, ['form_id', 'version', ...LANGUAGES.map((l) => `${titleBase}::${l}`)]);
  if (choices) needColumns(choices, ['list_name', 'name', ...LANGUAGES.map((l) => `label::${l}`)]);
  for (const [col] of survey.cols) {
    const problem = columnProblem(col);
    if (!problem) continue;
    for (let row = 2; row <= surveySheet.rowCount; row++) {
      if (r.text(survey, row, col) !== '') {
        r.error(survey, row, col, problem);
        break;
      }
    }
  }

  // Choice lists.
  const lists = new Map<string, { choices: Choice[]; rows: number[] }>();
  if (choices) {
    for (let row = 2; row <= choices.sheet.rowCount; row++) {
      if (isBlankRow(choices, row)) continue;
      const list = r.text(choices, row, 'list_name');
      if (!list) {
        r.error(choices, row, 'list_name', 'list_name is empty.');
        continue;
      }
      const entry = lists.get(list) ?? { choices: [], rows: [] };
      lists.set(list, entry);
      entry.choices.push({ code: r.text(choices, row, 'name'), label: r.localized(choices, row, 'label') ?? { zh: '', bo: '', ug: '' } });
      entry.rows.push(row);
    }
  }

  // Settings (row 2).
  const def: Partial<FormDefinition> & { fields: FormField[] } = { fields: [] };
  def.id = r.text(settings, 2, 'form_id');
  const versionText = r.text(settings, 2, 'version');
  def.version = /^\d{1,15}$/.test(versionText) ? Number(versionText) : Number.NaN;
  if (!/^\d{1,15}$/.test(versionText)) r.error(settings, 2, 'version', 'version must be a whole number ≥ 1.');
  def.serviceId = r.text(settings, 2, 'service_id') || null;
  def.title = r.localized(settings, 2, titleBase) ?? { zh: '', bo: '', ug: '' };
  const description = r.localized(settings, 2, 'description');
  if (description) def.description = description;
  def.allowWithoutTicket = r.bool(settings, 2, 'allow_without_ticket', false) ?? false;
  const anonymous = r.bool(settings, 2, 'anonymous', undefined);
  if (anonymous !== undefined) def.anonymous = anonymous;

  // Survey rows.
  const map: SourceMap = { fieldRows: [], fieldCols: [], choiceRows: [], titleBase, survey, choices, settings };
  const relevants: { index: number; row: number; parsed: RawRelevant }[] = [];
  for (let row = 2; row <= surveySheet.rowCount; row++) {
    if (isBlankRow(survey, row)) continue;
    const typeText = r.text(survey, row, 'type').replace(/\s+/g, ' ');
    if (!typeText) {
      r.error(survey, row, 'type', 'type is empty.');
      continue;
    }
    const [word, listName, ...extra] = typeText.split(' ');
    const w = word!.toLowerCase();
    const cols = new Map<string, string>();
    let type: FieldType | undefined;
    let fieldChoices: Choice[] | undefined;
    let choiceRows: number[] = [];
    if (w === 'select_one' || w === 'select_multiple') {
      type = w === 'select_one' ? 'choice' : 'multichoice';
      const list = listName ? lists.get(listName) : undefined;
      if (!listName || extra.length > 0) r.error(survey, row, 'type', `${w} needs one choice list name: "${w} LIST".`);
      else if (!list) r.error(survey, row, 'type', `The choice list "${listName}" does not exist in the "choices" sheet.`);
      else {
        fieldChoices = list.choices.map((c) => ({ code: c.code, label: { ...c.label } }));
        choiceRows = list.rows;
      }
    } else if (listName === undefined && TYPE_FROM_XLSFORM[w]) {
      type = TYPE_FROM_XLSFORM[w];
      // XLSForm writes a long text as text with appearance "multiline".
      if (type === 'text' && /\bmultiline\b/.test(r.text(survey, row, 'appearance'))) type = 'longtext';
    } else {
      const key = typeText.toLowerCase().replace(/ /g, '_');
      r.error(survey, row, 'type', UNSUPPORTED_TYPES.has(key) || UNSUPPORTED_TYPES.has(w)
        ? `The XLSForm type "${typeText.slice(0, 40)}" is not supported by the hall's forms.`
        : `Unknown type "${typeText.slice(0, 40)}" (text, longtext, integer, decimal, date, select_one LIST, select_multiple LIST, yesno, phone, resident_id, consent).`);
    }
    if (!type) continue;

    const code = r.text(survey, row, 'name');
    const isName = code === 'name' || code.endsWith('_name');
    const field: FormField = {
      code,
      type,
      label: r.localized(survey, row, 'label') ?? { zh: '', bo: '', ug: '' },
      required: r.bool(survey, row, 'required', false) ?? false,
      // Blank "personal": names, phone numbers and ID numbers are personal, the rest not.
      personal: r.bool(survey, row, 'personal', type === 'phone' || type === 'resident_id' || isName) ?? false,
    };
    const hint = r.localized(survey, row, 'hint');
    if (hint) field.hint = hint;
    const cm = r.localized(survey, row, 'constraint_message');
    if (cm) field.constraintMessage = cm;
    if (fieldChoices) field.choices = fieldChoices;

    // Bounds: dedicated columns, or the constraint expression, never both for the same bound.
    const setBound = <K extends keyof Bounds>(key: K, value: Bounds[K], column: string) => {
      if (value === undefined) return;
      if ((field as Bounds)[key] !== undefined) {
        r.error(survey, row, column, `${key} is given twice (in "${cols.get(key)}" and "${column}").`);
        return;
      }
      (field as Bounds)[key] = value;
      cols.set(key, column);
    };
    for (const [key, column] of [['min', 'min'], ['max', 'max']] as const) {
      const v = r.raw(survey, row, column);
      const s = cellText(v).trim();
      if (s === '') continue;
      if (type === 'date') {
        setBound(key, s, column);
      } else if (typeof v === 'number' || /^-?\d+(?:\.\d+)?$/.test(s)) {
        setBound(key, typeof v === 'number' ? v : Number(s), column);
      } else {
        r.error(survey, row, column, `${column} must be a number for a ${type} field.`);
      }
    }
    for (const [key, column] of [['minLength', 'min_length'], ['maxLength', 'max_length']] as const) {
      const s = r.text(survey, row, column);
      if (s === '') continue;
      if (/^\d{1,5}$/.test(s)) setBound(key, Number(s), column);
      else r.error(survey, row, column, `${column} must be a whole number.`);
    }
    const pattern = r.raw(survey, row, 'pattern');
    if (cellText(pattern) !== '') setBound('pattern', cellText(pattern), 'pattern');
    const constraint = r.text(survey, row, 'constraint');
    if (constraint) {
      const parsed = parseConstraint(constraint, type);
      if (typeof parsed === 'string') r.error(survey, row, 'constraint', parsed);
      else for (const k of Object.keys(parsed) as (keyof Bounds)[]) setBound(k, parsed[k], 'constraint');
    }

    const relevantText = r.text(survey, row, 'relevant');
    if (relevantText) {
      const parsed = parseRelevant(relevantText);
      if (typeof parsed === 'string') r.error(survey, row, 'relevant', parsed);
      else relevants.push({ index: def.fields.length, row, parsed });
    }

    def.fields.push(field);
    map.fieldRows.push(row);
    map.fieldCols.push(cols);
    map.choiceRows.push(choiceRows);
  }

  // Relevant rules need the type of the field they test.
  for (const { index, row, parsed } of relevants) {
    const target = def.fields.find((f) => f.code === parsed.field);
    if (!target) {
      r.error(survey, row, 'relevant', `relevant refers to \${${parsed.field}}, which is not a field of this form.`);
      continue;
    }
    const rule = toRule(parsed, target);
    if (typeof rule === 'string') r.error(survey, row, 'relevant', rule);
    else def.fields[index]!.relevant = rule;
  }

  const checked = checkDefinition(def);
  if (!checked.ok) {
    for (const p of checked.problems) {
      const e = locate(p, map);
      // A missing column was already reported once on its header.
      if (missingCols.has(`${e.sheet}\u0000${e.column}`) && p.code === 'MISSING_TRANSLATION') continue;
      if (r.errors.some((x) => x.sheet === e.sheet && x.row === e.row && x.column === e.column)) continue;
      r.errors.push(e);
    }
  }
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  if (!checked.ok) return { ok: false, errors: [] };
  return { ok: true, definition: checked.def, def: checked.def };
}

function toRule(p: RawRelevant, target: FormField): RelevantRule | string {
  if (p.op === 'answered') return { field: p.field, answered: true };
  if (p.op === 'selected') {
    if (target.type === 'multichoice') return { field: p.field, includes: p.value };
    if (target.type === 'choice') return { field: p.field, equals: p.value };
    return `selected() applies to a select_one or select_multiple field, not to \${${p.field}}.`;
  }
  if (target.type === 'multichoice') return `Use selected(\${${p.field}}, 'value') for a select_multiple field.`;
  const values: (string | number | boolean)[] = [];
  for (const v of p.values) {
    if (target.type === 'yesno' || target.type === 'consent') {
      const s = String(v).toLowerCase();
      if (['yes', 'true'].includes(s)) values.push(true);
      else if (['no', 'false'].includes(s)) values.push(false);
      else return `\${${p.field}} is yes/no: compare it with 'yes' or 'no'.`;
    } else if (target.type === 'integer' || target.type === 'decimal') {
      const n = typeof v === 'number' ? v : Number(v);
      if (typeof v === 'boolean' || !Number.isFinite(n) || String(v).trim() === '') return `\${${p.field}} is a number: compare it with a number.`;
      values.push(n);
    } else {
      if (typeof v === 'boolean') return `\${${p.field}} is not yes/no.`;
      values.push(String(v));
    }
  }
  if (values.length === 1) return { field: p.field, equals: values[0]! };
  if (values.some((v) => typeof v === 'boolean')) return `\${${p.field}} is yes/no: one comparison is enough.`;
  return { field: p.field, oneOf: values as (string | number)[] };
}

const FIELD_PROP_COLUMN: Record<string, string> = {
  code: 'name',
  type: 'type',
  required: 'required',
  personal: 'personal',
  relevant: 'relevant',
  choices: 'type',
  min: 'min',
  max: 'max',
  minLength: 'min_length',
  maxLength: 'max_length',
  pattern: 'pattern',
};
const LOCALIZED_COLUMN: Record<string, string> = { label: 'label', hint: 'hint', constraintMessage: 'constraint_message' };
const SETTINGS_COLUMN: Record<string, string> = { id: 'form_id', version: 'version', serviceId: 'service_id', allowWithoutTicket: 'allow_without_ticket', anonymous: 'anonymous' };

/** Turns a checkDefinition path into the sheet/row/column it came from. */
function locate(p: DefinitionProblem, m: SourceMap): WorkbookError {
  const at = (h: Header, row: number, column: string): WorkbookError => {
    const col = h.cols.get(column);
    const base = { sheet: h.name, row, column, message: `${column}: ${p.message}` };
    return col ? { ...base, cell: `${columnLetter(col)}${row}` } : base;
  };
  let x = /^fields\[(\d+)\]\.choices\[(\d+)\](?:\.(code|label)(?:\.(zh|bo|ug))?)?/.exec(p.path);
  if (x && m.choices) {
    const row = m.choiceRows[Number(x[1])]?.[Number(x[2])];
    if (row !== undefined) return at(m.choices, row, x[3] === 'label' ? `label::${x[4] ?? 'zh'}` : 'name');
  }
  x = /^fields\[(\d+)\](?:\.(\w+)(?:\.(\w+))?)?/.exec(p.path);
  if (x) {
    const i = Number(x[1]);
    const row = m.fieldRows[i] ?? 1;
    const prop = x[2];
    if (prop && LOCALIZED_COLUMN[prop]) return at(m.survey, row, `${LOCALIZED_COLUMN[prop]}::${x[3] && (LANGUAGES as readonly string[]).includes(x[3]) ? x[3] : 'zh'}`);
    const column = (prop && (m.fieldCols[i]?.get(prop) ?? FIELD_PROP_COLUMN[prop])) || 'name';
    return at(m.survey, row, column);
  }
  if (p.path === 'fields') return at(m.survey, 1, 'type');
  x = /^(title|description)(?:\.(\w+))?/.exec(p.path);
  if (x) return at(m.settings, 2, `${x[1] === 'title' ? m.titleBase : 'description'}::${x[2] ?? 'zh'}`);
  const key = p.path.split('.')[0]!;
  return at(m.settings, 2, SETTINGS_COLUMN[key] ?? key);
}

// ---------------------------------------------------------------------------------------
// Export

const loc = (base: string) => LANGUAGES.map((l) => `${base}::${l}`);
const SURVEY_COLUMNS = ['type', 'name', ...loc('label'), ...loc('hint'), 'required', 'relevant', 'min', 'max', 'min_length', 'max_length', 'pattern', ...loc('constraint_message'), 'personal'];
const CHOICE_COLUMNS = ['list_name', 'name', ...loc('label')];
const SETTINGS_COLUMNS = ['form_id', 'version', ...loc('title'), ...loc('description'), 'service_id', 'allow_without_ticket', 'anonymous'];

const yesNo = (b: boolean | undefined) => (b === undefined ? null : b ? 'yes' : 'no');
const texts = (t: LocalizedText | undefined) => LANGUAGES.map((l) => t?.[l] ?? null);

function quote(v: string | number | boolean): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? "'yes'" : "'no'";
  return v.includes("'") ? `"${v}"` : `'${v}'`;
}

/** The XLSForm-subset expression of a rule (parseRelevant reads it back). */
export function relevantExpression(rule: RelevantRule): string {
  const ref = `\${${rule.field}}`;
  if ('answered' in rule) return `${ref} != ''`;
  if ('includes' in rule) return `selected(${ref}, ${quote(rule.includes)})`;
  if ('oneOf' in rule) return rule.oneOf.map((v) => `${ref} = ${quote(v)}`).join(' or ');
  return `${ref} = ${quote(rule.equals)}`;
}

function typeCell(f: FormField): string {
  if (f.type === 'choice') return `select_one ${f.code}`;
  if (f.type === 'multichoice') return `select_multiple ${f.code}`;
  return f.type;
}

export async function exportWorkbook(def: FormDefinition): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hall Kiosk';
  const survey = wb.addWorksheet(SURVEY);
  survey.addRow(SURVEY_COLUMNS);
  for (const f of def.fields) {
    survey.addRow([
      typeCell(f),
      f.code,
      ...texts(f.label),
      ...texts(f.hint),
      yesNo(f.required),
      f.relevant ? relevantExpression(f.relevant) : null,
      f.min ?? null,
      f.max ?? null,
      f.minLength ?? null,
      f.maxLength ?? null,
      f.pattern ?? null,
      ...texts(f.constraintMessage),
      yesNo(f.personal),
    ]);
  }
  const choices = wb.addWorksheet(CHOICES);
  choices.addRow(CHOICE_COLUMNS);
  for (const f of def.fields) for (const c of f.choices ?? []) choices.addRow([f.code, c.code, ...texts(c.label)]);
  const settings = wb.addWorksheet(SETTINGS);
  settings.addRow(SETTINGS_COLUMNS);
  settings.addRow([def.id, def.version, ...texts(def.title), ...texts(def.description), def.serviceId, yesNo(def.allowWithoutTicket), yesNo(def.anonymous)]);
  for (const ws of [survey, choices, settings]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.columns.forEach((c) => (c.width = 18));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
