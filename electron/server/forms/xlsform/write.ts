// Exporting any definition as an XLSForm-style workbook in the layout import reads, so
// export → import is lossless.
import ExcelJS from 'exceljs';
import type { FormDefinition, FormField } from '../../../core/forms/definition.js';
import type { LocalizedText } from '../../../core/model.js';
import { LANGUAGES } from '../../../core/model.js';
import { CHOICES, SETTINGS, SURVEY } from './cells.js';
import { relevantExpression } from './expressions.js';

const loc = (base: string) => LANGUAGES.map((l) => `${base}::${l}`);
const SURVEY_COLUMNS = ['type', 'name', ...loc('label'), ...loc('hint'), 'required', 'relevant', 'min', 'max', 'min_length', 'max_length', 'pattern', ...loc('constraint_message'), 'personal'];
const CHOICE_COLUMNS = ['list_name', 'name', ...loc('label')];
const SETTINGS_COLUMNS = ['form_id', 'version', ...loc('title'), ...loc('description'), 'service_id', 'allow_without_ticket', 'anonymous'];

const yesNo = (b: boolean | undefined) => (b === undefined ? null : b ? 'yes' : 'no');
const texts = (t: LocalizedText | undefined) => LANGUAGES.map((l) => t?.[l] ?? null);

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
