// The resident's phone: the public status page /t/<ref>, its JSON /api/t/<ref>, and the
// phone rating. Every public answer is rate-limited per address, and every bad reference
// (unknown, malformed, yesterday's, expired) gets the same 404 body.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isLowScore, keptReasons, LOW_RATING_REASONS, ratingRefusal } from '../../../core/rating/ratingRules.js';
import type { ServerContext } from '../../context.js';
import { normalizeAddress } from '../../phone/publicAddress.js';
import { HttpError } from '../errors.js';
import type { Reply, Request, Router } from '../router.js';
import { parse } from '../validate.js';

export const PhoneRating = z.object({
  score: z.number().int().min(1).max(5),
  reasons: z.array(z.enum(LOW_RATING_REASONS)).max(LOW_RATING_REASONS.length).optional(),
});

const Address = z.object({ address: z.string().max(200).nullable() });

/** A page shell like pages.ts's, for the phone and rating-pad bundles. */
export function pageShell(page: 'phone' | 'rate'): Reply {
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: [
      '<!doctype html>',
      '<html lang="zh" dir="ltr">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="referrer" content="no-referrer">',
      `<title>Hall Kiosk</title>`,
      `<link rel="stylesheet" href="/assets/${page}.css">`,
      `<script type="module" src="/assets/${page}.js"></script>`,
      '</head>',
      `<body class="page-${page}"><div id="root"></div></body>`,
      '</html>',
    ].join('\n'),
    headers: { 'Referrer-Policy': 'no-referrer' },
  };
}

export function registerPhoneRoutes(router: Router, ctx: ServerContext): void {
  const side = ctx.resident;
  const limit = (req: Request) => {
    if (!side.limiter.take(req.remoteAddress ?? '')) throw new HttpError(429, 'TOO_MANY_REQUESTS');
  };
  // The router's own 404: a bad reference reads exactly like a path that does not exist.
  const notFound = () => new HttpError(404, 'NOT_FOUND');

  // The same page for every reference: whether the ticket exists shows only after the
  // page asks /api/t/<ref>, and then only as the same polite 404 for every bad reference.
  router.add('GET', '/t/:ref', { access: 'public' }, (req) => {
    limit(req);
    return pageShell('phone');
  });

  router.add('GET', '/api/t/:ref', { access: 'public' }, async (req) => {
    limit(req);
    const ticket = await side.statuses.liveTicket(req.params.ref ?? '');
    if (!ticket) throw notFound();
    return { status: 200, json: await side.statuses.status(ticket) };
  });

  router.add('POST', '/api/t/:ref/rating', { access: 'public', maxBody: 1024 }, async (req) => {
    limit(req);
    const ticket = await side.statuses.liveTicket(req.params.ref ?? '');
    if (!ticket) throw notFound();
    const { score, reasons } = parse(PhoneRating, req.body);
    const now = ctx.deps.clock.now();
    const refusal = ratingRefusal(ticket, await side.ratings.isRated(ticket.id), now, { kind: 'phone' });
    if (refusal) throw new HttpError(409, refusal);
    const id = randomUUID();
    const saved = await side.ratings.insert({
      id, ticket, score, reasons: keptReasons(score, reasons), via: 'phone', at: now, followupId: isLowScore(score) ? randomUUID() : null,
    });
    if (!saved) throw new HttpError(409, 'ALREADY_RATED');
    return { status: 201, json: { rated: true } };
  });

  router.add('GET', '/rate', { access: 'public' }, () => pageShell('rate'));

  router.add('GET', '/api/hall/public-address', { access: ['admin'] }, () => ({ status: 200, json: side.publicAddress.current() }));

  router.add('PUT', '/api/hall/public-address', { access: ['admin'], maxBody: 1024 }, async (req) => {
    const { address } = parse(Address, req.body);
    const normalized = address === null || address.trim() === '' ? null : normalizeAddress(address);
    if (address !== null && address.trim() !== '' && normalized === null) {
      throw new HttpError(400, 'BAD_REQUEST', { issues: [{ path: 'address', problem: 'http(s)://host[:port] expected' }] });
    }
    const before = side.publicAddress.current().configured;
    await side.publicAddress.set(normalized);
    await ctx.audit.record(req.principal, { action: 'setup.publicAddress.update', target: 'hall.publicAddress', detail: { before, after: normalized } });
    return { status: 200, json: side.publicAddress.current() };
  });
}
