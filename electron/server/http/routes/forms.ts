// Forms and submissions over HTTP (issue 9 contract). Validation with zod at the edge; the
// decisions live in electron/server/forms/ (submissions.ts, catalog.ts, retentionJob.ts).
import { z } from 'zod';
import type { FormDefinition } from '../../../core/forms/definition.js';
import { isValidRetentionDays, MAX_RETENTION_DAYS } from '../../../core/forms/retention.js';
import { LANGUAGES } from '../../../core/model.js';
import type { ServerContext } from '../../context.js';
import { InvalidSubmission } from '../../forms/submissions.js';
import { errorReply, HttpError } from '../errors.js';
import type { Handler, Reply, Request, Router } from '../router.js';
import { parse } from '../validate.js';

const Id = z.string().min(1).max(64);
const FormId = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/);
const Version = z.number().int().min(1).max(1_000_000);
const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const NewSubmission = z.object({
  formId: FormId,
  version: Version,
  language: z.enum(LANGUAGES),
  // Any JSON here: validateAnswers refuses what is not a plain object of known codes (422).
  answers: z.unknown(),
  ticketId: Id.nullable().optional(),
});
const Replacement = z.object({
  version: Version.optional(),
  language: z.enum(LANGUAGES).optional(),
  answers: z.unknown(),
});
const Activation = z.object({ active: z.boolean(), version: Version.optional() });
const Retention = z.object({ days: z.number().int().min(0).max(MAX_RETENTION_DAYS) });

/** Submissions carry at most a few dozen short answers; 64 KiB leaves room for long texts in three scripts. */
const SUBMISSION_MAX_BODY = 64 * 1024;
/** An XLSForm workbook is typically 10–100 KB; 2 MiB leaves room for long hints in three scripts. */
const WORKBOOK_MAX_BODY = 2 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The form as the kiosk and the counter read it (GET /api/forms): the definition as stored. */
function formJson(def: FormDefinition): FormDefinition {
  return def;
}

export function registerFormRoutes(router: Router, ctx: ServerContext): void {
  /** Invalid answers answer 422 in the SUBMISSION's language, whatever the reader's header says. */
  const submissionReply = (fn: Handler): Handler => async (req: Request): Promise<Reply> => {
    try {
      return await fn(req);
    } catch (e) {
      if (e instanceof InvalidSubmission) return errorReply(ctx.locales.errorMessages(), e.language, 422, 'INVALID_SUBMISSION', { fields: e.fields });
      throw e;
    }
  };

  router.add('GET', '/api/forms', { access: ['kiosk', 'staff'] }, async () => {
    return { status: 200, json: (await ctx.forms.active()).map(formJson) };
  });

  router.add('GET', '/api/forms/all', { access: ['admin'] }, async () => {
    const all = await ctx.forms.all();
    return {
      status: 200,
      json: {
        retentionDays: await ctx.forms.retentionDays(),
        forms: all.map((f) => ({ id: f.id, version: f.version, active: f.active, createdAt: new Date(f.createdAt).toISOString(), createdBy: f.createdBy, definition: f.definition })),
      },
    };
  });

  router.add('POST', '/api/submissions', { access: ['kiosk', 'staff'], maxBody: SUBMISSION_MAX_BODY }, submissionReply(async (req) => {
    const body = parse(NewSubmission, req.body);
    const key = req.headers['idempotency-key'];
    const idempotencyKey = key === undefined ? undefined : parse(IdempotencyKey, key);
    const r = await ctx.submissions.submit({ ...body, ticketId: body.ticketId ?? null, idempotencyKey }, req.principal);
    return { status: r.replayed ? 200 : 201, json: { id: r.id } };
  }));

  router.add('PUT', '/api/submissions/:id', { access: ['staff'], maxBody: SUBMISSION_MAX_BODY }, submissionReply(async (req) => {
    const body = parse(Replacement, req.body);
    return { status: 200, json: await ctx.submissions.replace(parse(Id, req.params.id), body, req.principal) };
  }));

  router.add('GET', '/api/submissions', { access: ['staff'] }, async (req) => {
    const day = req.query.get('day');
    const formId = req.query.get('formId');
    const list = await ctx.submissions.listDay(day === null ? null : parse(Day, day), formId === null ? null : parse(FormId, formId));
    return { status: 200, json: list };
  });

  router.add('GET', '/api/submissions/:id', { access: ['staff'] }, async (req) => {
    return { status: 200, json: await ctx.submissions.read(parse(Id, req.params.id), req.principal, 'id') };
  });

  router.add('GET', '/api/tickets/:id/submission', { access: ['staff'] }, async (req) => {
    return { status: 200, json: await ctx.submissions.readForTicket(parse(Id, req.params.id), req.principal) };
  });

  router.add('POST', '/api/submissions/:id/reviewed', { access: ['staff'], maxBody: 1024 }, async (req) => {
    return { status: 200, json: await ctx.submissions.markReviewed(parse(Id, req.params.id), req.principal) };
  });

  // --- Admin: versions, workbooks, activation, retention ---

  router.add('POST', '/api/forms/import', { access: ['admin'], maxBody: WORKBOOK_MAX_BODY, raw: true }, async (req) => {
    const body = req.rawBody;
    if (!body || body.length === 0) throw new HttpError(400, 'BAD_REQUEST', { reason: 'empty workbook' });
    const stored = await ctx.formAdmin.importWorkbook(body, req.principal);
    return { status: 201, json: { id: stored.id, version: stored.version, active: true } };
  });

  router.add('GET', '/api/forms/:id/workbook.xlsx', { access: ['admin'] }, async (req) => {
    const id = parse(FormId, req.params.id);
    const q = req.query.get('version');
    const version = q === null ? null : parse(z.coerce.number().int().min(1).max(1_000_000), q);
    const { definition, buffer } = await ctx.formAdmin.exportWorkbook(id, version);
    return {
      status: 200,
      body: buffer,
      contentType: XLSX_TYPE,
      headers: { 'Content-Disposition': `attachment; filename="${definition.id}-v${definition.version}.xlsx"` },
    };
  });

  router.add('PATCH', '/api/forms/:id', { access: ['admin'], maxBody: 1024 }, async (req) => {
    const id = parse(FormId, req.params.id);
    const body = parse(Activation, req.body);
    return { status: 200, json: await ctx.formAdmin.setActive(id, body.version ?? null, body.active, req.principal) };
  });

  router.add('PUT', '/api/forms/retention', { access: ['admin'], maxBody: 1024 }, async (req) => {
    const { days } = parse(Retention, req.body);
    if (!isValidRetentionDays(days)) throw new HttpError(400, 'BAD_REQUEST');
    await ctx.formAdmin.setRetentionDays(days, req.principal);
    return { status: 200, json: { retentionDays: days } };
  });
}
