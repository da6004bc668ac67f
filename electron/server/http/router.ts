// A small router: method + path pattern → handler, with the access rule declared beside
// each route so auth is checked before any handler runs.
import type { IncomingMessage } from 'node:http';

// Principal and Role live in a neutral module (application services use them without HTTP);
// re-exported here so route files keep importing them from the router.
import type { Principal, Role } from '../../shared/principal.js';
import { RouteTable } from '../../shared/routeTable.js';
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

/** One registered endpoint as the role-check and fuzz tests see it. */
export interface RouteInfo {
  method: string;
  pattern: string;
  access: RouteOptions['access'];
}

export class Router extends RouteTable<RouteOptions, Handler> {}

export function json(status: number, body: unknown): Reply {
  return { status, json: body };
}
