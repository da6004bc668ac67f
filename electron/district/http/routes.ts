// Every district endpoint: the Contract of issue 18 plus what the page needs. Validated with
// zod; refusals are ApiError (front.ts answers {error:{code,message}}).
import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import * as openpgp from 'openpgp';
import { z } from 'zod';
import { isLate } from '../../core/district/rollup.js';
import type { DistrictAuth } from '../auth.js';
import type { Database } from '../db/database.js';
import type { AnswerCipher, DistrictKeys } from '../keys.js';
import type { Intake } from '../receive/intake.js';
import { BatchRefused } from '../receive/openBatch.js';
import { listAudit, recordAudit } from '../sql/audit.js';
import { hallStatuses, upsertHall } from '../sql/halls.js';
import { quarantineList, report, type ReportLine } from '../sql/reports.js';
import { openFollowups, series } from '../sql/series.js';
import { formSubmissions, listSubmissions, readSubmission } from '../sql/submissions.js';
import { csvCell, formulaSafe } from '../formulaSafe.js';
import { ApiError, parse, type ApiRequest, type ApiRouter } from './front.js';

export interface RouteDeps {
  db: Database;
  auth: DistrictAuth;
  keys: DistrictKeys;
  cipher: AnswerCipher;
  intake: Intake;
  now: () => number;
  /** When a batch is expected each night (UTC hour) and how long after it a hall counts as late. */
  lateness: { expectedHourUtc: number; graceHours: number };
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9._:-]+$/);
const hallBody = z.object({
  id,
  names: z.object({ zh: z.string().min(1).max(200), bo: z.string().min(1).max(200), ug: z.string().min(1).max(200) }),
  publicKey: z.string().min(1).max(64 * 1024),
});
const sessionBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
const accountBody = z.object({ username: z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/), password: z.string().min(10).max(1024), role: z.enum(['admin', 'viewer']) });
const batchIdHeader = z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/);

const actor = (req: ApiRequest) => (req.principal.kind === 'account' ? req.principal.username : null);

function range(req: ApiRequest): { from: string; to: string; hall: string | null } {
  const q = parse(z.object({ from: day, to: day, hall: id.optional() }), { from: req.query.get('from') ?? undefined, to: req.query.get('to') ?? undefined, hall: req.query.get('hall') ?? undefined });
  if (q.from > q.to) throw new ApiError(400, 'BAD_REQUEST', { issues: [{ path: 'from', message: 'after to' }] });
  return { from: q.from, to: q.to, hall: q.hall ?? null };
}

export function registerRoutes(router: ApiRouter, d: RouteDeps): void {
  router.add('GET', '/api/health', { access: 'public' }, () => ({ status: 200, json: { ok: true, districtKeyFingerprint: d.keys.fingerprint } }));

  router.add('GET', '/api/district-key.asc', { access: 'public' }, () => ({
    status: 200,
    body: d.keys.publicArmored,
    contentType: 'application/pgp-keys; charset=utf-8',
    headers: { 'Content-Disposition': 'attachment; filename="district-public-key.asc"' },
  }));

  router.add('POST', '/api/session', { access: 'public', maxBody: 4096 }, async (req) => {
    const b = parse(sessionBody, req.body);
    const token = await d.auth.login(b.username, b.password);
    if (token === 'limited') throw new ApiError(429, 'TOO_MANY_ATTEMPTS');
    if (!token) throw new ApiError(401, 'INVALID_CREDENTIALS');
    return { status: 200, json: { token } };
  });

  router.add('GET', '/api/me', { access: ['viewer'] }, (req) => ({ status: 200, json: req.principal }));

  router.add('DELETE', '/api/session', { access: ['viewer'] }, async (req) => {
    if (req.token) await d.auth.logout(req.token);
    return { status: 200, json: { ok: true } };
  });

  // Halls post without an account: the batch is judged by its signature, not by who sent it.
  router.add('POST', '/api/batches', { access: 'public', toFile: true, maxBody: 4 * 1024 ** 3 }, async (req) => {
    const file = req.bodyFile!;
    try {
      const claimed = req.headers['idempotency-key'] ?? req.headers['x-batch-id'];
      const batchId = parse(batchIdHeader, Array.isArray(claimed) ? claimed[0] : claimed);
      try {
        const r = await d.intake.receive(file, 'http', `${batchId}.gpg`, batchId);
        return { status: r.outcome === 'loaded' ? 201 : 200, json: r };
      } catch (e) {
        if (e instanceof BatchRefused) throw new ApiError(422, e.code, { problem: e.problem.slice(0, 500) });
        throw e;
      }
    } finally {
      rmSync(file, { force: true });
    }
  });

  router.add('POST', '/api/halls', { access: ['admin'], maxBody: 80 * 1024 }, async (req) => {
    const b = parse(hallBody, req.body);
    let key: openpgp.Key;
    try {
      key = await openpgp.readKey({ armoredKey: b.publicKey });
    } catch {
      throw new ApiError(422, 'BAD_HALL_KEY');
    }
    if (key.isPrivate()) throw new ApiError(422, 'BAD_HALL_KEY');
    const fingerprint = key.getFingerprint().toUpperCase();
    const created = await d.db.tx(async (c) => {
      const inserted = await upsertHall(c, { id: b.id, names: b.names, publicKey: key.armor(), fingerprint, enrolledAt: d.now() });
      await recordAudit(c, d.now(), actor(req), inserted ? 'hall.enrol' : 'hall.update', b.id, { fingerprint });
      return inserted;
    });
    return { status: created ? 201 : 200, json: { id: b.id, fingerprint } };
  });

  router.add('GET', '/api/halls', { access: ['viewer'] }, async () => {
    const now = d.now();
    const halls = (await hallStatuses(d.db.pool)).map((h) => ({ ...h, late: isLate(h.lastBatchAt, now, d.lateness.expectedHourUtc, d.lateness.graceHours) }));
    // Late halls first: the page shows who missed a night at the top.
    halls.sort((a, b) => Number(b.late) - Number(a.late) || (a.id < b.id ? -1 : 1));
    return { status: 200, json: halls };
  });

  router.add('GET', '/api/report', { access: ['viewer'] }, async (req) => {
    const r = range(req);
    return { status: 200, json: { from: r.from, to: r.to, hall: r.hall, lines: await report(d.db.pool, r.from, r.to, r.hall) } };
  });

  router.add('GET', '/api/report.xlsx', { access: ['viewer'] }, async (req) => {
    const r = range(req);
    const lines = await report(d.db.pool, r.from, r.to, r.hall);
    return { status: 200, body: await reportWorkbook(lines), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', headers: { 'Content-Disposition': `attachment; filename="district-report-${r.from}-${r.to}.xlsx"` } };
  });

  router.add('GET', '/api/quarantine', { access: ['viewer'] }, async () => ({ status: 200, json: await quarantineList(d.db.pool, 500) }));

  router.add('GET', '/api/audit', { access: ['admin'] }, async (req) => {
    const limit = Math.min(1000, Math.max(1, Number.parseInt(req.query.get('limit') ?? '100', 10) || 100));
    return { status: 200, json: await listAudit(d.db.pool, limit) };
  });

  router.add('GET', '/api/accounts', { access: ['admin'] }, async () => ({ status: 200, json: await d.auth.listAccounts() }));
  router.add('POST', '/api/accounts', { access: ['admin'], maxBody: 4096 }, async (req) => {
    const b = parse(accountBody, req.body);
    if (!(await d.auth.createAccount(b.username, b.password, b.role, actor(req)))) throw new ApiError(409, 'ACCOUNT_EXISTS');
    return { status: 201, json: { username: b.username, role: b.role } };
  });

  router.add('GET', '/api/submissions', { access: ['viewer'] }, async (req) => {
    const q = parse(z.object({ hall: id, day, form: id.optional() }), { hall: req.query.get('hall') ?? undefined, day: req.query.get('day') ?? undefined, form: req.query.get('form') ?? undefined });
    return { status: 200, json: await listSubmissions(d.db.pool, q.hall, q.day, q.form ?? null) };
  });

  router.add('GET', '/api/series', { access: ['viewer'] }, async (req) => {
    const r = range(req);
    const by = parse(z.enum(['day', 'week', 'month']), req.query.get('by') ?? 'day');
    return { status: 200, json: { from: r.from, to: r.to, by, points: await series(d.db.pool, r.from, r.to, by, r.hall) } };
  });

  router.add('GET', '/api/followups', { access: ['viewer'] }, async (req) => {
    const hall = parse(id.optional(), req.query.get('hall') ?? undefined) ?? null;
    return { status: 200, json: await openFollowups(d.db.pool, hall) };
  });

  // A form's submissions at a hall over a range, for the department that processes them:
  // personal data leaves here, so the download is audited; cells are formula-safe.
  router.add('GET', '/api/submissions/download', { access: ['viewer'] }, async (req) => {
    const r = range(req);
    const q = parse(z.object({ form: id, format: z.enum(['csv', 'xlsx']).default('xlsx') }), { form: req.query.get('form') ?? undefined, format: req.query.get('format') ?? undefined });
    if (!r.hall) throw new ApiError(400, 'BAD_REQUEST', { issues: [{ path: 'hall', message: 'required' }] });
    const hall = r.hall;
    const rows = await d.db.tx(async (c) => {
      const found = await formSubmissions(c, d.cipher, hall, q.form, r.from, r.to);
      await recordAudit(c, d.now(), actor(req), 'submission.download', `${hall}/${q.form}`, { from: r.from, to: r.to, count: found.length, format: q.format });
      return found;
    });
    const codes = [...new Set(rows.flatMap((x) => Object.keys(x.answers)))].sort();
    const header = ['submission_id', 'day', 'form_version', 'ticket_id', 'language', 'created_at', ...codes];
    const table = rows.map((x) => [x.id, x.day, x.formVersion, x.ticketId, x.language, new Date(x.createdAt).toISOString(), ...codes.map((k) => x.answers[k])].map(formulaSafe));
    const name = `${hall}-${q.form}-${r.from}-${r.to}`.replace(/[^A-Za-z0-9._-]/g, '_');
    if (q.format === 'csv') {
      const text = '\uFEFF' + [header, ...table].map((row) => row.map((v) => csvCell(v as string | number | null)).join(',')).join('\r\n') + '\r\n';
      return { status: 200, body: text, contentType: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="${name}.csv"` } };
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(q.form.slice(0, 31));
    ws.addRow(header);
    for (const row of table) ws.addRow(row);
    return { status: 200, body: Buffer.from(await wb.xlsx.writeBuffer()), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', headers: { 'Content-Disposition': `attachment; filename="${name}.xlsx"` } };
  });

  // One submission's answers, opened under the data key; the read is audited in the same transaction.
  router.add('GET', '/api/submissions/:hall/:day/:id', { access: ['viewer'] }, async (req) => {
    const p = parse(z.object({ hall: id, day, id }), req.params);
    const s = await d.db.tx(async (c) => {
      const found = await readSubmission(c, d.cipher, p.hall, p.day, p.id);
      if (found) await recordAudit(c, d.now(), actor(req), 'submission.read', `${p.hall}/${p.id}`, { day: p.day, formId: found.formId });
      return found;
    });
    if (!s) throw new ApiError(404, 'NOT_FOUND');
    return { status: 200, json: s };
  });
}

async function reportWorkbook(lines: ReportLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('报表');
  ws.addRow(['服务大厅', '事项', '取号数', '办结数', '过号数', '平均等候（秒）', '90%等候（秒）', '评价数', '平均评分']);
  for (const l of lines) ws.addRow([l.hallId, l.serviceId, l.tickets, l.served, l.noShows, l.waitMeanSeconds, l.waitP90Seconds, l.ratings, l.ratingMean]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
