// Every state-changing endpoint leaves a line in the audit trail. The mutating routes
// (POST, PUT, PATCH, DELETE) are taken from the router itself, as the role and fuzz tests do;
// each one needs an entry in STEPS below: a successful call with a valid body and the audit
// action it must write, or an explicit exemption with its reason and the record the change
// leaves instead (checked too). A new mutating route without an entry fails this test, so
// nobody can add one silently.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { startHallServer, type HallServer } from '../../electron/server/hallServer.js';
import { attachPersonalDataKey, type PersonalDataKeyStatusLike } from '../../electron/server/http/routes/security.js';
import { EscPosPeer } from '../print/escposPeer.js';
import { ADMIN_PASSWORD, api, login, startTestHall, tempDir, type ApiResponse, type TestHall } from '../support/hall.js';
import { BOX, storeForms } from './formsFixture.js';

/** 2026-11-20 (a Friday) 10:00 in Asia/Shanghai: inside the demo hall's opening hours. */
let now = Date.UTC(2026, 10, 20, 2, 0, 0);
const clock = { now: () => now };
const tick = (ms = 90_000) => (now += ms);

let hall: TestHall;
let peer: EscPosPeer;
const tmp = tempDir('hall-audit-every-');
/** Values the steps pass on to later steps (ids, tokens). */
const s: Record<string, string> = {};
/** Secrets handed out or sent during the run: none may appear in any audit entry. */
const secrets: string[] = [ADMIN_PASSWORD, 'staff-password', 'auditor-password-2'];

const names = { zh: '审计窗口', bo: 'ཞིབ་བཤེར།', ug: 'تەكشۈرۈش' };

function ok<T>(r: ApiResponse<T>, what: string): T {
  assert.ok(r.status >= 200 && r.status < 300, `${what} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

function wav(bytes = 2048): Buffer {
  const b = Buffer.alloc(bytes, 0x30);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(bytes - 8, 4);
  b.write('WAVE', 8, 'latin1');
  return b;
}

async function districtKey(name: string): Promise<{ armored: string; fingerprint: string }> {
  const { publicKey } = await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name }], format: 'armored' });
  const key = await openpgp.readKey({ armoredKey: publicKey });
  return { armored: publicKey, fingerprint: key.getFingerprint().toUpperCase() };
}

const issue = async (serviceId = 'audit-svc') =>
  ok(await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId, language: 'bo' }), 'issue').id;
const staffPost = async (path: string, body: unknown = {}) => ok(await api<{ ticket: { id: string } }>(hall.url, 'POST', path, s.staff, body), path);

interface Audited {
  /** The audit action the successful call must write. */
  audit: string;
  /** The entry is written when work started by the call ends (wait for it up to 10 s). */
  later?: true;
}
interface Exempt {
  /** Why no audit entry is needed: one honest line. */
  exempt: string;
  /** A count that the call must raise: the record the change leaves instead of an audit entry. */
  trail: string;
}
type Step = (Audited | Exempt) & { route: string; run: () => Promise<unknown> };

const TICKET_TRAIL = 'SELECT COUNT(*) AS n FROM ticket_events';
const QUEUE_REASON = "a queue step, kept with its time, counter and staff member in the ticket's own ticket_events trail";
const RATING_REASON = "a resident's rating, kept with its time, ticket, counter and channel in the ratings table";

/**
 * One entry per mutating route, run in this order (later steps use what earlier ones made).
 * The lead extends this table when a branch adds a route.
 */
const STEPS: Step[] = [
  // --- Sessions ---
  { route: 'POST /api/session', audit: 'login.ok', run: async () => ok(await api(hall.url, 'POST', '/api/session', null, { username: 'admin', password: ADMIN_PASSWORD }), 'login') },
  {
    route: 'DELETE /api/session',
    audit: 'login.logout',
    run: async () => ok(await api(hall.url, 'DELETE', '/api/session', await login(hall.url, 'admin', ADMIN_PASSWORD)), 'logout'),
  },
  // --- Devices and staff ---
  {
    route: 'POST /api/devices',
    audit: 'setup.device.create',
    run: async () => {
      const d = ok(await api<{ id: string; token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'kiosk', name: 'Audit kiosk' }), 'device');
      s.device = d.id;
      secrets.push(d.token);
    },
  },
  { route: 'DELETE /api/devices/:id', audit: 'setup.device.revoke', run: async () => ok(await api(hall.url, 'DELETE', `/api/devices/${s.device}`, hall.adminToken), 'revoke') },
  {
    route: 'POST /api/staff',
    audit: 'setup.staff.create',
    run: async () => (s.newStaff = ok(await api<{ id: string }>(hall.url, 'POST', '/api/staff', hall.adminToken, { username: 'audit-new', password: 'staff-password', role: 'staff' }), 'staff').id),
  },
  { route: 'PATCH /api/staff/:id', audit: 'setup.staff.update', run: async () => ok(await api(hall.url, 'PATCH', `/api/staff/${s.newStaff}`, hall.adminToken, { role: 'admin' }), 'staff patch') },
  {
    route: 'POST /api/staff/:id/password',
    audit: 'setup.staff.password_reset',
    run: async () => secrets.push(ok(await api<{ password: string }>(hall.url, 'POST', `/api/staff/${s.newStaff}/password`, hall.adminToken, {}), 'reset').password),
  },
  // --- Services and counters ---
  {
    route: 'POST /api/services',
    audit: 'setup.service.create',
    run: async () => ok(await api(hall.url, 'POST', '/api/services', hall.adminToken, { id: 'audit-svc', prefix: 'Q', names }), 'service'),
  },
  { route: 'PATCH /api/services/:id', audit: 'setup.service.update', run: async () => ok(await api(hall.url, 'PATCH', '/api/services/audit-svc', hall.adminToken, { averageMinutes: 7 }), 'service patch') },
  {
    route: 'POST /api/counters',
    audit: 'setup.counter.create',
    run: async () => (s.counter = ok(await api<{ id: string }>(hall.url, 'POST', '/api/counters', hall.adminToken, { number: 77, names, services: [{ serviceId: 'audit-svc', weight: 1 }] }), 'counter').id),
  },
  { route: 'PATCH /api/counters/:id', audit: 'setup.counter.update', run: async () => ok(await api(hall.url, 'PATCH', `/api/counters/${s.counter}`, hall.adminToken, { usualLanguages: ['bo'] }), 'counter patch') },
  { route: 'POST /api/counters/:id/open', audit: 'counter.open', run: () => staffPost(`/api/counters/${s.counter}/open`, { languages: ['zh', 'bo'] }) },
  { route: 'POST /api/counters/:id/pause', audit: 'counter.pause', run: () => staffPost(`/api/counters/${s.counter}/pause`) },
  { route: 'POST /api/counters/:id/resume', audit: 'counter.resume', run: () => staffPost(`/api/counters/${s.counter}/resume`) },
  // --- The queue: recorded in the tickets' own trail ---
  { route: 'POST /api/tickets', exempt: `a kiosk's ticket issue, ${QUEUE_REASON} (and the issuing kiosk on the ticket)`, trail: TICKET_TRAIL, run: async () => (s.a = await issue()) },
  { route: 'POST /api/counters/:id/call-next', exempt: QUEUE_REASON, trail: TICKET_TRAIL, run: () => staffPost(`/api/counters/${s.counter}/call-next`) },
  { route: 'POST /api/tickets/:id/recall', exempt: QUEUE_REASON, trail: TICKET_TRAIL, run: () => (tick(), staffPost(`/api/tickets/${s.a}/recall`)) },
  { route: 'POST /api/tickets/:id/start', exempt: QUEUE_REASON, trail: TICKET_TRAIL, run: () => staffPost(`/api/tickets/${s.a}/start`) },
  { route: 'POST /api/tickets/:id/finish', exempt: QUEUE_REASON, trail: TICKET_TRAIL, run: () => staffPost(`/api/tickets/${s.a}/finish`) },
  // A counter pad rates within minutes of the finish.
  {
    route: 'POST /api/ratings',
    exempt: RATING_REASON,
    trail: 'SELECT COUNT(*) AS n FROM ratings',
    run: async () => {
      const pad = ok(await api<{ token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'rater', name: 'Audit pad', counterId: s.counter }), 'pad').token;
      return ok(await api(hall.url, 'POST', '/api/ratings', pad, { ticketId: s.a, score: 1, reasons: ['attitude'] }), 'pad rating');
    },
  },
  {
    route: 'POST /api/counters/:id/call/:ticketId',
    exempt: QUEUE_REASON,
    trail: TICKET_TRAIL,
    run: async () => {
      s.b = await issue();
      s.c = await issue();
      return staffPost(`/api/counters/${s.counter}/call/${s.b}`);
    },
  },
  {
    route: 'POST /api/tickets/:id/no-show',
    exempt: QUEUE_REASON,
    trail: TICKET_TRAIL,
    run: async () => {
      await staffPost(`/api/tickets/${s.b}/start`);
      await staffPost(`/api/tickets/${s.b}/finish`);
      await staffPost(`/api/counters/${s.counter}/call/${s.c}`);
      tick();
      await staffPost(`/api/tickets/${s.c}/recall`); // the hall's rule: called twice before a no-show
      return staffPost(`/api/tickets/${s.c}/no-show`);
    },
  },
  { route: 'POST /api/tickets/:id/cancel', exempt: QUEUE_REASON, trail: TICKET_TRAIL, run: async () => staffPost(`/api/tickets/${(s.d = await issue())}/cancel`) },
  { route: 'POST /api/tickets/:id/transfer', exempt: QUEUE_REASON, trail: TICKET_TRAIL, run: async () => staffPost(`/api/tickets/${(s.e = await issue())}/transfer`, { serviceId: 'enquiries' }) },
  { route: 'POST /api/tickets/:id/reprint', audit: 'print.reprint', run: async () => ok(await api(hall.url, 'POST', `/api/tickets/${s.e}/reprint`, s.staff, {}), 'reprint') },
  { route: 'POST /api/counters/:id/close', audit: 'counter.close', run: () => staffPost(`/api/counters/${s.counter}/close`) },
  // --- Ratings and follow-ups ---
  {
    route: 'POST /api/t/:ref/rating',
    exempt: RATING_REASON,
    trail: 'SELECT COUNT(*) AS n FROM ratings',
    run: async () => ok(await api(hall.url, 'POST', `/api/t/${await hall.server.context.resident.ratings.refOf(s.b!)}/rating`, null, { score: 5 }), 'phone rating'),
  },
  {
    route: 'POST /api/rating-followups/:id/close',
    audit: 'rating.followup.close',
    run: async () => {
      const open = ok(await api<{ id: string }[]>(hall.url, 'GET', '/api/rating-followups', hall.adminToken), 'follow-ups');
      return ok(await api(hall.url, 'POST', `/api/rating-followups/${open[0]!.id}/close`, hall.adminToken, { note: 'called back' }), 'close follow-up');
    },
  },
  // --- Printer, voice, phones' address, translations, security ---
  { route: 'PUT /api/printer', audit: 'setup.printer.update', run: async () => ok(await api(hall.url, 'PUT', '/api/printer', hall.adminToken, { address: peer.address, paperWidth: 384 }), 'printer') },
  { route: 'POST /api/printer/test-print', audit: 'print.test', run: async () => ok(await api(hall.url, 'POST', '/api/printer/test-print', hall.adminToken, { language: 'ug' }), 'test print') },
  {
    route: 'PUT /api/voice/:lang/:clip',
    audit: 'setup.voice.upload',
    run: async () => {
      const r = await fetch(`${hall.url}/api/voice/zh/please`, { method: 'PUT', headers: { Authorization: `Bearer ${hall.adminToken}`, 'Content-Type': 'audio/wav' }, body: new Uint8Array(wav()) });
      assert.equal(r.status, 200, await r.text());
    },
  },
  { route: 'DELETE /api/voice/:lang/:clip', audit: 'setup.voice.delete', run: async () => ok(await api(hall.url, 'DELETE', '/api/voice/zh/please', hall.adminToken), 'voice delete') },
  {
    route: 'PUT /api/hall/public-address',
    audit: 'setup.publicAddress.update',
    run: async () => ok(await api(hall.url, 'PUT', '/api/hall/public-address', hall.adminToken, { address: 'http://192.168.10.5:8080' }), 'public address'),
  },
  {
    route: 'PUT /api/translations/:lang/:ns/:key',
    audit: 'setup.translation.update',
    run: async () => ok(await api(hall.url, 'PUT', '/api/translations/bo/kiosk/Attract.touchToStart', hall.adminToken, { text: 'འདིར་རེག་རོགས།' }), 'translation'),
  },
  {
    route: 'DELETE /api/translations/:lang/:ns/:key',
    audit: 'setup.translation.revert',
    run: async () => ok(await api(hall.url, 'DELETE', '/api/translations/bo/kiosk/Attract.touchToStart', hall.adminToken), 'translation revert'),
  },
  {
    route: 'POST /api/translations/overrides.json',
    audit: 'setup.translation.import',
    run: async () => ok(await api(hall.url, 'POST', '/api/translations/overrides.json', hall.adminToken, { format: 'hall-kiosk-translations', version: 1, overrides: [] }), 'translation import'),
  },
  { route: 'POST /api/security/acknowledge', audit: 'setup.security.basicTextAck', run: async () => ok(await api(hall.url, 'POST', '/api/security/acknowledge', hall.adminToken, {}), 'acknowledge') },
  // --- Forms and submissions ---
  {
    route: 'POST /api/submissions',
    audit: 'submission.create',
    run: async () =>
      (s.submission = ok(await api<{ id: string }>(hall.url, 'POST', '/api/submissions', hall.kioskToken, { formId: BOX.id, version: 1, language: 'ug', answers: { opinion: 'ياخشى' } }), 'submit').id),
  },
  { route: 'PUT /api/submissions/:id', audit: 'submission.update', run: async () => ok(await api(hall.url, 'PUT', `/api/submissions/${s.submission}`, s.staff, { answers: { opinion: 'ئوبدان' } }), 'replace') },
  { route: 'POST /api/submissions/:id/reviewed', audit: 'submission.review', run: async () => ok(await api(hall.url, 'POST', `/api/submissions/${s.submission}/reviewed`, s.staff, {}), 'reviewed') },
  {
    route: 'POST /api/forms/import',
    audit: 'setup.form.import',
    run: async () => {
      const xlsx = await (await fetch(`${hall.url}/api/forms/residence_permit/workbook.xlsx`, { headers: { Authorization: `Bearer ${hall.adminToken}` } })).arrayBuffer();
      const r = await fetch(`${hall.url}/api/forms/import`, { method: 'POST', headers: { Authorization: `Bearer ${hall.adminToken}`, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(xlsx) });
      assert.equal(r.status, 201, await r.text());
    },
  },
  { route: 'PATCH /api/forms/:id', audit: 'setup.form.deactivate', run: async () => ok(await api(hall.url, 'PATCH', `/api/forms/${BOX.id}`, hall.adminToken, { active: false }), 'deactivate') },
  { route: 'PUT /api/forms/retention', audit: 'setup.form.retention', run: async () => ok(await api(hall.url, 'PUT', '/api/forms/retention', hall.adminToken, { days: 45 }), 'retention') },
  // --- Hall settings and policy ---
  {
    route: 'PATCH /api/hall/settings',
    audit: 'setup.hall.update',
    run: async () => ok(await api(hall.url, 'PATCH', '/api/hall/settings', hall.adminToken, { notice: { zh: '今日审计', bo: 'དེ་རིང་།', ug: 'بۈگۈن' } }), 'hall settings'),
  },
  { route: 'PATCH /api/hall/policy', audit: 'setup.policy.update', run: async () => ok(await api(hall.url, 'PATCH', '/api/hall/policy', hall.adminToken, { agingMinutes: 25 }), 'policy') },
  // --- Export ---
  {
    route: 'PUT /api/export/settings',
    audit: 'setup.export.update',
    run: async () => {
      const out = join(tmp.dir, 'out');
      mkdirSync(out, { recursive: true });
      const k = await districtKey('Audit District');
      return ok(await api(hall.url, 'PUT', '/api/export/settings', hall.adminToken, { districtKey: k.armored, targets: [{ kind: 'folder', path: out }] }), 'export settings');
    },
  },
  // The run is audited when it ends (result and counts); the step waits for it.
  { route: 'POST /api/export/run', audit: 'export.run', later: true, run: async () => ok(await api(hall.url, 'POST', '/api/export/run', hall.adminToken, {}), 'export run') },
  // Last: it may end the staff member's other sessions.
  {
    route: 'POST /api/staff/me/password',
    audit: 'setup.staff.password_change',
    run: async () => ok(await api(hall.url, 'POST', '/api/staff/me/password', s.staff, { oldPassword: 'staff-password', newPassword: 'auditor-password-2' }), 'own password'),
  },
];

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface AuditRow {
  id: number;
  actor_kind: string;
  action: string;
  detail: string | null;
}

async function auditAfter(id: number): Promise<AuditRow[]> {
  return hall.server.context.db.reader.all<AuditRow>('SELECT id, actor_kind, action, detail FROM audit_log WHERE id > ? ORDER BY id', [id]);
}
async function lastAuditId(): Promise<number> {
  return (await hall.server.context.db.reader.get<{ n: number | null }>('SELECT MAX(id) AS n FROM audit_log'))?.n ?? 0;
}
async function count(sql: string): Promise<number> {
  return (await hall.server.context.db.reader.get<{ n: number }>(sql))?.n ?? 0;
}

before(async () => {
  peer = await EscPosPeer.start();
  hall = await startTestHall({ dataDir: join(tmp.dir, 'hall'), clock, printer: peer.address });
  secrets.push(hall.adminToken, hall.kioskToken, hall.displayToken);
  // The demo devices made at first start: their tokens are only in the printed pairing links.
  for (const link of Object.values(hall.server.pairing ?? {})) secrets.push(new URL(link).hash.replace('#token=', ''));
  // The shell's keyring on a machine without an OS secret store: the acknowledgement means something.
  let ack: PersonalDataKeyStatusLike['riskAcknowledged'] = null;
  const status = (): PersonalDataKeyStatusLike => ({ protection: 'basic_text', backend: 'basic_text', riskAcknowledged: ack, personalDataAllowed: ack !== null, problem: null });
  attachPersonalDataKey(hall.server.context, { status, acknowledgeBasicTextRisk: (by) => ((ack = { by, at: new Date(now).toISOString() }), status()) });
  await storeForms(hall, [BOX]);
  ok(await api(hall.url, 'POST', '/api/staff', hall.adminToken, { username: 'auditor', password: 'staff-password', role: 'staff' }), 'auditor');
  s.staff = await login(hall.url, 'auditor', 'staff-password');
  secrets.push(s.staff);
});
after(async () => {
  await hall.stop();
  await peer.close();
  tmp.remove();
});

describe('an audit entry for every state-changing route', () => {
  it('has an entry in the table for every mutating route the router registers, and none for routes that are gone', () => {
    const registered = hall.server.routes.filter((r) => MUTATING.has(r.method)).map((r) => `${r.method} ${r.pattern}`);
    assert.ok(registered.length > 40, `mutating routes were listed (${registered.length})`);
    const listed = STEPS.map((x) => x.route);
    assert.equal(new Set(listed).size, listed.length, 'each route once in STEPS');
    const missing = registered.filter((r) => !listed.includes(r));
    assert.deepEqual(missing, [], `mutating routes without an entry in STEPS (add a successful call and its audit action, or an exemption with its reason): ${missing.join(', ')}`);
    const gone = listed.filter((r) => !registered.includes(r));
    assert.deepEqual(gone, [], `STEPS names routes the router no longer has: ${gone.join(', ')}`);
  });

  it('each audited route writes its entry after a successful call; each exempt one leaves its own record', async () => {
    const exempt = STEPS.filter((x): x is Step & Exempt => 'exempt' in x);
    // Keep the exemptions few and honest: queue verbs and residents' ratings only.
    assert.ok(exempt.length <= 12, `${exempt.length} exemptions`);
    // Every problem is collected, so one run names every route that needs work.
    const problems: string[] = [];
    for (const step of STEPS) {
      tick();
      const from = await lastAuditId();
      const trailBefore = 'trail' in step ? await count(step.trail) : 0;
      try {
        await step.run();
      } catch (e) {
        problems.push(`${step.route}: the call failed: ${(e as Error).message}`);
        continue;
      }
      if ('audit' in step) {
        let rows = await auditAfter(from);
        for (let i = 0; step.later && i < 200 && !rows.some((r) => r.action === step.audit); i++) {
          await new Promise((r) => setTimeout(r, 50));
          rows = await auditAfter(from);
        }
        const entry = rows.find((r) => r.action === step.audit);
        if (!entry) problems.push(`${step.route} wrote no '${step.audit}' entry (wrote: ${rows.map((r) => r.action).join(', ') || 'nothing'})`);
        else if (!['staff', 'device'].includes(entry.actor_kind)) problems.push(`${step.route}: the entry does not name who did it (${entry.actor_kind})`);
      } else if ((await count(step.trail)) <= trailBefore) {
        problems.push(`${step.route} (exempt: ${step.exempt}) left no record in its own trail`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('never writes a password, token or key into the audit trail', async () => {
    const rows = await auditAfter(0);
    const text = rows.map((r) => `${r.action} ${r.detail ?? ''}`).join('\n');
    for (const secret of secrets) assert.ok(!text.includes(secret), `a secret (${secret.slice(0, 4)}…) is in the audit trail`);
    assert.doesNotMatch(text, /BEGIN PGP|PRIVATE KEY/);
  });
});

describe('changes made at start, the district key and TLS in the audit trail', () => {
  it('records the demo devices made for pairing at first start, as the system', async () => {
    assert.ok(hall.server.pairing, 'the first start paired demo devices');
    const rows = await hall.server.context.db.reader.all<{ actor_kind: string; detail: string }>("SELECT actor_kind, detail FROM audit_log WHERE action = 'setup.device.create' AND actor_kind = 'system'");
    assert.deepEqual(rows.map((r) => (JSON.parse(r.detail) as { after: { role: string } }).after.role).sort(), ['display', 'kiosk']);
  });

  it('a district key change names the fingerprints before and after', async () => {
    const one = await districtKey('District one');
    const two = await districtKey('District two');
    const put = async (districtKey: string) => ok(await api(hall.url, 'PUT', '/api/export/settings', hall.adminToken, { districtKey }), 'district key');
    const from = await lastAuditId();
    await put(one.armored);
    await put(two.armored);
    await put('');
    const changes = (await auditAfter(from))
      .filter((r) => r.action === 'setup.export.update')
      .map((r) => JSON.parse(r.detail!) as { before: { districtKey: string | null }; after: { districtKey: string | null } })
      .map((d) => [d.before.districtKey, d.after.districtKey]);
    assert.equal(changes.length, 3);
    assert.deepEqual(changes.slice(1), [
      [one.fingerprint, two.fingerprint],
      [two.fingerprint, null],
    ]);
    assert.equal(changes[0]![1], one.fingerprint);
    assert.match(changes[0]![0] ?? '', /^([0-9A-F]{40})?$/, 'a key set before is named by its fingerprint');
  });

  it('records the hall certificate at first start and again only when it changes', async () => {
    const dir = join(tmp.dir, 'tls');
    const tlsRows = async (server: HallServer) =>
      (await server.context.db.reader.all<{ actor_kind: string; detail: string }>("SELECT actor_kind, detail FROM audit_log WHERE action = 'setup.tls.update'")).map((r) => ({
        actor: r.actor_kind,
        detail: JSON.parse(r.detail) as { before: unknown; after: { caFingerprint: string; names: string[] } },
      }));
    const open = () => startHallServer({ dataDir: dir, host: '127.0.0.1', port: 0, logLevel: 'warn', announce: () => undefined, tls: true, adminPassword: ADMIN_PASSWORD });
    let server = await open();
    const first = await tlsRows(server);
    await server.close();
    server = await open();
    const second = await tlsRows(server);
    await server.close();
    assert.equal(first.length, 1, 'the certificate made at first start is recorded');
    assert.equal(first[0]!.actor, 'system');
    assert.equal(first[0]!.detail.before, null);
    assert.match(first[0]!.detail.after.caFingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.ok(first[0]!.detail.after.names.includes('127.0.0.1'));
    assert.equal(second.length, 1, 'a restart with the same certificate writes nothing new');
  });
});
