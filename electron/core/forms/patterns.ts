// Form patterns: a field's `pattern` must match the whole answer.
//
// Patterns come from workbooks written by hall and district staff and run on the kiosk page,
// the counter and the server's event loop alike. A backtracking engine (JavaScript's RegExp)
// can take seconds to minutes on one short answer for shapes like ((a)+)+, and no blacklist of
// such shapes is complete, so patterns run on RE2 (re2js, a pure-JS port that bundles into the
// browser pages too): matching time is linear in the answer's length whatever the pattern.
// RE2 has no backreferences and no lookaround; the definition gate refuses those at import.
import { RE2JS } from 're2js';

/** JavaScript's `\p{Script=Han}` / `\p{sc=Han}` / `\p{gc=L}` spellings → RE2's `\p{Han}` / `\p{L}`. */
const PROPERTY_NAME = /(?<!\\)((?:\\\\)*)\\([pP])\{(?:Script|sc|General_Category|gc)=([A-Za-z_]+)\}/g;

function toRe2Syntax(pattern: string): string {
  return pattern.replace(PROPERTY_NAME, (_all, escapes: string, p: string, name: string) => `${escapes}\\${p}{${name}}`);
}

export type CompiledPattern = { ok: true; matches: (s: string) => boolean } | { ok: false; reason: string };

/** Compiles a form pattern for whole-answer matching, or says why RE2 cannot take it. */
export function compilePattern(pattern: string): CompiledPattern {
  try {
    const re = RE2JS.compile(toRe2Syntax(pattern));
    return { ok: true, matches: (s) => re.matches(s) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

// Compiled patterns are cached: the server validates thousands of submissions per definition.
const patternCache = new Map<string, ((s: string) => boolean) | null>();

/** True when `pattern` matches all of `s`. A pattern RE2 cannot compile matches nothing. */
export function wholeMatch(pattern: string, s: string): boolean {
  let matches = patternCache.get(pattern);
  if (matches === undefined) {
    const compiled = compilePattern(pattern);
    matches = compiled.ok ? compiled.matches : null;
    if (patternCache.size > 500) patternCache.clear();
    patternCache.set(pattern, matches);
  }
  // A definition with a broken pattern is refused at import; if one slips through, refuse the answer.
  return matches !== null && matches(s);
}
