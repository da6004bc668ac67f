// Forms over HTTP on a real server and SQLite file: the contract shapes, 201 / 422 with
// messages in the submission's language, hidden answers dropped, staff filling, audited
// reads, role refusals and hostile submissions (never a 500).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FormDefinition } from '../../electron/core/forms/definition.js';
import { exportWorkbook } from '../../electron/server/forms/xlsform.js';
import { api, startTestHall, staffToken, type TestHall } from '../support/hall.js';
import { BOX, PERMIT, residentId, storeForms, wrongCheckId } from './formsFixture.js';

let hall: TestHall;
let staff: string;
let staffId: string;

type Json = Record<string, unknown>;
const locale = (lang: string, ns: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/locales', lang, `${ns}.json`), 'utf8')) as Json;

const good = () => ({
  name: '欧阳明珠',
  id_number: residentId(),
  phone: '13812345678',
  has_children: true,
  children: 2,
  reason: 'work',
  consent: true,
});

async function kioskTicket(serviceId = 'household', token = hall.kioskToken): Promise<string> {
  const r = await api<{ id: string }>(hall.url, 'POST', '/api/tickets', token, { serviceId, language: 'zh' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

async function submit(body: Json, token = hall.kioskToken) {
  return api<Json>(hall.url, 'POST', '/api/submissions', token, body);
}

async function auditRows(action: string, target?: string) {
  return hall.server.context.db.reader.all<{ actor_kind: string; actor_id: string | null; action: string; target: string | null; detail: string | null }>(
    `SELECT * FROM audit_log WHERE action = ?${target ? ' AND target = ?' : ''} ORDER BY id`,
    target ? [action, target] : [action],
  );
}

before(async () => {
  hall = await startTestHall();
  await storeForms(hall);
  staff = await staffToken(hall, 'forms-clerk');
  staffId = (await api<{ staff: { id: string } }>(hall.url, 'GET', '/api/me', staff)).body.staff.id;
});
after(() => hall.stop());

describe('GET /api/forms', () => {
  it('gives kiosks and staff the active definitions in the contract shape', async () => {
    for (const token of [hall.kioskToken, staff, hall.adminToken]) {
      const r = await api<Json[]>(hall.url, 'GET', '/api/forms', token);
      assert.equal(r.status, 200);
      const permit = r.body.find((f) => f.id === PERMIT.id) as Json & { fields: Json[] };
      assert.ok(permit, 'the stored form is served');
      assert.equal(permit.version, 1);
      assert.equal(permit.serviceId, 'household');
      assert.deepEqual(Object.keys(permit.title as Json).sort(), ['bo', 'ug', 'zh']);
      const reason = permit.fields.find((f) => f.code === 'reason')!;
      assert.equal(reason.type, 'choice');
      assert.equal(reason.required, true);
      assert.deepEqual((reason.choices as Json[]).map((c) => c.code), ['work', 'study']);
      assert.ok(((reason.choices as Json[])[0]!.label as Json).ug);
      for (const f of permit.fields) assert.ok(['text', 'longtext', 'integer', 'decimal', 'date', 'choice', 'multichoice', 'yesno', 'phone', 'resident_id', 'consent'].includes(f.type as string));
    }
    assert.equal((await api(hall.url, 'GET', '/api/forms', hall.displayToken)).status, 403);
    assert.equal((await api(hall.url, 'GET', '/api/forms', null)).status, 401);
  });

  it('serves only the newest active version, and admins see every version', async () => {
    await storeForms(hall, [{ ...BOX, version: 2, title: { ...BOX.title, zh: '意见箱（第二版）' } }]);
    const served = (await api<Json[]>(hall.url, 'GET', '/api/forms', hall.kioskToken)).body.filter((f) => f.id === BOX.id);
    assert.deepEqual(served.map((f) => f.version), [2]);
    const all = await api<{ forms: Json[]; retentionDays: number }>(hall.url, 'GET', '/api/forms/all', hall.adminToken);
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.forms.filter((f) => f.id === BOX.id).map((f) => f.version), [2, 1]);
    assert.equal(all.body.retentionDays, 30);
    // Deactivating version 2 serves version 1 again.
    const off = await api<Json>(hall.url, 'PATCH', `/api/forms/${BOX.id}`, hall.adminToken, { active: false, version: 2 });
    assert.equal(off.status, 200);
    assert.equal(off.body.activeVersion, 1);
    const again = (await api<Json[]>(hall.url, 'GET', '/api/forms', hall.kioskToken)).body.filter((f) => f.id === BOX.id);
    assert.deepEqual(again.map((f) => f.version), [1]);
    assert.equal((await auditRows('setup.form.deactivate', BOX.id)).length, 1);
  });
});

describe('GET /api/services', () => {
  it('carries formId on every service', async () => {
    const r = await api<Json[]>(hall.url, 'GET', '/api/services', hall.kioskToken);
    assert.ok(r.body.length > 0);
    for (const s of r.body) assert.ok('formId' in s && (s.formId === null || typeof s.formId === 'string'), JSON.stringify(s));
  });
});

describe('POST /api/submissions', () => {
  it('stores a kiosk submission for its ticket and links it to the ticket', async () => {
    const ticketId = await kioskTicket();
    const before = await api<Json>(hall.url, 'GET', `/api/tickets/${ticketId}`, staff);
    assert.equal(before.body.submissionId, null);
    const r = await submit({ formId: PERMIT.id, version: 1, language: 'zh', answers: good(), ticketId });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual(Object.keys(r.body), ['id']);
    const ticket = await api<Json>(hall.url, 'GET', `/api/tickets/${ticketId}`, staff);
    assert.equal(ticket.body.submissionId, r.body.id);

    const read = await api<Json & { answers: Json; form: Json }>(hall.url, 'GET', `/api/submissions/${r.body.id as string}`, staff);
    assert.equal(read.status, 200);
    assert.equal(read.body.filledBy, 'kiosk');
    assert.equal(read.body.ticketId, ticketId);
    assert.equal(read.body.language, 'zh');
    assert.equal(read.body.version, 1);
    assert.deepEqual(read.body.answers, { ...good(), id_number: residentId() });
    assert.equal(read.body.form.id, PERMIT.id);
    assert.deepEqual((read.body.personalCodes as string[]).sort(), ['id_number', 'name', 'phone']);

    // The same through the ticket, for the counter.
    const byTicket = await api<Json>(hall.url, 'GET', `/api/tickets/${ticketId}/submission`, staff);
    assert.equal(byTicket.status, 200);
    assert.equal(byTicket.body.id, r.body.id);

    // A second submission of the form for the ticket is refused.
    const twice = await submit({ formId: PERMIT.id, version: 1, language: 'zh', answers: good(), ticketId });
    assert.equal(twice.status, 409);
    assert.equal((twice.body.error as Json).code, 'SUBMISSION_EXISTS');
  });

  it('drops the answers of fields that are not shown', async () => {
    const ticketId = await kioskTicket();
    const r = await submit({ formId: PERMIT.id, version: 1, language: 'zh', answers: { ...good(), has_children: false, children: 3 }, ticketId });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const read = await api<{ answers: Json }>(hall.url, 'GET', `/api/submissions/${r.body.id as string}`, staff);
    assert.equal(read.body.answers.has_children, false);
    assert.ok(!('children' in read.body.answers), 'the hidden answer was not stored');
    const row = await hall.server.context.db.reader.get<{ answers: string }>('SELECT answers FROM submissions WHERE id = ?', [r.body.id as string]);
    assert.ok(!('children' in (JSON.parse(row!.answers) as Json)), 'nor is it in the row');
  });

  it('answers 422 with every field error in the submission language (bo, ug)', async () => {
    for (const lang of ['bo', 'ug'] as const) {
      const ticketId = await kioskTicket();
      const answers = { ...good(), id_number: wrongCheckId(), phone: '12012345678', reason: 'nonsense' };
      delete (answers as Partial<typeof answers>).name;
      // The reader's header says Chinese; the resident filled the form in bo/ug.
      const r = await api<{ error: { code: string; message: string; details: { fields: Record<string, { code: string; message: string }> } } }>(
        hall.url, 'POST', '/api/submissions', hall.kioskToken, { formId: PERMIT.id, version: 1, language: lang, answers, ticketId }, { 'Accept-Language': 'zh' },
      );
      assert.equal(r.status, 422);
      const errors = locale(lang, 'errors');
      const formErrors = locale(lang, 'forms').Errors as Json;
      assert.equal(r.body.error.code, 'INVALID_SUBMISSION');
      assert.equal(r.body.error.message, errors.INVALID_SUBMISSION);
      const f = r.body.error.details.fields;
      assert.equal(f.id_number?.code, 'BAD_ID_CHECKSUM');
      assert.equal(f.id_number?.message, formErrors.BAD_ID_CHECKSUM);
      assert.equal(f.phone?.code, 'BAD_PHONE');
      assert.equal(f.reason?.code, 'UNKNOWN_CHOICE');
      assert.equal(f.name?.code, 'REQUIRED');
      assert.equal(f.name?.message, formErrors.REQUIRED);
      assert.match(f.name!.message, lang === 'bo' ? /[\u0F00-\u0FFF]/ : /[\u0600-\u06FF]/);
      // Nothing was stored for the ticket.
      assert.equal((await api<Json>(hall.url, 'GET', `/api/tickets/${ticketId}`, staff)).body.submissionId, null);
    }
  });

  it('enforces the ticket rules', async () => {
    // The form needs a ticket.
    const none = await submit({ formId: PERMIT.id, version: 1, language: 'zh', answers: good() });
    assert.equal(none.status, 422);
    assert.equal((none.body.error as Json).code, 'TICKET_REQUIRED');
    // The suggestion box does not.
    const box = await submit({ formId: BOX.id, version: 1, language: 'ug', answers: { opinion: 'ياخشى' } });
    assert.equal(box.status, 201, JSON.stringify(box.body));
    // Unknown ticket.
    const ghost = await submit({ formId: PERMIT.id, version: 1, language: 'zh', answers: good(), ticketId: 'no-such-ticket' });
    assert.equal(ghost.status, 422);
    assert.equal((ghost.body.error as Json).code, 'TICKET_UNKNOWN');
    // Another kiosk's ticket.
    const other = (await api<{ token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'kiosk', name: 'Second kiosk' })).body.token;
    const theirs = await kioskTicket('household', other);
    const stolen = await submit({ formId: PERMIT.id, version: 1, language: 'zh', answers: good(), ticketId: theirs });
    assert.equal(stolen.status, 403);
    assert.equal((stolen.body.error as Json).code, 'TICKET_OTHER_KIOSK');
    // A ticket of another service.
    const elsewhere = await kioskTicket('enquiries');
    const wrongService = await submit({ formId: PERMIT.id, version: 1, language: 'zh', answers: good(), ticketId: elsewhere });
    assert.equal(wrongService.status, 422);
    assert.equal((wrongService.body.error as Json).code, 'FORM_NOT_FOR_TICKET');
    // A ticket of an earlier day.
    const old = await kioskTicket();
    await hall.server.context.db.write((c) => c.run("UPDATE tickets SET day = '2020-01-01' WHERE id = ?", [old]));
    const stale = await submit({ formId: PERMIT.id, version: 1, language: 'zh', answers: good(), ticketId: old });
    assert.equal(stale.status, 422);
    assert.equal((stale.body.error as Json).code, 'TICKET_NOT_TODAY');
  });
});

describe('staff filling (帮办代办)', () => {
  it('records the staff member who filled it, and lets staff complete a kiosk submission', async () => {
    const ticketId = await kioskTicket();
    const r = await submit({ formId: PERMIT.id, version: 1, language: 'bo', answers: good(), ticketId }, staff);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const read = await api<Json>(hall.url, 'GET', `/api/submissions/${r.body.id as string}`, staff);
    assert.equal(read.body.filledBy, 'staff');
    assert.equal(read.body.fillerId, staffId);

    // A kiosk submission corrected at the counter.
    const t2 = await kioskTicket();
    const k = await submit({ formId: PERMIT.id, version: 1, language: 'zh', answers: { ...good(), phone: '' }, ticketId: t2 });
    assert.equal(k.status, 201);
    const id = k.body.id as string;
    const bad = await api<Json>(hall.url, 'PUT', `/api/submissions/${id}`, staff, { answers: { ...good(), id_number: '123' } });
    assert.equal(bad.status, 422);
    const fixed = await api<Json>(hall.url, 'PUT', `/api/submissions/${id}`, staff, { answers: { ...good(), phone: '13912345678' } });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    const after = await api<Json & { answers: Json }>(hall.url, 'GET', `/api/submissions/${id}`, staff);
    assert.equal(after.body.answers.phone, '13912345678');
    assert.equal(after.body.filledBy, 'staff');
    assert.equal(after.body.fillerId, staffId);
    const update = await auditRows('submission.update', id);
    assert.equal(update.length, 1);
    assert.equal(JSON.parse(update[0]!.detail!).previousFilledBy, 'kiosk');
    // A kiosk may not replace.
    assert.equal((await api(hall.url, 'PUT', `/api/submissions/${id}`, hall.kioskToken, { answers: good() })).status, 403);

    const reviewed = await api<Json>(hall.url, 'POST', `/api/submissions/${id}/reviewed`, staff, {});
    assert.equal(reviewed.status, 200);
    assert.equal(reviewed.body.reviewedBy, staffId);
    assert.equal((await api<Json>(hall.url, 'GET', `/api/submissions/${id}`, staff)).body.reviewedBy, staffId);
  });
});

describe('reading a submission', () => {
  it('is for staff and admins only, and every read is audited', async () => {
    const ticketId = await kioskTicket();
    const r = await submit({ formId: PERMIT.id, version: 1, language: 'zh', answers: good(), ticketId });
    const id = r.body.id as string;
    for (const token of [hall.kioskToken, hall.displayToken]) {
      const refused = await api<Json>(hall.url, 'GET', `/api/submissions/${id}`, token);
      assert.equal(refused.status, 403);
      assert.ok(!JSON.stringify(refused.body).includes('欧阳明珠'));
    }
    assert.equal((await api(hall.url, 'GET', `/api/tickets/${ticketId}/submission`, hall.kioskToken)).status, 403);
    assert.equal((await auditRows('submission.read', id)).length, 0, 'refused reads are not reads');
    await api(hall.url, 'GET', `/api/submissions/${id}`, staff);
    await api(hall.url, 'GET', `/api/tickets/${ticketId}/submission`, hall.adminToken);
    const reads = await auditRows('submission.read', id);
    assert.equal(reads.length, 2);
    assert.equal(reads[0]!.actor_kind, 'staff');
    assert.equal(reads[0]!.actor_id, staffId);
    assert.equal(JSON.parse(reads[1]!.detail!).via, 'ticket');
    // The audit trail never holds the answers.
    const all = await hall.server.context.db.reader.all<{ detail: string | null }>('SELECT detail FROM audit_log');
    assert.ok(all.every((a) => !(a.detail ?? '').includes('欧阳明珠') && !(a.detail ?? '').includes(residentId())));
    assert.equal((await api(hall.url, 'GET', '/api/submissions/no-such-id', staff)).status, 404);
  });
});

describe('hostile submissions', () => {
  it('refuses or stores inert, never a 500', async () => {
    const cases: { body: unknown; status: number; code?: string }[] = [
      { body: { formId: PERMIT.id, version: 99, language: 'zh', answers: good() }, status: 409, code: 'FORM_VERSION_MISMATCH' },
      { body: { formId: 'no-such-form', version: 1, language: 'zh', answers: good() }, status: 422, code: 'FORM_UNKNOWN' },
      { body: { formId: BOX.id, version: 1, language: 'zh', answers: { opinion: 'x', extra: 'field' } }, status: 422, code: 'INVALID_SUBMISSION' },
      { body: { formId: BOX.id, version: 1, language: 'zh', answers: { opinion: 'x'.repeat(10_000) } }, status: 422, code: 'INVALID_SUBMISSION' },
      { body: { formId: BOX.id, version: 1, language: 'zh', answers: { opinion: ['a', 'b'] } }, status: 422, code: 'INVALID_SUBMISSION' },
      { body: { formId: BOX.id, version: 1, language: 'zh', answers: { opinion: { nested: true } } }, status: 422, code: 'INVALID_SUBMISSION' },
      { body: { formId: BOX.id, version: 1, language: 'zh', answers: [] }, status: 422, code: 'INVALID_SUBMISSION' },
      { body: { formId: BOX.id, version: 1, language: 'zh', answers: 'text' }, status: 422, code: 'INVALID_SUBMISSION' },
      { body: { formId: BOX.id, version: 1, language: 'xx', answers: { opinion: 'x' } }, status: 400 },
      { body: { formId: BOX.id, version: '1', language: 'zh', answers: { opinion: 'x' } }, status: 400 },
      { body: { formId: '../../etc', version: 1, language: 'zh', answers: {} }, status: 400 },
    ];
    for (const c of cases) {
      const r = await submit(c.body as Json);
      assert.equal(r.status, c.status, `${JSON.stringify(c.body).slice(0, 120)} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      if (c.code) assert.equal((r.body.error as Json).code, c.code);
    }
    // __proto__ as an answer key (sent as raw JSON so it is an own property).
    const proto = await fetch(`${hall.url}/api/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hall.kioskToken}`, 'Content-Type': 'application/json' },
      body: `{"formId":"${BOX.id}","version":1,"language":"zh","answers":{"opinion":"x","__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}}`,
    });
    assert.equal(proto.status, 422);
    assert.equal(({} as Json).admin, undefined);
    // A body over the limit.
    const huge = await submit({ formId: BOX.id, version: 1, language: 'zh', answers: { opinion: 'x'.repeat(70_000) } });
    assert.equal(huge.status, 413);

    // Script in a text answer is stored and returned as the same string.
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const ok = await submit({ formId: BOX.id, version: 1, language: 'zh', answers: { opinion: script } });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const read = await fetch(`${hall.url}/api/submissions/${ok.body.id as string}`, { headers: { Authorization: `Bearer ${staff}` } });
    assert.match(read.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(((await read.json()) as { answers: Json }).answers.opinion, script);
  });
});

describe('default forms and the admin side', () => {
  it('stores the shipped forms at first start and gives each demo service its form', async () => {
    const forms = (await api<Json[]>(hall.url, 'GET', '/api/forms', hall.kioskToken)).body;
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/forms/index.json'), 'utf8')) as string[];
    assert.ok(shipped.length >= 8);
    for (const id of shipped) assert.ok(forms.some((f) => f.id === id), `${id} is served`);
    const services = (await api<Json[]>(hall.url, 'GET', '/api/services', hall.kioskToken)).body;
    for (const f of forms.filter((x) => shipped.includes(x.id as string) && x.serviceId !== null)) {
      const s = services.find((x) => x.id === f.serviceId);
      assert.ok(s, `the service ${String(f.serviceId)} of ${String(f.id)} exists`);
      assert.equal(s.formId, f.id);
    }
    // Every demo service with a form is served by at least one counter.
    const counters = (await api<{ services: { serviceId: string }[] }[]>(hall.url, 'GET', '/api/counters', staff)).body;
    for (const s of services.filter((x) => x.formId)) assert.ok(counters.some((c) => c.services.some((l) => l.serviceId === s.id)), `${String(s.id)} has a counter`);
    const seeded = await auditRows('setup.form.seed');
    assert.equal(seeded.length, shipped.length);
  });

  it('exports a workbook, imports it back as a new version (audited), and names sheet/row/column of a refusal', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await fetch(`${hall.url}/api/forms/residence_permit/workbook.xlsx`, { headers: { Authorization: `Bearer ${hall.adminToken}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    const xlsx = Buffer.from(await res.arrayBuffer());
    assert.equal((await fetch(`${hall.url}/api/forms/residence_permit/workbook.xlsx`, { headers: { Authorization: `Bearer ${staff}` } })).status, 403);

    const upload = (body: Buffer, token = hall.adminToken) =>
      fetch(`${hall.url}/api/forms/import`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(body) });
    const ok = await upload(xlsx);
    assert.equal(ok.status, 201, await ok.clone().text());
    const stored = (await ok.json()) as { id: string; version: number };
    assert.deepEqual(stored, { id: 'residence_permit', version: 2, active: true });
    const v2 = (await api<Json[]>(hall.url, 'GET', '/api/forms', hall.kioskToken)).body.find((f) => f.id === 'residence_permit')!;
    const all = (await api<{ forms: { id: string; version: number; definition: Json }[] }>(hall.url, 'GET', '/api/forms/all', hall.adminToken)).body.forms;
    const v1 = all.find((f) => f.id === 'residence_permit' && f.version === 1)!.definition;
    assert.deepEqual({ ...v2, version: 1 }, v1, 'the round trip gives the same definition');
    const imported = await auditRows('setup.form.import', 'residence_permit');
    assert.equal(imported.length, 1);

    // A missing Tibetan label is refused, naming where.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const survey = wb.getWorksheet('survey')!;
    let col = 0;
    survey.getRow(1).eachCell((cell, n) => {
      if (cell.value === 'label::bo') col = n;
    });
    assert.ok(col > 0);
    survey.getRow(3).getCell(col).value = null;
    const broken = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    assert.equal(broken.status, 422);
    const err = ((await broken.json()) as { error: { code: string; details: { problems: { sheet: string; row: number; column: string }[] } } }).error;
    assert.equal(err.code, 'FORM_IMPORT_FAILED');
    assert.ok(err.details.problems.some((p) => p.sheet === 'survey' && p.row === 3 && p.column === 'label::bo'), JSON.stringify(err.details.problems));

    // Not a workbook at all; and not for staff.
    const junk = await upload(Buffer.from('PK\u0003\u0004 this is not a workbook'));
    assert.equal(junk.status, 422);
    assert.equal((await upload(xlsx, staff)).status, 403);
  });
});

describe('workbook upload size', () => {
  it('accepts up to 2 MiB (refused as not a workbook, not as too large) and refuses more with 413', async () => {
    const send = (bytes: number) =>
      fetch(`${hall.url}/api/forms/import`, { method: 'POST', headers: { Authorization: `Bearer ${hall.adminToken}`, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(bytes).fill(1) });
    assert.equal((await send(1.5 * 1024 * 1024)).status, 422);
    assert.equal((await send(2 * 1024 * 1024 + 1)).status, 413);
  });
});

describe('the counter learns of a submission', () => {
  it('from the queue, the day list, a call and the ticket itself', async () => {
    const clerk = await staffToken(hall, 'forms-counter-clerk');
    // Counter 3 serves household (the test form's service) first.
    assert.equal((await api(hall.url, 'POST', '/api/counters/counter-3/open', clerk, { languages: ['zh', 'bo', 'ug'] })).status, 200);
    // Empty the household queue of earlier tests' tickets, then take a fresh one with a form.
    for (;;) {
      const r = await api<{ ticket?: { id: string } }>(hall.url, 'POST', '/api/counters/counter-3/call-next', clerk, {});
      if (r.status === 204) break;
      assert.equal((await api(hall.url, 'POST', `/api/tickets/${r.body.ticket!.id}/cancel`, clerk, {})).status, 200);
    }
    const ticketId = await kioskTicket();
    const s = await submit({ formId: PERMIT.id, version: 1, language: 'ug', answers: good(), ticketId });
    assert.equal(s.status, 201);
    const queue = await api<{ id: string; submissionId: string | null }[]>(hall.url, 'GET', '/api/counters/counter-3/queue', clerk);
    assert.equal(queue.body.find((t) => t.id === ticketId)?.submissionId, s.body.id);
    const list = await api<{ id: string; submissionId: string | null }[]>(hall.url, 'GET', '/api/tickets', clerk);
    assert.equal(list.body.find((t) => t.id === ticketId)?.submissionId, s.body.id);
    const called = await api<{ ticket: { id: string; submissionId: string | null } }>(hall.url, 'POST', '/api/counters/counter-3/call-next', clerk, {});
    assert.equal(called.status, 200);
    assert.equal(called.body.ticket.id, ticketId);
    assert.equal(called.body.ticket.submissionId, s.body.id);
  });
});

describe('GET /api/submissions', () => {
  it("lists the day's submissions for staff without any answers", async () => {
    const box = await submit({ formId: BOX.id, version: 1, language: 'bo', answers: { opinion: 'བཀྲ་ཤིས་བདེ་ལེགས།' } });
    assert.equal(box.status, 201);
    const list = await api<Json[]>(hall.url, 'GET', `/api/submissions?formId=${BOX.id}`, staff);
    assert.equal(list.status, 200);
    const line = list.body.find((s) => s.id === box.body.id)!;
    assert.ok(line, 'the new submission is listed');
    assert.equal(line.ticketId, null);
    assert.equal(line.filledBy, 'kiosk');
    assert.ok(!('answers' in line));
    assert.ok(!JSON.stringify(list.body).includes('欧阳明珠') && !JSON.stringify(list.body).includes('བཀྲ་ཤིས'));
    assert.equal((await api(hall.url, 'GET', '/api/submissions?day=2020-13-45x', staff)).status, 400);
    assert.deepEqual((await api<Json[]>(hall.url, 'GET', '/api/submissions?day=2020-01-01', staff)).body, []);
    assert.equal((await api(hall.url, 'GET', '/api/submissions', hall.kioskToken)).status, 403);
  });
});

describe('Idempotency-Key on POST /api/submissions', () => {
  it('a retried or doubled send stores one submission', async () => {
    const body = { formId: BOX.id, version: 1, language: 'zh', answers: { opinion: '重试不会重复' } };
    const key = { 'Idempotency-Key': 'kiosk-session-0001' };
    const first = await api<Json>(hall.url, 'POST', '/api/submissions', hall.kioskToken, body, key);
    assert.equal(first.status, 201);
    const again = await api<Json>(hall.url, 'POST', '/api/submissions', hall.kioskToken, body, key);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    // Five at once with a new key: one row.
    const burst = await Promise.all(Array.from({ length: 5 }, () => api<Json>(hall.url, 'POST', '/api/submissions', hall.kioskToken, body, { 'Idempotency-Key': 'kiosk-session-0002' })));
    assert.deepEqual(burst.map((r) => r.status).sort(), [200, 200, 200, 200, 201]);
    assert.equal(new Set(burst.map((r) => r.body.id)).size, 1);
    // The same key from another device is another submission.
    const staffSend = await api<Json>(hall.url, 'POST', '/api/submissions', staff, body, key);
    assert.equal(staffSend.status, 201);
    assert.notEqual(staffSend.body.id, first.body.id);
    assert.equal((await api(hall.url, 'POST', '/api/submissions', hall.kioskToken, body, { 'Idempotency-Key': 'bad key!' })).status, 400);
  });
});

describe('digits from any keyboard (issue 16)', () => {
  it('the bus card form takes a card number typed in Tibetan digits and stores it as 0–9', async () => {
    const ticketId = await kioskTicket('bus-card');
    const tibetan = (d: string) => d.replace(/\d/g, (c) => String.fromCharCode(0x0f20 + Number(c)));
    const answers = {
      name: 'བཀྲ་ཤིས་སྒྲོལ་མ།',
      id_number: tibetan(residentId('54010219500101123')),
      phone: tibetan('13812345678'),
      card_number: tibetan('1234567890'),
      card_type: 'free',
      card_ok: true,
      address: `ལྷ་ས། ${tibetan('12')}`,
      by_agent: false,
      consent: true,
    };
    const r = await submit({ formId: 'senior_bus_card', version: 1, language: 'bo', answers, ticketId });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const read = await api<Json & { answers: Json }>(hall.url, 'GET', `/api/submissions/${r.body.id as string}`, staff);
    assert.equal(read.status, 200);
    assert.equal(read.body.answers.card_number, '1234567890');
    assert.equal(read.body.answers.phone, '13812345678');
    assert.equal(read.body.answers.id_number, residentId('54010219500101123'));
    assert.equal(read.body.answers.address, 'ལྷ་ས། 12');
  });
});

describe('form patterns cannot freeze the hall (issue 17)', () => {
  // Every shape from the issue that holds a backtracking engine for seconds to minutes.
  const BYPASSES = ['((a+))+', '((a)+)+', '(?:(a+))+', '(a|a)*', '(a|aa)+', `${'\\d*'.repeat(12)}x`, '(.*a){12}', '(a+)+'];
  const t3 = (zh: string) => ({ zh, bo: `བོད་ཡིག ${zh}`, ug: `ئۇيغۇرچە ${zh}` });
  const def: FormDefinition = {
    id: 'test-patterns',
    version: 1,
    serviceId: null,
    title: t3('模式'),
    allowWithoutTicket: true,
    anonymous: true,
    fields: BYPASSES.map((pattern, i) => ({ code: `answer_${i}`, type: 'longtext' as const, label: t3(`答案${i}`), required: false, personal: false, maxLength: 10_000, pattern })),
  };
  const upload = (body: Buffer) =>
    fetch(`${hall.url}/api/forms/import`, { method: 'POST', headers: { Authorization: `Bearer ${hall.adminToken}`, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(body) });

  it('a form imported with each pattern answers a 10 kB submission (refused as PATTERN), and the hall keeps answering', async () => {
    const imported = await upload(await exportWorkbook(def));
    assert.equal(imported.status, 201, await imported.clone().text());
    for (const [i, pattern] of BYPASSES.entries()) {
      const answer = pattern.includes('\\d') ? '1'.repeat(10_000) : 'a'.repeat(9_999) + '!';
      const r = await submit({ formId: def.id, version: 1, language: 'zh', answers: { [`answer_${i}`]: answer } });
      assert.equal(r.status, 422, `${pattern}: ${JSON.stringify(r.body).slice(0, 200)}`);
      const fields = (r.body as { error: { details: { fields: Record<string, { code: string }> } } }).error.details.fields;
      assert.equal(fields[`answer_${i}`]!.code, 'PATTERN', pattern);
      assert.equal((await api(hall.url, 'GET', '/api/hall', hall.kioskToken)).status, 200);
    }
    const fine = await submit({ formId: def.id, version: 1, language: 'zh', answers: { answer_1: 'a'.repeat(10_000) } });
    assert.equal(fine.status, 201, 'a matching answer is still taken');
  });

  it('a workbook whose pattern RE2 cannot compile is refused naming sheet, row and column', async () => {
    for (const bad of ['(a)\\1', '(?=a)a', '(?<!a)b']) {
      const body = await exportWorkbook({ ...def, id: 'test-bad-pattern', fields: [def.fields[0]!, { ...def.fields[1]!, pattern: bad }] });
      const r = await upload(body);
      assert.equal(r.status, 422, bad);
      const problems = ((await r.json()) as { error: { details: { problems: { sheet: string; row: number; column: string; cell?: string }[] } } }).error.details.problems;
      assert.ok(problems.some((p) => p.sheet === 'survey' && p.row === 3 && p.column === 'pattern' && /^[A-Z]+3$/.test(p.cell ?? '')), `${bad}: ${JSON.stringify(problems)}`);
    }
  });
});
