// Issue 17 item 3: workbook bombs are refused before anything parses them, and the hall keeps
// answering meanwhile. The bombs are built here (test/support/workbookBomb.ts), not committed:
// 5 M rows in "choices" in ~0.3 MB, a larger one of 12 M rows in ~0.75 MB, one whose zip headers
// understate the size, one whose sheet declares 5 M rows, and an honest workbook of 3 000 rows.
// Asserts answers and status only; bench/workbookBomb.bench.ts measures time and memory.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { exportWorkbook } from '../../electron/server/forms/xlsform.js';
import { checkWorkbookLimits } from '../../electron/server/forms/xlsform/limits.js';
import { api, startTestHall, type TestHall } from '../support/hall.js';
import { unzipParts, workbookBomb } from '../support/workbookBomb.js';
import { BOX, PERMIT } from './formsFixture.js';

let hall: TestHall;
before(async () => {
  hall = await startTestHall();
});
after(() => hall.stop());

type Problem = { sheet: string; row: number; column: string; message: string };

function upload(body: Buffer) {
  return fetch(`${hall.url}/api/forms/import`, { method: 'POST', headers: { Authorization: `Bearer ${hall.adminToken}`, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(body) });
}

/** Uploads while GET /api/hall is asked again and again; every one of those must answer. */
async function uploadWhileHallAnswers(body: Buffer): Promise<{ status: number; problems: Problem[]; hallAnswers: number }> {
  let done = false;
  let hallAnswers = 0;
  const poll = (async () => {
    while (!done) {
      const r = await api(hall.url, 'GET', '/api/hall', hall.kioskToken);
      assert.equal(r.status, 200);
      hallAnswers++;
    }
  })();
  try {
    const res = await upload(body);
    const json = (await res.json()) as { error?: { details?: { problems?: Problem[] } } };
    return { status: res.status, problems: json.error?.details?.problems ?? [], hallAnswers };
  } finally {
    done = true;
    await poll;
  }
}

describe('workbook bombs (issue 17)', () => {
  it('the bomb helper replaces the choices sheet of a real export', async () => {
    const names = (await unzipParts(await exportWorkbook(PERMIT))).map((p) => p.name);
    assert.ok(names.includes('xl/worksheets/sheet2.xml'), names.join(', '));
    assert.deepEqual(await checkWorkbookLimits(await workbookBomb(PERMIT, { rows: 10 })), [], 'a small one passes the checks');
  });

  for (const [name, o, maxBytes] of [
    ['5 M rows in choices (~0.3 MB)', { rows: 5_000_000 }, 400_000],
    ['12 M rows in choices (~0.75 MB)', { rows: 12_000_000 }, 900_000],
    ['5 M rows whose zip headers claim 1 MB', { rows: 5_000_000, lieAboutSize: 1024 * 1024 }, 400_000],
  ] as const) {
    it(`${name}: 4xx, and GET /api/hall answers meanwhile`, async () => {
      const bomb = await workbookBomb(PERMIT, o);
      assert.ok(bomb.length < maxBytes, `bomb is ${bomb.length} bytes`);
      const r = await uploadWhileHallAnswers(bomb);
      assert.ok(r.status === 422 || r.status === 413, `status ${r.status}`);
      assert.ok(r.problems.length > 0);
      assert.ok(r.hallAnswers >= 1);
    });
  }

  it('a sheet that declares 5 M rows is refused from its dimension, naming the sheet', async () => {
    const r = await uploadWhileHallAnswers(await workbookBomb(PERMIT, { rows: 10, declaredRows: 5_000_000 }));
    assert.equal(r.status, 422);
    assert.deepEqual(r.problems.map((p) => [p.sheet, p.row]), [['choices', 2000]]);
  });

  it('an honest workbook of 3 000 choice rows is refused at the row limit, naming the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportWorkbook(BOX)) as unknown as ArrayBuffer);
    const choices = wb.getWorksheet('choices')!;
    for (let i = 0; i < 3000; i++) choices.addRow(['list', `c${i}`, '选项', 'གདམ་ག', 'تاللاش']);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    // ExcelJS writes the dimension too; check the row count alone with a sheet that has none.
    const r = await uploadWhileHallAnswers(body);
    assert.equal(r.status, 422);
    assert.deepEqual(r.problems.map((p) => [p.sheet, p.row]), [['choices', 2000]]);
    assert.equal((await checkWorkbookLimits(await workbookBomb(BOX, { rows: 2500, declaredRows: 1 })))[0]?.sheet, 'choices', 'rows counted as they stream');
  });

  it('a real workbook still imports', async () => {
    const res = await upload(await exportWorkbook({ ...BOX, id: 'bomb-control' }));
    assert.equal(res.status, 201, await res.text());
  });
});
