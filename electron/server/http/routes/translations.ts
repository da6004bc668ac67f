// Translation review (admin) and the merged locale files the pages load. Every edit is
// checked against the Chinese source (slots kept, not empty, not too long), stored as an
// override with who reviewed it, audited with before → after, and live at the next page
// load: the catalog's merged locales are rebuilt after each change.
import { z } from 'zod';
import { isLanguage, type Language } from '../../../core/model.js';
import { checkTranslation, isolateNumbers, type TranslationProblem } from '../../../core/translationRules.js';
import type { TranslationEntry } from '../../localeCatalog.js';
import type { ServerContext } from '../../context.js';
import type { Connection } from '../../../store/db.js';
import { HttpError } from '../errors.js';
import type { Principal, Request, Router } from '../router.js';
import { parse } from '../validate.js';

const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,159}$/;
const NS = /^[a-z][a-zA-Z0-9-]{0,40}$/;

const PutBody = z.object({ text: z.string().max(8000) }).strict();

const ImportEntry = z.object({
  lang: z.string().max(8),
  ns: z.string().max(64),
  key: z.string().max(200),
  text: z.string().max(8000),
  reviewedBy: z.string().max(100).nullish(),
  reviewedAt: z.number().int().nonnegative().nullish(),
});
const ImportBody = z.object({
  format: z.literal('hall-kiosk-translations').optional(),
  version: z.literal(1).optional(),
  overrides: z.array(ImportEntry).max(5000),
});

export const EXPORT_FORMAT = 'hall-kiosk-translations';

/** NFC, no outer spaces, and in bo/ug every number, time and slot in a bidi isolate. */
function tidy(lang: Language, raw: string): string {
  const text = raw.normalize('NFC').trim();
  return lang === 'zh' ? text : isolateNumbers(text);
}

function actorName(p: Principal): string {
  return p.kind === 'staff' ? p.username : p.kind === 'device' ? p.role : 'anonymous';
}

function problemError(p: TranslationProblem): HttpError {
  if (p.code === 'TRANSLATION_EMPTY') return new HttpError(422, p.code);
  if (p.code === 'TRANSLATION_TOO_LONG') return new HttpError(422, p.code, { max: p.max }, { max: p.max });
  const list = [...p.missing, ...p.unknown].map((n) => `{{${n}}}`).join(' ');
  return new HttpError(422, p.code, { missing: p.missing, unknown: p.unknown }, { placeholders: list });
}

const wire = (e: TranslationEntry) => ({
  lang: e.lang,
  ns: e.ns,
  key: e.key,
  text: e.text,
  source: e.source,
  shipped: e.shipped,
  overridden: e.overridden,
  reviewedBy: e.reviewedBy,
  reviewedAt: e.reviewedAt === null ? null : new Date(e.reviewedAt).toISOString(),
  orphaned: e.orphaned,
});

export function registerTranslationRoutes(router: Router, ctx: ServerContext): void {
  const catalog = ctx.locales;

  /** Checks lang/ns/key name a shipped key; returns its zh source and shipped text. */
  const known = (lang: string, ns: string, key: string): { lang: Language; source: string; shipped: string } | null => {
    if (!isLanguage(lang) || !NS.test(ns) || !KEY.test(key) || !catalog.hasNamespace(ns)) return null;
    const source = catalog.shipped('zh', ns, key);
    const shipped = catalog.shipped(lang, ns, key);
    return source === undefined || shipped === undefined ? null : { lang, source, shipped };
  };

  /**
   * Stores one reviewed text inside the caller's transaction: equal to the shipped text means
   * "approved unchanged" (override removed, review mark kept); anything else is an override.
   */
  const store = async (
    conn: Connection,
    principal: Principal,
    k: { lang: Language; ns: string; key: string; shipped: string },
    text: string,
    reviewer: { by: string; at: number },
    via: 'page' | 'import',
  ): Promise<boolean> => {
    const before = catalog.text(k.lang, k.ns, k.key) ?? null;
    const had = catalog.override(k.lang, k.ns, k.key);
    if (text === k.shipped) {
      await catalog.store.deleteOverrideIn(conn, k.lang, k.ns, k.key);
      await catalog.store.putReviewIn(conn, { lang: k.lang, ns: k.ns, key: k.key, shippedText: k.shipped, reviewedBy: reviewer.by, reviewedAt: reviewer.at });
    } else {
      await catalog.store.putOverrideIn(conn, {
        lang: k.lang,
        ns: k.ns,
        key: k.key,
        text,
        reviewedBy: reviewer.by,
        reviewedAt: reviewer.at,
        updatedAt: ctx.deps.clock.now(),
      });
    }
    const changed = before !== text || (had !== undefined) !== (text !== k.shipped);
    await ctx.audit.recordIn(conn, principal, {
      action: 'setup.translation.update',
      target: `${k.lang}/${k.ns}/${k.key}`,
      detail: { lang: k.lang, ns: k.ns, key: k.key, before, after: text, reviewOnly: !changed, via },
    });
    return changed;
  };

  // The pages' texts: shipped plus overrides, so a reload shows an edit without a restart.
  // Public: the kiosk's pairing screen needs its texts before it has a token.
  router.add('GET', '/locales/:lang/:file', { access: 'public' }, (req) => {
    const lang = req.params.lang ?? '';
    const m = /^([a-z][a-zA-Z0-9-]{0,40})\.json$/.exec(req.params.file ?? '');
    if (!isLanguage(lang) || !m || !catalog.hasNamespace(m[1]!)) throw new HttpError(404, 'NOT_FOUND');
    return { status: 200, json: catalog.mergedLocale(lang, m[1]!), headers: { 'Cache-Control': 'no-cache' } };
  });

  router.add('GET', '/api/translations', { access: ['admin'] }, () => ({ status: 200, json: catalog.entries().map(wire) }));

  router.add('PUT', '/api/translations/:lang/:ns/:key', { access: ['admin'], maxBody: 32 * 1024 }, async (req) => {
    const { text: raw } = parse(PutBody, req.body);
    const { ns = '', key = '' } = req.params;
    const k = known(req.params.lang ?? '', ns, key);
    if (!k) throw new HttpError(404, 'TRANSLATION_UNKNOWN_KEY');
    const text = tidy(k.lang, raw);
    const problem = checkTranslation(k.source, text);
    if (problem) throw problemError(problem);
    const now = ctx.deps.clock.now();
    await catalog.store.write((conn) => store(conn, req.principal, { ...k, ns, key }, text, { by: actorName(req.principal), at: now }, 'page'));
    await catalog.reload();
    const entry = catalog.entries().find((e) => e.lang === k.lang && e.ns === ns && e.key === key && !e.orphaned);
    return { status: 200, json: entry ? wire(entry) : null };
  });

  // Back to the shipped text; also how an orphaned override is finally removed.
  router.add('DELETE', '/api/translations/:lang/:ns/:key', { access: ['admin'] }, async (req: Request) => {
    const { lang = '', ns = '', key = '' } = req.params;
    if (!isLanguage(lang)) throw new HttpError(404, 'TRANSLATION_UNKNOWN_KEY');
    const before = catalog.override(lang, ns, key);
    if (!before) throw new HttpError(404, 'TRANSLATION_UNKNOWN_KEY');
    await catalog.store.write(async (conn) => {
      await catalog.store.deleteOverrideIn(conn, lang, ns, key);
      await ctx.audit.recordIn(conn, req.principal, {
        action: 'setup.translation.revert',
        target: `${lang}/${ns}/${key}`,
        detail: { lang, ns, key, before: before.text, after: catalog.shipped(lang, ns, key) ?? null },
      });
    });
    await catalog.reload();
    return { status: 204 };
  });

  router.add('GET', '/api/translations/overrides.json', { access: ['admin'] }, () => ({
    status: 200,
    json: {
      format: EXPORT_FORMAT,
      version: 1,
      overrides: catalog.allOverrides().map((o) => ({
        lang: o.lang,
        ns: o.ns,
        key: o.key,
        text: o.text,
        reviewedBy: o.reviewedBy,
        reviewedAt: o.reviewedAt,
        source: catalog.shipped('zh', o.ns, o.key) ?? null,
      })),
    },
    headers: { 'Content-Disposition': 'attachment; filename="translation-overrides.json"' },
  }));

  // Another hall's overrides: each entry is checked like an edit; what cannot be applied is
  // listed in the answer with its reason (an unknown key is reported, not dropped silently).
  router.add('POST', '/api/translations/overrides.json', { access: ['admin'], maxBody: 1024 * 1024 }, async (req) => {
    const body = parse(ImportBody, req.body);
    const skipped: { lang: string; ns: string; key: string; reason: string }[] = [];
    const accepted: { k: { lang: Language; ns: string; key: string; shipped: string }; text: string; by: string; at: number }[] = [];
    const now = ctx.deps.clock.now();
    for (const e of body.overrides) {
      const k = known(e.lang, e.ns, e.key);
      if (!k) {
        skipped.push({ lang: e.lang, ns: e.ns, key: e.key, reason: 'TRANSLATION_UNKNOWN_KEY' });
        continue;
      }
      const text = tidy(k.lang, e.text);
      const problem = checkTranslation(k.source, text);
      if (problem) {
        skipped.push({ lang: e.lang, ns: e.ns, key: e.key, reason: problem.code });
        continue;
      }
      accepted.push({ k: { ...k, ns: e.ns, key: e.key }, text, by: e.reviewedBy?.trim() || actorName(req.principal), at: e.reviewedAt ?? now });
    }
    const changed = await catalog.store.write(async (conn) => {
      let n = 0;
      for (const a of accepted) if (await store(conn, req.principal, a.k, a.text, { by: a.by, at: a.at }, 'import')) n++;
      // One summary line per import, also when nothing changed (each changed text has its own entry).
      await ctx.audit.recordIn(conn, req.principal, { action: 'setup.translation.import', target: null, detail: { applied: accepted.length, changed: n, skipped: skipped.length } });
      return n;
    });
    await catalog.reload();
    return { status: 200, json: { applied: accepted.length, changed, skipped } };
  });
}
