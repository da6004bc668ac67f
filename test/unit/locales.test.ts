// Every locale namespace exists in zh, bo and ug with the same keys, none empty; Tibetan
// strings are written in Tibetan script and Uyghur strings in Arabic script.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const dir = join(import.meta.dirname, '../../resources/locales');
const LANGS = ['zh', 'bo', 'ug'] as const;

function flatten(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof obj === 'string') out.set(prefix, obj);
  else if (obj && typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, String(obj));
  return out;
}

const namespaces = new Set(LANGS.flatMap((l) => readdirSync(join(dir, l)).filter((f) => f.endsWith('.json'))));

describe('locale files', () => {
  it('there are namespaces to check', () => assert.ok(namespaces.size >= 1));

  for (const ns of namespaces) {
    it(`${ns} has the same non-empty keys in zh, bo and ug`, () => {
      const maps = LANGS.map((l) => {
        let text: string;
        try {
          text = readFileSync(join(dir, l, ns), 'utf8');
        } catch {
          assert.fail(`${l}/${ns} is missing`);
        }
        return flatten(JSON.parse(text));
      });
      const all = new Set(maps.flatMap((m) => [...m.keys()]));
      for (const key of all) {
        LANGS.forEach((l, i) => {
          const v = maps[i]!.get(key);
          assert.ok(v !== undefined, `${l}/${ns}: missing key ${key}`);
          assert.ok(v.trim().length > 0, `${l}/${ns}: empty value for ${key}`);
        });
      }
      // Real scripts, not transliteration: most values carry the script's own letters.
      const [, bo, ug] = maps;
      const share = (m: Map<string, string>, re: RegExp) => [...m.values()].filter((v) => re.test(v)).length / Math.max(1, m.size);
      assert.ok(share(bo!, /[\u0F00-\u0FFF]/) >= 0.6, `${ns}: bo values should be in Tibetan script`);
      assert.ok(share(ug!, /[\u0600-\u06FF]/) >= 0.6, `${ns}: ug values should be in Arabic script`);
    });
  }
});
