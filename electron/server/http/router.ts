// A small router: method + path pattern → handler, with the access rule declared beside
// each route so auth is checked before any handler runs.
import type { IncomingMessage } from 'node:http';

// Principal and Role live in a neutral module (application services use them without HTTP);
// re-exported here so route files keep importing them from the router.
import type { Principal, Role } from '../../shared/principal.js';
export type { Principal, Role } from '../../shared/principal.js';
export { principalRole } from '../../shared/principal.js';

export interface Request {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  principal: Principal;
  /** Parsed JSON body (undefined when none); validate it with a schema before use. */
  body: unknown;
  /** The raw body, for routes declared with raw: true (audio uploads). */
  rawBody: Buffer | null;
  /** The language the reader asked for (Accept-Language or ?lang=), for error messages. */
  lang: 'zh' | 'bo' | 'ug';
  /** The peer's IP address (per-address rate limits of public routes). */
  remoteAddress?: string;
}

export type Reply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; body: Buffer | string; contentType: string; headers?: Record<string, string> }
  /** A file streamed from disk with backpressure (fonts are 17 MB; never read whole per request). */
  | { status: number; file: string; size: number; contentType: string; headers?: Record<string, string> }
  | { status: 204 };

export type Handler = (req: Request) => Promise<Reply> | Reply;

export interface RouteOptions {
  /** Roles allowed; 'public' needs no token. Admins may do whatever staff may. */
  access: 'public' | readonly Role[];
  /** Largest accepted body in bytes (default 16 KiB). */
  maxBody?: number;
  /** Keep the body as bytes instead of parsing JSON. */
  raw?: boolean;
}

interface Route {
  method: string;
  parts: string[];
  options: RouteOptions;
  handler: Handler;
}

/** One registered endpoint as the role-check and fuzz tests see it. */
export interface RouteInfo {
  method: string;
  pattern: string;
  access: RouteOptions['access'];
}

export class Router {
  private readonly routes: Route[] = [];

  /** Every registered endpoint, so tests can check each one's access rule and fuzz it. */
  list(): RouteInfo[] {
    return this.routes.map((r) => ({ method: r.method, pattern: '/' + r.parts.join('/'), access: r.options.access }));
  }

  add(method: string, pattern: string, options: RouteOptions, handler: Handler): void {
    this.routes.push({ method, parts: pattern.split('/').filter(Boolean), options, handler });
  }

  /** The matching route, or which methods the path allows (for 405). */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | { allowed: string[] } {
    const segs = path.split('/').filter(Boolean);
    const allowed: string[] = [];
    for (const r of this.routes) {
      const params = matchParts(r.parts, segs);
      if (!params) continue;
      if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return { route: r, params };
      allowed.push(r.method);
    }
    return { allowed };
  }
}

function matchParts(pattern: string[], segs: string[]): Record<string, string> | null {
  if (pattern.length !== segs.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = segs[i]!;
    if (p.startsWith(':')) {
      let v: string;
      try {
        v = decodeURIComponent(s);
      } catch {
        return null;
      }
      params[p.slice(1)] = v;
    } else if (p !== s) return null;
  }
  return params;
}

export function json(status: number, body: unknown): Reply {
  return { status, json: body };
}
