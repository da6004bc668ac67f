// Word candidates for pinyin input, from the dictionary that scripts/build-pinyin-dict.mjs
// extracts from @pinyin-pro/data: entries "北京 beijing" in descending frequency. The index
// maps toneless pinyin (ü typed as v) to words, keeps the frequency rank, and answers three
// kinds of match in the order a pinyin IME offers them:
//   1. words spelled exactly as typed (beijing → 北京, 背景),
//   2. words spelled by what was typed plus more (beij → 北京),
//   3. words spelled by a leading part of what was typed (beijingr → 北京, leaving "r").

export interface PinyinDictionary {
  v: 1;
  source: string;
  entries: string[];
}

export interface Candidate {
  word: string;
  /** How many typed letters the word uses up; the rest stay for the next choice. */
  consumed: number;
}

interface Entry {
  word: string;
  rank: number;
}

export interface PinyinIndex {
  readonly size: number;
  lookup(typed: string, limit?: number): Candidate[];
}

/** How many "typed plus more" words to offer; past a few the list is noise. */
const MAX_COMPLETIONS = 12;

export function createPinyinIndex(dict: PinyinDictionary): PinyinIndex {
  const byKey = new Map<string, Entry[]>();
  dict.entries.forEach((line, rank) => {
    const space = line.indexOf(' ');
    if (space <= 0) return;
    const word = line.slice(0, space);
    const key = line.slice(space + 1);
    const list = byKey.get(key);
    if (list) list.push({ word, rank });
    else byKey.set(key, [{ word, rank }]);
  });
  const keys = [...byKey.keys()].sort();

  /** First index in the sorted keys that is ≥ s. */
  const lowerBound = (s: string): number => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    size: dict.entries.length,
    lookup(typed: string, limit = 60): Candidate[] {
      const input = typed.toLowerCase();
      if (!/^[a-z]+$/.test(input)) return [];
      const seen = new Set<string>();
      const out: Candidate[] = [];
      const add = (word: string, consumed: number) => {
        if (out.length >= limit || seen.has(word)) return;
        seen.add(word);
        out.push({ word, consumed });
      };

      for (const e of byKey.get(input) ?? []) add(e.word, input.length);

      const completions: Entry[] = [];
      for (let i = lowerBound(input); i < keys.length && keys[i]!.startsWith(input); i++) {
        if (keys[i] === input) continue;
        completions.push(...byKey.get(keys[i]!)!);
      }
      completions.sort((a, b) => a.rank - b.rank);
      for (const e of completions.slice(0, MAX_COMPLETIONS)) add(e.word, input.length);

      for (let n = input.length - 1; n >= 1; n--) {
        for (const e of byKey.get(input.slice(0, n)) ?? []) add(e.word, n);
      }
      return out;
    },
  };
}
