// The small subset of XLSForm's XPath a hall form can hold: relevant rules and constraints,
// read from a workbook and written back.
import type { FieldType, RelevantRule } from '../../../core/forms/definition.js';

export type Literal = string | number | boolean;
export type RawRelevant = { field: string; op: 'eq'; values: Literal[] } | { field: string; op: 'selected'; value: string } | { field: string; op: 'answered' };

const REF = String.raw`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`;
const LITERAL = String.raw`'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|(true|false)\(\)`;

function literalOf(m: RegExpExecArray, at: number): Literal {
  if (m[at] !== undefined) return m[at]!;
  if (m[at + 1] !== undefined) return m[at + 1]!;
  if (m[at + 2] !== undefined) return Number(m[at + 2]);
  return m[at + 3] === 'true';
}

/** Parses `${f} = 'v'` (or several joined by `or`), `selected(${f}, 'v')`, `${f} != ''`. */
export function parseRelevant(expr: string): RawRelevant | string {
  const s = expr.trim().replace(/^\((.*)\)$/s, '$1').trim();
  let m = new RegExp(`^${REF}\\s*!=\\s*(?:''|"")$`).exec(s);
  if (m) return { field: m[1]!, op: 'answered' };
  m = new RegExp(`^selected\\(\\s*${REF}\\s*,\\s*(?:'([^']*)'|"([^"]*)")\\s*\\)$`).exec(s);
  if (m) return { field: m[1]!, op: 'selected', value: m[2] ?? m[3]! };
  const terms = s.split(/\s+or\s+/);
  const values: Literal[] = [];
  let field: string | undefined;
  for (const term of terms) {
    const t = new RegExp(`^${REF}\\s*=\\s*(?:${LITERAL})$`).exec(term.trim());
    if (!t) return `"${expr.slice(0, 80)}" is not in the supported subset: \${field} = 'value' (joined by "or"), selected(\${field}, 'value'), \${field} != ''.`;
    if (field !== undefined && field !== t[1]) return 'Terms joined by "or" must test the same field.';
    field = t[1]!;
    values.push(literalOf(t, 2));
  }
  return { field: field!, op: 'eq', values };
}

export interface Bounds {
  min?: number | string;
  max?: number | string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** Parses `. >= 1 and . <= 9`, `. <= today() + 30`, `string-length(.) <= 50`, `regex(., '[0-9]+')`. */
export function parseConstraint(expr: string, type: FieldType): Bounds | string {
  const out: Bounds = {};
  const bad = `"${expr.slice(0, 80)}" is not in the supported subset: . >= N, . <= N, . >= today() - N, . <= date('YYYY-MM-DD'), string-length(.) <= N, regex(., 'pattern'), joined by "and".`;
  for (const raw of expr.trim().split(/\s+and\s+/)) {
    const term = raw.trim();
    let m = /^\.\s*(>=|<=)\s*(.+)$/.exec(term);
    if (m) {
      const v = m[2]!.trim();
      let bound: number | string | undefined;
      if (type === 'date') {
        const rel = /^today\(\)\s*(?:([+-])\s*(\d{1,5}))?$/.exec(v);
        const fixed = /^(?:date\(\s*)?'(\d{4}-\d{2}-\d{2})'\s*\)?$/.exec(v);
        if (rel) bound = rel[1] ? `today${rel[1]}${rel[2]}` : 'today';
        else if (fixed) bound = fixed[1];
      } else if (/^-?\d+(?:\.\d+)?$/.test(v)) {
        bound = Number(v);
      }
      if (bound === undefined) return bad;
      if (m[1] === '>=') out.min = bound;
      else out.max = bound;
      continue;
    }
    m = /^string-length\(\s*\.\s*\)\s*(>=|<=)\s*(\d{1,5})$/.exec(term);
    if (m) {
      if (m[1] === '>=') out.minLength = Number(m[2]);
      else out.maxLength = Number(m[2]);
      continue;
    }
    m = /^regex\(\s*\.\s*,\s*'(.*)'\s*\)$/s.exec(term);
    if (m) {
      // A workbook pattern matches the whole answer anyway: drop explicit anchors.
      out.pattern = m[1]!.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
      continue;
    }
    return bad;
  }
  return out;
}

function quote(v: string | number | boolean): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? "'yes'" : "'no'";
  return v.includes("'") ? `"${v}"` : `'${v}'`;
}

/** The XLSForm-subset expression of a rule (parseRelevant reads it back). */
export function relevantExpression(rule: RelevantRule): string {
  const ref = `\${${rule.field}}`;
  if ('answered' in rule) return `${ref} != ''`;
  if ('includes' in rule) return `selected(${ref}, ${quote(rule.includes)})`;
  if ('oneOf' in rule) return rule.oneOf.map((v) => `${ref} = ${quote(v)}`).join(' or ');
  return `${ref} = ${quote(rule.equals)}`;
}
