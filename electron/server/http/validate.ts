// Boundary validation with zod: bad input becomes a 400 with the reader's-language message
// and the field paths in details, never an exception that reaches the client as a 500.
import type { z } from 'zod';
import { HttpError } from './errors.js';

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new HttpError(400, 'BAD_REQUEST', {
      issues: r.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), problem: i.message })),
    });
  }
  return r.data;
}
