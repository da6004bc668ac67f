// A route table: method + path pattern ("/api/forms/:id") → the route's options (its access
// rule first, so auth is checked before any handler runs) and handler. Shared by the hall's
// router (server/http/router.ts) and the district's front door (district/http/front.ts): the
// same matching, HEAD answered by a GET route, and the methods a path allows for a 405.

export interface RouteEntry<O, H> {
  method: string;
  parts: string[];
  options: O;
  handler: H;
}

export class RouteTable<O extends { access: unknown }, H> {
  private readonly routes: RouteEntry<O, H>[] = [];

  /** Every registered endpoint, so tests can check each one's access rule and fuzz it. */
  list(): { method: string; pattern: string; access: O['access'] }[] {
    return this.routes.map((r) => ({ method: r.method, pattern: '/' + r.parts.join('/'), access: r.options.access }));
  }

  add(method: string, pattern: string, options: O, handler: H): void {
    this.routes.push({ method, parts: pattern.split('/').filter(Boolean), options, handler });
  }

  /** The matching route, or which methods the path allows (for 405). */
  match(method: string, path: string): { route: RouteEntry<O, H>; params: Record<string, string> } | { allowed: string[] } {
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

/** The path's parameters when it matches the pattern; null when not (or a parameter is not valid percent-encoding). */
function matchParts(pattern: string[], segs: string[]): Record<string, string> | null {
  if (pattern.length !== segs.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = segs[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(s);
      } catch {
        return null;
      }
    } else if (p !== s) return null;
  }
  return params;
}
