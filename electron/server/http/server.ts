// The HTTP front door: Host/Origin checks, body limits, bearer auth, routing and error
// mapping. Handlers see only validated principals and parsed bodies.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { isDomainError } from '../../core/errors.js';
import { isLanguage, type Language } from '../../core/model.js';
import type { AuthService } from '../auth.js';
import { securityHeaders } from './csp.js';
import { domainStatus, errorReply, HttpError, type Messages } from './errors.js';
import type { HostAllowList } from './hostCheck.js';
import { principalRole, type Principal, type Reply, type Request, type Router } from './router.js';

const DEFAULT_MAX_BODY = 16 * 1024;

export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const h = headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer ([A-Za-z0-9_\-.~+/=]{1,200})$/.exec(h.trim());
  return m ? m[1]! : null;
}

export function requestLanguage(req: IncomingMessage, query: URLSearchParams): Language {
  const q = query.get('lang');
  if (isLanguage(q)) return q;
  const header = req.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.split(';')[0]!.trim().toLowerCase().split('-')[0];
      if (isLanguage(tag)) return tag;
    }
  }
  return 'zh';
}

/** Bodies beyond this are not even drained: the connection is cut. */
const DRAIN_LIMIT = 1024 * 1024;

/**
 * Reads the body up to limit. A larger body is drained and answered with 413 (so the
 * client sees the answer rather than a reset), unless it is absurdly large.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > DRAIN_LIMIT) {
      reject(new HttpError(413, 'BODY_TOO_LARGE', { limit }));
      req.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > DRAIN_LIMIT) {
        reject(new HttpError(413, 'BODY_TOO_LARGE', { limit }));
        req.destroy();
      } else if (size <= limit) chunks.push(c);
    });
    req.on('end', () => (size > limit ? reject(new HttpError(413, 'BODY_TOO_LARGE', { limit })) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function allowed(principal: Principal, access: 'public' | readonly string[]): 'ok' | 401 | 403 {
  if (access === 'public') return 'ok';
  const role = principalRole(principal);
  if (!role) return 401;
  if (access.includes(role)) return 'ok';
  // An admin may do everything a staff member may.
  if (role === 'admin' && access.includes('staff')) return 'ok';
  return 403;
}

export interface FrontDoorDeps {
  router: Router;
  auth: AuthService;
  hosts: HostAllowList;
  messages: Messages;
  log: Logger;
}

export function createRequestHandler(deps: FrontDoorDeps) {
  const { router, auth, hosts, messages, log } = deps;

  const send = (res: ServerResponse, reply: Reply, head: boolean) => {
    const headers: Record<string, string> = { ...securityHeaders(), 'Cache-Control': 'no-store', ...('headers' in reply ? reply.headers : {}) };
    if (reply.status === 204 || reply.status === 304 || !('json' in reply || 'body' in reply)) {
      res.writeHead(reply.status, headers).end();
      return;
    }
    let body: Buffer | string;
    if ('json' in reply) {
      body = JSON.stringify(reply.json);
      headers['Content-Type'] = 'application/json; charset=utf-8';
    } else {
      body = reply.body;
      headers['Content-Type'] = reply.contentType;
    }
    headers['Content-Length'] = String(Buffer.byteLength(body));
    res.writeHead(reply.status, headers).end(head ? undefined : body);
  };

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    let lang: Language = 'zh';
    let status = 500;
    const method = req.method ?? 'GET';
    let path = '?';
    try {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://hall.invalid');
      } catch {
        throw new HttpError(400, 'BAD_REQUEST');
      }
      path = url.pathname;
      lang = requestLanguage(req, url.searchParams);
      const found = router.match(method, url.pathname);
      // The body is read (or drained) first, so every answer, even a refusal, reaches the client.
      let bytes: Buffer | null = null;
      if (method !== 'GET' && method !== 'HEAD') {
        bytes = await readBody(req, ('route' in found ? found.route.options.maxBody : undefined) ?? DEFAULT_MAX_BODY);
      }
      if (!hosts.hostAllowed(req.headers.host)) throw new HttpError(403, 'BAD_HOST');
      if (!hosts.originAllowed(req.headers.origin)) throw new HttpError(403, 'BAD_ORIGIN');
      if (!('route' in found)) {
        if (found.allowed.length > 0) throw new HttpError(405, 'METHOD_NOT_ALLOWED', { allowed: found.allowed });
        throw new HttpError(404, 'NOT_FOUND');
      }
      const { route, params } = found;
      const principal = await auth.principal(bearerToken(req.headers));
      const verdict = allowed(principal, route.options.access);
      if (verdict !== 'ok') throw new HttpError(verdict, verdict === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN');

      let body: unknown = undefined;
      let rawBody: Buffer | null = null;
      if (bytes !== null) {
        if (route.options.raw) rawBody = bytes;
        else if (bytes.length > 0) {
          const type = String(req.headers['content-type'] ?? '');
          if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE');
          try {
            body = JSON.parse(bytes.toString('utf8'));
          } catch {
            throw new HttpError(400, 'BAD_JSON');
          }
        }
      }
      const request: Request = { method, path: url.pathname, params, query: url.searchParams, headers: req.headers, principal, body, rawBody, lang };
      const reply = await route.handler(request);
      status = reply.status;
      send(res, reply, method === 'HEAD');
    } catch (e) {
      let reply: Reply;
      if (e instanceof HttpError) reply = errorReply(messages, lang, e.status, e.code, e.details, e.vars);
      else if (isDomainError(e)) reply = errorReply(messages, lang, domainStatus(e.code), e.code, e.details, {}, e.message);
      else {
        log.error({ err: e, method, path }, 'request failed');
        reply = errorReply(messages, lang, 500, 'INTERNAL');
      }
      status = reply.status;
      if (!res.headersSent) send(res, { ...reply, headers: status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {} }, false);
      else res.destroy();
    } finally {
      // Paths only: query strings may hold tokens, bodies may hold personal data.
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (status >= 500) log.warn({ method, path, status, ms }, 'request');
      else log.debug({ method, path, status, ms }, 'request');
    }
  };
}
