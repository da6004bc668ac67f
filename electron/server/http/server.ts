// The HTTP front door: Host/Origin checks, body limits, bearer auth, routing and error
// mapping. Handlers see only validated principals and parsed bodies.
import { createReadStream } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { isDomainError } from '../../core/errors.js';
import { isLanguage, type Language } from '../../core/model.js';
import type { AuthService } from '../auth.js';
import { securityHeaders } from './csp.js';
import { REFUSAL_STATUS, ServiceError } from '../../shared/serviceError.js';
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

/** Bodies beyond this are not drained: 413 with Connection: close, then the socket closes. */
const DRAIN_LIMIT = 1024 * 1024;

/** A 413 after which the connection must close (the rest of the body is never read). */
class BodyTooLargeAndClose extends HttpError {
  constructor(limit: number) {
    super(413, 'BODY_TOO_LARGE', { limit });
  }
}

/**
 * Reads the body up to limit. A body over limit but within DRAIN_LIMIT is drained and
 * answered 413 on a connection that stays usable; beyond DRAIN_LIMIT the answer is 413 with
 * Connection: close. Called only after Host and authorisation passed.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    // A route may accept more than DRAIN_LIMIT (workbook upload, 2 MiB); it is read up to its own limit.
    const drainLimit = Math.max(DRAIN_LIMIT, limit);
    if (declared > drainLimit) return reject(new BodyTooLargeAndClose(limit));
    if (declared > limit) return reject(new HttpError(413, 'BODY_TOO_LARGE', { limit }));
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > drainLimit && !failed) {
        failed = true;
        req.off('data', onData);
        reject(new BodyTooLargeAndClose(limit));
      } else if (size <= limit) chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => (size > limit ? reject(new HttpError(413, 'BODY_TOO_LARGE', { limit })) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/**
 * After an answer that leaves part of the request unread: keep discarding what arrives for a
 * moment (closing a socket with unread data sends a reset, which can wipe the answer before the
 * client reads it), then close.
 */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), 1000);
  timer.unref();
  res.on('finish', () => socket.end());
  socket.once('close', () => clearTimeout(timer));
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

/**
 * Streams a file: the read stream pauses while the socket's buffer is full, so a client that
 * never reads holds at most one stream buffer, not the file. The send timeout of the server
 * (HallServerOptions.timeouts) closes such a socket.
 */
function sendFile(res: ServerResponse, reply: Extract<Reply, { file: string }>, head: boolean, log: Logger): void {
  const headers: Record<string, string> = {
    ...securityHeaders(),
    'Cache-Control': 'no-store',
    ...(reply.headers ?? {}),
    'Content-Type': reply.contentType,
    'Content-Length': String(reply.size),
  };
  res.writeHead(reply.status, headers);
  if (head) {
    res.end();
    return;
  }
  const stream = createReadStream(reply.file, { highWaterMark: 64 * 1024 });
  stream.on('error', (err) => {
    log.warn({ err }, 'static file read failed');
    res.destroy();
  });
  res.on('close', () => stream.destroy());
  stream.pipe(res);
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
      // Host, route and authorisation come before the body: an anonymous or foreign client never
      // gets the server to buffer anything. A refusal leaves the body unread; Node discards it.
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
      let bytes: Buffer | null = null;
      if (method !== 'GET' && method !== 'HEAD') bytes = await readBody(req, route.options.maxBody ?? DEFAULT_MAX_BODY);

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
      const request: Request = { method, path: url.pathname, params, query: url.searchParams, headers: req.headers, principal, body, rawBody, lang, remoteAddress: req.socket.remoteAddress ?? '' };
      const reply = await route.handler(request);
      status = reply.status;
      if ('file' in reply) sendFile(res, reply, method === 'HEAD', log);
      else send(res, reply, method === 'HEAD');
    } catch (e) {
      let reply: Reply;
      if (e instanceof HttpError) reply = errorReply(messages, lang, e.status, e.code, e.details, e.vars);
      else if (e instanceof ServiceError) reply = errorReply(messages, lang, REFUSAL_STATUS[e.kind], e.code, e.details, e.vars);
      else if (isDomainError(e)) reply = errorReply(messages, lang, domainStatus(e.code), e.code, e.details, {}, e.message);
      else {
        log.error({ err: e, method, path }, 'request failed');
        reply = errorReply(messages, lang, 500, 'INTERNAL');
      }
      status = reply.status;
      const headers: Record<string, string> = {};
      if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
      const retry = e instanceof HttpError ? e.details.retryAfterSeconds : undefined;
      if (typeof retry === 'number') headers['Retry-After'] = String(retry);
      const mustClose = e instanceof BodyTooLargeAndClose || Number(req.headers['content-length'] ?? 0) > DRAIN_LIMIT;
      if (mustClose) headers.Connection = 'close';
      if (!res.headersSent) {
        send(res, { ...reply, headers }, false);
        if (mustClose) closeAfterAnswer(req, res);
      } else res.destroy();
    } finally {
      // Paths only: query strings may hold tokens, bodies may hold personal data.
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (status >= 500) log.warn({ method, path, status, ms }, 'request');
      else log.debug({ method, path, status, ms }, 'request');
    }
  };
}
