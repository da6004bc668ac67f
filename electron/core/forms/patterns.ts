// Form patterns: a field's `pattern` must match the whole answer.

// Compiled patterns are cached: the server validates thousands of submissions per definition.
const patternCache = new Map<string, RegExp | null>();
export function wholeMatch(pattern: string, s: string): boolean {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = null;
    }
    if (patternCache.size > 500) patternCache.clear();
    patternCache.set(pattern, re);
  }
  // A definition with a broken pattern is refused at import; if one slips through, refuse the answer.
  return re !== null && re.test(s);
}
