// XLSForm-style workbooks (electron/server/forms/xlsform.ts): every default form survives
// export → import unchanged; broken workbooks are refused naming sheet, row and column; a
// workbook written by hand the XLSForm way (constraint expressions, language names in the
// headers, acknowledge, multiline) is read into the same format.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { FormDefinition, RelevantRule } from '../../electron/core/forms/definition.js';
import { Database } from '../../electron/store/db.js';
import { FormStore } from '../../electron/store/formStore.js';
import { migrate } from '../../electron/store/migrations/index.js';
import { exportWorkbook, importWorkbook, parseRelevant, relevantExpression, type WorkbookError } from '../../electron/server/forms/xlsform.js';

const dir = join(import.meta.dirname, '../../resources/forms');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as string[];
const load = (id: string) => JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as FormDefinition;

async function workbookOf(def: FormDefinition): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportWorkbook(def)) as unknown as ExcelJS.Buffer);
  return wb;
}
async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (c.value === header) found = n;
  });
  assert.ok(found > 0, `no column ${header}`);
  return found;
}
function rowOf(ws: ExcelJS.Worksheet, column: string, value: string): number {
  const col = columnOf(ws, column);
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === value) return r;
  assert.fail(`no row with ${column} = ${value}`);
}
function set(ws: ExcelJS.Worksheet, row: number, column: string, value: ExcelJS.CellValue) {
  ws.getRow(row).getCell(columnOf(ws, column)).value = value;
}
async function refused(wb: ExcelJS.Workbook): Promise<WorkbookError[]> {
  const r = await importWorkbook(await bytes(wb));
  assert.ok(!r.ok, 'expected a refusal');
  return r.errors;
}
const brief = (e: WorkbookError) => `${e.sheet}!${e.row}:${e.column}`;

describe('XLSForm round trip', () => {
  for (const id of index) {
    it(`${id}: export → import gives the same definition`, async () => {
      const def = load(id);
      const r = await importWorkbook(await exportWorkbook(def));
      assert.ok(r.ok, JSON.stringify(!r.ok && r.errors, null, 1));
      assert.deepEqual(r.definition, def);
    });
  }

  it('the exported layout is the documented one', async () => {
    const wb = await workbookOf(load('residence_permit'));
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['survey', 'choices', 'settings']);
    const survey = wb.getWorksheet('survey')!;
    for (const h of ['type', 'name', 'label::zh', 'label::bo', 'label::ug', 'hint::bo', 'required', 'relevant', 'constraint_message::ug', 'personal']) columnOf(survey, h);
    const row = rowOf(survey, 'name', 'employer');
    assert.equal(survey.getRow(row).getCell(columnOf(survey, 'relevant')).value, "${basis} = 'employment'");
    assert.equal(survey.getRow(rowOf(survey, 'name', 'basis')).getCell(1).value, 'select_one basis');
    const settings = wb.getWorksheet('settings')!;
    assert.equal(settings.getRow(2).getCell(columnOf(settings, 'form_id')).value, 'residence_permit');
  });
});

describe('XLSForm refusals name sheet, row and column', () => {
  it('a missing Tibetan label in the survey', async () => {
    const wb = await workbookOf(load('senior_bus_card'));
    const survey = wb.getWorksheet('survey')!;
    const row = rowOf(survey, 'name', 'phone');
    set(survey, row, 'label::bo', null);
    const errors = await refused(wb);
    assert.deepEqual(errors.map(brief), [`survey!${row}:label::bo`]);
    assert.equal(errors[0]!.cell, `D${row}`);
    assert.match(errors[0]!.message, /bo/);
  });

  it('a missing Uyghur choice label and a Chinese text in the Tibetan column', async () => {
    const wb = await workbookOf(load('subsistence_allowance'));
    const choices = wb.getWorksheet('choices')!;
    const row = rowOf(choices, 'name', 'pension');
    set(choices, row, 'label::ug', '  ');
    const settings = wb.getWorksheet('settings')!;
    set(settings, 2, 'title::bo', '低保申请');
    const errors = await refused(wb);
    assert.deepEqual(errors.map(brief).sort(), [`choices!${row}:label::ug`, 'settings!2:title::bo'].sort());
  });

  it('a whole language column missing is one error on the header', async () => {
    const wb = await workbookOf(load('suggestion_box'));
    const survey = wb.getWorksheet('survey')!;
    survey.spliceColumns(columnOf(survey, 'label::bo'), 1);
    const errors = await refused(wb);
    assert.deepEqual(errors.map(brief), ['survey!1:label::bo']);
  });

  it('a bad type', async () => {
    const wb = await workbookOf(load('home_adaptation'));
    const survey = wb.getWorksheet('survey')!;
    const a = rowOf(survey, 'name', 'floor');
    const b = rowOf(survey, 'name', 'visit_date');
    set(survey, a, 'type', 'numbr');
    set(survey, b, 'type', 'geopoint');
    const errors = await refused(wb);
    assert.deepEqual(errors.map(brief), [`survey!${a}:type`, `survey!${b}:type`]);
    assert.equal(errors[0]!.cell, `A${a}`);
    assert.match(errors[0]!.message, /Unknown type "numbr"/);
    assert.match(errors[1]!.message, /not supported/);
  });

  it('a relevant to an unknown field, to a later field, and outside the subset', async () => {
    const wb = await workbookOf(load('proxy_service'));
    const survey = wb.getWorksheet('survey')!;
    const a = rowOf(survey, 'name', 'matter_other');
    const b = rowOf(survey, 'name', 'phone');
    const c = rowOf(survey, 'name', 'notes');
    set(survey, a, 'relevant', "${mater} = 'other'");
    set(survey, b, 'relevant', "${mode} = 'home_visit'");
    set(survey, c, 'relevant', 'count-selected(${matter}) > 1');
    const errors = await refused(wb);
    assert.deepEqual(errors.map(brief).sort(), [`survey!${a}:relevant`, `survey!${b}:relevant`, `survey!${c}:relevant`].sort());
    const byRow = new Map(errors.map((e) => [e.row, e.message]));
    assert.match(byRow.get(a)!, /mater/);
    assert.match(byRow.get(b)!, /not an earlier field/);
    assert.match(byRow.get(c)!, /subset/);
  });

  it('a choice list that does not exist, and a choice code used twice', async () => {
    const wb = await workbookOf(load('dispute_mediation'));
    const survey = wb.getWorksheet('survey')!;
    const a = rowOf(survey, 'name', 'preferred_time');
    set(survey, a, 'type', 'select_one time_slots');
    const choices = wb.getWorksheet('choices')!;
    const b = rowOf(choices, 'name', 'consumer');
    set(choices, b, 'name', 'wages');
    const errors = await refused(wb);
    assert.deepEqual(errors.map(brief).sort(), [`survey!${a}:type`, `choices!${b}:name`].sort());
    assert.match(errors.find((e) => e.sheet === 'survey')!.message, /"time_slots" does not exist/);
  });

  it('a bad bound, a bad yes/no, a bad version and an unsupported column', async () => {
    const wb = await workbookOf(load('elevator_retrofit'));
    const survey = wb.getWorksheet('survey')!;
    const a = rowOf(survey, 'name', 'storeys');
    set(survey, a, 'min', 'two');
    const b = rowOf(survey, 'name', 'estate');
    set(survey, b, 'required', 'maybe');
    survey.getRow(1).getCell(survey.columnCount + 1).value = 'calculation';
    set(survey, b, 'calculation', '1 + 1');
    set(wb.getWorksheet('settings')!, 2, 'version', 'v2');
    const errors = await refused(wb);
    assert.deepEqual(errors.map(brief).sort(), [`survey!${a}:min`, `survey!${b}:required`, `survey!${b}:calculation`, 'settings!2:version'].sort());
  });

  it('something that is not a workbook, and a workbook without its sheets', async () => {
    const r = await importWorkbook(Buffer.from('type,name\ntext,x\n'));
    assert.ok(!r.ok);
    assert.match(r.errors[0]!.message, /xlsx/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const errors = await refused(wb);
    assert.deepEqual(errors.map((e) => e.sheet), ['survey', 'settings']);
  });
});

describe('a workbook written the XLSForm way', () => {
  it('reads language names in headers, constraint expressions, acknowledge and multiline', async () => {
    const wb = new ExcelJS.Workbook();
    const survey = wb.addWorksheet('survey');
    survey.addRow(['type', 'name', 'label::Chinese (zh)', 'label::Tibetan (bo)', 'label::Uyghur (ug)', 'required', 'relevant', 'constraint', 'appearance', 'notes for staff']);
    survey.addRow(['text', 'name', '姓名', 'མིང་།', 'ئىسىم-فامىلە', 'TRUE', null, 'string-length(.) <= 20', null, 'ask politely']);
    survey.addRow(['integer', 'rooms', '房间数', 'ཁང་མིག་གི་གྲངས།', 'ئۆي سانى', 'yes', null, '. >= 1 and . <= 9', null, null]);
    survey.addRow(['select_one yes_no', 'has_lift', '有电梯吗', 'གློག་སྐས་ཡོད་དམ།', 'لىفت بارمۇ؟', 'no', null, null, null, null]);
    survey.addRow(['yesno', 'alone', '独居吗', 'རྐྱང་སྡོད་ཡིན་ནམ།', 'يالغۇز تۇرامسىز؟', 'yes', null, null, null, null]);
    survey.addRow(['text', 'story', '情况', 'གནས་ཚུལ།', 'ئەھۋال', null, "${alone} = 'yes' ", null, 'multiline', null]);
    survey.addRow(['date', 'visit', '日期', 'ཚེས་གྲངས།', 'چېسلا', null, "selected(${has_lift}, 'n')", '. >= today() and . <= today() + 14', null, null]);
    survey.addRow([]);
    survey.addRow(['acknowledge', 'agree', '我同意', 'ང་མོས་མཐུན་ཡོད།', 'قوشۇلىمەن', 'yes', null, null, null, null]);
    const choices = wb.addWorksheet('choices');
    choices.addRow(['list name', 'name', 'label::Chinese (zh)', 'label::Tibetan (bo)', 'label::Uyghur (ug)']);
    choices.addRow(['yes_no', 'y', '有', 'ཡོད།', 'بار']);
    choices.addRow(['yes_no', 'n', '没有', 'མེད།', 'يوق']);
    const settings = wb.addWorksheet('settings');
    settings.addRow(['form_id', 'version', 'form_title::Chinese (zh)', 'form_title::Tibetan (bo)', 'form_title::Uyghur (ug)', 'service_id', 'allow_without_ticket']);
    settings.addRow(['home_check', 2024060101, '入户登记', 'ཁྱིམ་ཐོ་འགོད།', 'ئائىلە تىزىملىتىش', 'elderly', 'no']);
    const r = await importWorkbook(await bytes(wb));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors, null, 1));
    const d = r.definition;
    assert.equal(d.id, 'home_check');
    assert.equal(d.version, 2024060101);
    assert.deepEqual(d.title, { zh: '入户登记', bo: 'ཁྱིམ་ཐོ་འགོད།', ug: 'ئائىلە تىزىملىتىش' });
    assert.equal(d.serviceId, 'elderly');
    const f = Object.fromEntries(d.fields.map((x) => [x.code, x]));
    assert.deepEqual(Object.keys(f), ['name', 'rooms', 'has_lift', 'alone', 'story', 'visit', 'agree']);
    assert.equal(f.name!.personal, true, 'a name is personal by default');
    assert.equal(f.name!.maxLength, 20);
    assert.equal(f.rooms!.personal, false);
    assert.deepEqual([f.rooms!.min, f.rooms!.max], [1, 9]);
    assert.equal(f.has_lift!.type, 'choice');
    assert.deepEqual(f.has_lift!.choices!.map((c) => c.code), ['y', 'n']);
    assert.equal(f.story!.type, 'longtext');
    assert.deepEqual(f.story!.relevant, { field: 'alone', equals: true });
    assert.deepEqual(f.visit!.relevant, { field: 'has_lift', equals: 'n' });
    assert.deepEqual([f.visit!.min, f.visit!.max], ['today', 'today+14']);
    assert.equal(f.agree!.type, 'consent');
    assert.equal(f.agree!.required, true);
  });
});

describe('patterns in a workbook (issue 17)', () => {
  it('a regex() RE2 cannot compile is refused on its constraint cell; a nested repetition is taken', async () => {
    const wb = await workbookOf(load('senior_bus_card'));
    const survey = wb.getWorksheet('survey')!;
    const row = rowOf(survey, 'name', 'card_number');
    set(survey, row, 'pattern', null);
    survey.getRow(1).getCell(survey.columnCount + 1).value = 'constraint';
    set(survey, row, 'constraint', "regex(., '^([0-9])\\1{7,19}$')");
    const errors = await refused(wb);
    assert.deepEqual(errors.map(brief), [`survey!${row}:constraint`]);
    assert.match(errors[0]!.message, /RE2|backreference/);
    set(survey, row, 'constraint', "regex(., '((a)+)+')");
    const r = await importWorkbook(await bytes(wb));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.equal(r.definition.fields.find((f) => f.code === 'card_number')!.pattern, '((a)+)+');
  });
});

describe('cells as Excel stores them', () => {
  it('reads rich text and formula results; refuses an oversized sheet', async () => {
    const wb = await workbookOf(load('suggestion_box'));
    const survey = wb.getWorksheet('survey')!;
    const row = rowOf(survey, 'name', 'content');
    set(survey, row, 'label::zh', { richText: [{ text: '您的意见' }, { font: { bold: true }, text: '或建议' }] });
    set(survey, row, 'label::ug', { formula: 'CONCAT("پىكىرىڭىز"," ياكى تەكلىپىڭىز")', result: 'پىكىرىڭىز ياكى تەكلىپىڭىز' });
    const r = await importWorkbook(await bytes(wb));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    const f = r.definition.fields.find((x) => x.code === 'content')!;
    assert.equal(f.label.zh, '您的意见或建议');
    assert.equal(f.label.ug, 'پىكىرىڭىز ياكى تەكلىپىڭىز');

    for (let i = 0; i < 2001; i++) survey.addRow(['text', `extra_${i}`, 'x', 'ཡ', 'ئا']);
    const errors = await refused(wb);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.sheet, 'survey');
    assert.match(errors[0]!.message, /At most 2000 rows/);
  });
});

describe('relevant expressions', () => {
  it('every rule shape is written and read back', () => {
    for (const [rule, text] of [
      [{ field: 'a', equals: 'x' }, "${a} = 'x'"],
      [{ field: 'a', equals: 3 }, '${a} = 3'],
      [{ field: 'a', equals: false }, "${a} = 'no'"],
      [{ field: 'a', oneOf: ['x', 'y'] }, "${a} = 'x' or ${a} = 'y'"],
      [{ field: 'a', includes: 'x' }, "selected(${a}, 'x')"],
      [{ field: 'a', answered: true }, "${a} != ''"],
    ] as [RelevantRule, string][]) {
      assert.equal(relevantExpression(rule), text);
      assert.equal(typeof parseRelevant(text), 'object', text);
    }
    assert.equal(typeof parseRelevant("${a} = 'x' or ${b} = 'y'"), 'string');
    assert.equal(typeof parseRelevant("${a} > 3"), 'string');
  });
});

describe('npm run import-form', () => {
  const cli = join(import.meta.dirname, '../../electron/cli/importForm.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints the problems of a refused workbook with sheet, row and column, exit 1', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'import-form-'));
    try {
      const wb = await workbookOf(load('senior_bus_card'));
      const survey = wb.getWorksheet('survey')!;
      const row = rowOf(survey, 'name', 'card_number');
      set(survey, row, 'label::bo', null);
      const file = join(tmp, 'bad.xlsx');
      writeFileSync(file, await bytes(wb));
      const r = run(file);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`survey row ${row} column label::bo \\(D${row}\\)`));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('stores a valid workbook into a hall as a new version', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'import-form-'));
    try {
      const db = await Database.open(join(tmp, 'hall.sqlite3'));
      await migrate(db);
      await db.close();
      const def = load('dispute_mediation');
      const file = join(tmp, 'form.xlsx');
      writeFileSync(file, await exportWorkbook(def));
      const first = run(file, '--data-dir', tmp, '--json');
      assert.equal(first.status, 0, first.stderr);
      assert.equal(JSON.parse(first.stdout).storedVersion, 1);
      const second = run(file, '--data-dir', tmp, '--json');
      assert.equal(JSON.parse(second.stdout).storedVersion, 2, 'the same version again becomes the next one');
      const check = await Database.open(join(tmp, 'hall.sqlite3'));
      try {
        const store = new FormStore(check);
        assert.deepEqual((await store.reads.get('dispute_mediation', 1))!.definition, def);
        assert.equal(await store.reads.newestVersion('dispute_mediation'), 2);
      } finally {
        await check.close();
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
