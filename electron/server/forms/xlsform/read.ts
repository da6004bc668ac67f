// Importing an XLSForm-style workbook into a FormDefinition (the subset in docs/forms.md),
// held to exactly the rules of a JSON upload by checkDefinition.
import ExcelJS from 'exceljs';
import type { Choice, FieldType, FormDefinition, FormField, RelevantRule } from '../../../core/forms/definition.js';
import { LANGUAGES } from '../../../core/model.js';
import { checkDefinition } from '../checkDefinition.js';
import { CHOICES, SETTINGS, SURVEY, cellText, isBlankRow, readHeader, Reader, type Header, type WorkbookError } from './cells.js';
import { parseConstraint, parseRelevant, type Bounds, type RawRelevant } from './expressions.js';
import { checkWorkbookLimits, WORKBOOK_LIMITS } from './limits.js';
import { locate, type SourceMap } from './locate.js';

export type ImportResult = { ok: true; definition: FormDefinition; def: FormDefinition } | { ok: false; errors: WorkbookError[] };

const MAX_ROWS = WORKBOOK_LIMITS.maxRows;

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

export async function importWorkbook(buffer: Buffer | Uint8Array | ArrayBuffer): Promise<ImportResult> {
  const bytes = buffer instanceof ArrayBuffer ? Buffer.from(buffer) : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  // Sizes and row counts first, streaming: a zip bomb is refused before anything parses it.
  const tooBig = await checkWorkbookLimits(bytes);
  if (tooBig.length > 0) return { ok: false, errors: tooBig };
  const wb = new ExcelJS.Workbook();
  try {
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
