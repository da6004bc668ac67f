// Loads the pinyin dictionary (built by scripts/build-pinyin-dict.mjs into the page's assets)
// the first time a Chinese keyboard opens, and keeps the index for the page's lifetime. It is
// fetched rather than bundled so the kiosk starts without parsing a megabyte of words.
import { createPinyinIndex, type PinyinDictionary, type PinyinIndex } from './pinyinIndex.js';

export const PINYIN_DICTIONARY_URL = '/assets/kiosk-pinyin.json';

let loading: Promise<PinyinIndex> | null = null;

export function loadPinyinIndex(): Promise<PinyinIndex> {
  loading ??= fetch(PINYIN_DICTIONARY_URL)
    .then(async (res) => {
      if (!res.ok) throw new Error(`pinyin dictionary: HTTP ${res.status}`);
      return createPinyinIndex((await res.json()) as PinyinDictionary);
    })
    .catch((e: unknown) => {
      loading = null; // let the next keyboard try again
      throw e;
    });
  return loading;
}
