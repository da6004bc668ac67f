// Turning checkDefinition's problem paths (fields[3].label.bo) back into the workbook cell
// they came from, so every refusal names sheet, row and column.
import { LANGUAGES } from '../../../core/model.js';
import type { DefinitionProblem } from '../checkDefinition.js';
import { columnLetter, type Header, type WorkbookError } from './cells.js';

/** Where each part of the definition came from, to turn checkDefinition's paths into cells. */
export interface SourceMap {
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
export function locate(p: DefinitionProblem, m: SourceMap): WorkbookError {
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
