// Every locale text the hall shows: the shipped files in resources/locales/<lang>/<ns>.json
// with the hall's reviewed overrides on top. One function, mergedLocale(lang, ns), serves the
// pages (GET /locales/…), the error messages and the printed ticket labels, so an edit on the
// review page reaches all of them at once; its cache is dropped whenever an override changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../core/model.js';
import { applyOverrides, flattenTexts, type NestedTexts } from '../core/translationRules.js';
import type { TranslationOverride, TranslationReview, TranslationStore } from '../store/translationStore.js';

const NS_NAME = /^[a-z][a-zA-Z0-9-]{0,40}$/;

export interface TranslationEntry {
  lang: Language;
  ns: string;
  key: string;
  /** The text in effect (override or shipped). */
  text: string;
  /** The Chinese text in effect, which the bo and ug texts translate; null for an orphan. */
  source: string | null;
  /** The text as shipped with this version; null for an orphan. */
  shipped: string | null;
  overridden: boolean;
  reviewedBy: string | null;
  reviewedAt: number | null;
  /** An override whose key is no longer in the shipped files (kept, reported, never applied). */
  orphaned: boolean;
}

const mapKey = (lang: string, ns: string, key: string) => `${lang}\u0000${ns}\u0000${key}`;

export class LocaleCatalog {
  private readonly shippedNested = new Map<string, NestedTexts>();
  private readonly shippedFlat = new Map<string, Map<string, string>>();
  readonly namespaces: readonly string[];
  private overrides = new Map<string, TranslationOverride>();
  private reviews = new Map<string, TranslationReview>();
  private readonly cache = new Map<string, NestedTexts>();

  constructor(
    resourcesDir: string,
    readonly store: TranslationStore,
  ) {
    const dir = join(resourcesDir, 'locales');
    this.namespaces = readdirSync(join(dir, 'zh'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .filter((ns) => NS_NAME.test(ns))
      .sort();
    for (const lang of LANGUAGES) {
      for (const ns of this.namespaces) {
        let nested: NestedTexts = {};
        try {
          nested = JSON.parse(readFileSync(join(dir, lang, `${ns}.json`), 'utf8')) as NestedTexts;
        } catch {
          // A namespace missing in one language: test/unit/locales.test.ts fails on it; serve it empty.
        }
        this.shippedNested.set(`${lang}/${ns}`, nested);
        this.shippedFlat.set(`${lang}/${ns}`, flattenTexts(nested));
      }
    }
  }

  /** Reads the overrides and review marks again and drops every merged locale. */
  async reload(): Promise<void> {
    const [overrides, reviews] = await Promise.all([this.store.overrides(), this.store.reviews()]);
    this.overrides = new Map(overrides.map((o) => [mapKey(o.lang, o.ns, o.key), o]));
    this.reviews = new Map(reviews.map((r) => [mapKey(r.lang, r.ns, r.key), r]));
    this.cache.clear();
  }

  hasNamespace(ns: string): boolean {
    return this.namespaces.includes(ns);
  }

  /** The shipped text of one key, or undefined when this version has no such key. */
  shipped(lang: Language, ns: string, key: string): string | undefined {
    return this.shippedFlat.get(`${lang}/${ns}`)?.get(key);
  }

  override(lang: Language, ns: string, key: string): TranslationOverride | undefined {
    return this.overrides.get(mapKey(lang, ns, key));
  }

  /** The text in effect for one key (override or shipped). */
  text(lang: Language, ns: string, key: string): string | undefined {
    if (this.shipped(lang, ns, key) === undefined) return undefined;
    return this.override(lang, ns, key)?.text ?? this.shipped(lang, ns, key);
  }

  /** The locale as the pages, errors and tickets use it: shipped texts with the overrides applied. */
  mergedLocale(lang: Language, ns: string): NestedTexts {
    const id = `${lang}/${ns}`;
    let merged = this.cache.get(id);
    if (!merged) {
      const shipped = this.shippedNested.get(id) ?? {};
      const mine = new Map<string, string>();
      for (const o of this.overrides.values()) if (o.lang === lang && o.ns === ns) mine.set(o.key, o.text);
      merged = applyOverrides(shipped, mine);
      this.cache.set(id, merged);
    }
    return merged;
  }

  /** Error messages per language for the front door, always the current merged texts. */
  errorMessages(): Record<Language, Record<string, string>> {
    const flat = (lang: Language) => Object.fromEntries(flattenTexts(this.mergedLocale(lang, 'errors')));
    return {
      get zh() {
        return flat('zh');
      },
      get bo() {
        return flat('bo');
      },
      get ug() {
        return flat('ug');
      },
    };
  }

  /** Every key of every namespace in zh, bo and ug, then the orphaned overrides. */
  entries(): TranslationEntry[] {
    const out: TranslationEntry[] = [];
    for (const ns of this.namespaces) {
      const keys = [...(this.shippedFlat.get(`zh/${ns}`)?.keys() ?? [])];
      for (const key of keys) {
        const source = this.text('zh', ns, key) ?? null;
        for (const lang of LANGUAGES) {
          const shipped = this.shipped(lang, ns, key);
          if (shipped === undefined) continue;
          const o = this.override(lang, ns, key);
          const review = this.reviews.get(mapKey(lang, ns, key));
          // A review mark counts only for the shipped text it approved.
          const mark = o ? { by: o.reviewedBy, at: o.reviewedAt } : review && review.shippedText === shipped ? { by: review.reviewedBy, at: review.reviewedAt } : null;
          out.push({
            lang,
            ns,
            key,
            text: o?.text ?? shipped,
            source,
            shipped,
            overridden: o !== undefined,
            reviewedBy: mark?.by ?? null,
            reviewedAt: mark?.at ?? null,
            orphaned: false,
          });
        }
      }
    }
    for (const o of this.orphans()) {
      out.push({ lang: o.lang, ns: o.ns, key: o.key, text: o.text, source: null, shipped: null, overridden: true, reviewedBy: o.reviewedBy, reviewedAt: o.reviewedAt, orphaned: true });
    }
    return out;
  }

  /** Overrides whose key this version no longer ships: reported, kept in the database. */
  orphans(): TranslationOverride[] {
    return [...this.overrides.values()].filter((o) => this.shipped(o.lang, o.ns, o.key) === undefined);
  }

  allOverrides(): TranslationOverride[] {
    return [...this.overrides.values()];
  }
}
