// The district's front door: a small router with the access rule beside each route, bearer
// auth, JSON and raw bodies with limits, and {error:{code,message}} answers with the message
// in the reader's language (resources/locales/*/district.json, `errors`). Never a 500 for bad
// input: routes validate with zod and throw ApiError.
import { createWriteStream, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { RouteTable } from '../../shared/routeTable.js';
import type { DistrictAuth, DistrictPrincipal, DistrictRole } from '../auth.js';

export type Lang = 'zh' | 'bo' | 'ug';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  principal: DistrictPrincipal;
  body: unknown;
  /** For stream routes: the body saved to this file (caller removes it). */
  bodyFile: string | null;
  lang: Lang;
  token: string | null;
}

export type ApiReply = { status: number; json: unknown } | { status: number; body: Buffer | string; contentType: string; headers?: Record<string, string> };
type Handler = (req: ApiRequest) => Promise<ApiReply> | ApiReply;

export interface RouteOptions {
  access: 'public' | readonly DistrictRole[];
  maxBody?: number;
  /** Stream the body to a temporary file (batch uploads). */
  toFile?: boolean;
}

export class ApiRouter extends RouteTable<RouteOptions, Handler> {}

type Messages = Record<Lang, Record<string, string>>;

export function loadMessages(resourcesDir: string): Messages {
  const read = (l: Lang) => (JSON.parse(readFileSync(join(resourcesDir, 'locales', l, 'district.json'), 'utf8')) as { errors: Record<string, string> }).errors;
  return { zh: read('zh'), bo: read('bo'), ug: read('ug') };
}

function language(req: IncomingMessage, q: URLSearchParams): Lang {
  const ok = (x: unknown): x is Lang => x === 'zh' || x === 'bo' || x === 'ug';
  const l = q.get('lang');
  if (ok(l)) return l;
  for (const part of String(req.headers['accept-language'] ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().split('-')[0];
    if (ok(tag)) return tag;
  }
  return 'zh';
}

function readJson(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(new ApiError(413, 'BODY_TOO_LARGE', { limit }));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => (size > limit ? reject(new ApiError(413, 'BODY_TOO_LARGE', { limit })) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

const HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
};

export interface FrontDeps {
  router: ApiRouter;
  auth: DistrictAuth;
  messages: Messages;
  tempFile: () => string;
  log: { error(o: object, m: string): void };
}

export function createHandler(d: FrontDeps) {
  const send = (res: ServerResponse, reply: ApiReply, head: boolean) => {
    const body = 'json' in reply ? JSON.stringify(reply.json) : reply.body;
    const type = 'json' in reply ? 'application/json; charset=utf-8' : reply.contentType;
    res.writeHead(reply.status, { ...HEADERS, ...('headers' in reply ? reply.headers : {}), 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(head ? undefined : body);
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let lang: Lang = 'zh';
    const method = req.method ?? 'GET';
    try {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://district.invalid');
      } catch {
        throw new ApiError(400, 'BAD_REQUEST');
      }
      lang = language(req, url.searchParams);
      const found = d.router.match(method, url.pathname);
      if (!('route' in found)) {
        if (found.allowed.length > 0) throw new ApiError(405, 'METHOD_NOT_ALLOWED', { allowed: found.allowed });
        throw new ApiError(404, 'NOT_FOUND');
      }
      const { route, params } = found;
      const h = req.headers.authorization;
      const m = typeof h === 'string' ? /^Bearer ([A-Za-z0-9_\-.~+/=]{1,200})$/.exec(h.trim()) : null;
      const token = m ? m[1]! : null;
      const principal = await d.auth.principal(token);
      const access = route.options.access;
      if (access !== 'public') {
        if (principal.kind === 'anonymous') throw new ApiError(401, 'UNAUTHORIZED');
        if (!access.includes(principal.role) && !(principal.role === 'admin' && access.includes('viewer'))) throw new ApiError(403, 'FORBIDDEN');
      }
      let body: unknown = undefined;
      let bodyFile: string | null = null;
      if (method !== 'GET' && method !== 'HEAD') {
        const limit = route.options.maxBody ?? 16 * 1024;
        if (route.options.toFile) {
          if (Number(req.headers['content-length'] ?? 0) > limit) throw new ApiError(413, 'BODY_TOO_LARGE', { limit });
          bodyFile = d.tempFile();
          let size = 0;
          req.on('data', (c: Buffer) => {
            size += c.length;
            if (size > limit) req.destroy(new ApiError(413, 'BODY_TOO_LARGE', { limit }));
          });
          await pipeline(req, createWriteStream(bodyFile, { mode: 0o600 }));
        } else {
          const bytes = await readJson(req, limit);
          if (bytes.length > 0) {
            if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE');
            try {
              body = JSON.parse(bytes.toString('utf8'));
            } catch {
              throw new ApiError(400, 'BAD_JSON');
            }
          }
        }
      }
      const reply = await route.handler({ method, path: url.pathname, params, query: url.searchParams, headers: req.headers, principal, body, bodyFile, lang, token });
      send(res, reply, method === 'HEAD');
    } catch (e) {
      let status = 500;
      let code = 'INTERNAL';
      let details: Record<string, unknown> = {};
      if (e instanceof ApiError) ({ status, code, details } = e);
      else d.log.error({ err: e, method }, 'request failed');
      const message = d.messages[lang][code] ?? d.messages.zh[code] ?? code;
      const error: Record<string, unknown> = { code, message };
      if (Object.keys(details).length > 0) error.details = details;
      if (res.headersSent) res.destroy();
      else send(res, { status, json: { error } }, false);
    }
  };
}

export function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(400, 'BAD_REQUEST', { issues: r.error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) });
  return r.data;
}
