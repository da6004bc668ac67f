// The form validator as the browser pages get it: electron/core/forms/validate.ts (with re2js)
// bundled by esbuild for Chromium the way scripts/build.mjs bundles the kiosk, exposed as the
// global `hallForms`, so tests and benches run the kiosk's own validator in a real browser.
import { build } from 'esbuild';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export async function browserValidatorBundle(): Promise<string> {
  const entry = join(ROOT, 'electron', 'core', 'forms', 'validate.ts');
  const r = await build({
    stdin: { contents: `export { formMessagesFrom, validateField } from ${JSON.stringify(entry)};`, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'hallForms',
    platform: 'browser',
    target: ['chrome120'],
    minify: true,
    logLevel: 'error',
  });
  return r.outputFiles[0]!.text;
}

/** The patterns of issue 17 that hold a backtracking engine for seconds to minutes on a short answer. */
export const REDOS_PATTERNS = ['((a+))+', '((a)+)+', '(?:(a+))+', '(a|a)*', '(a|aa)+', `${'\\d*'.repeat(12)}x`, '(.*a){12}', '(a+)+'] as const;

/** A 10 kB answer that almost matches `pattern` (the worst case for backtracking). */
export function nearMiss(pattern: string): string {
  return pattern.includes('\\d') ? '1'.repeat(10_000) : 'a'.repeat(9_999) + '!';
}
