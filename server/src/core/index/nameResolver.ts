// Fuzzy resolution of a draft's names against the corpus' name vocabulary
// (fuse.js over name skeletons): Shogyu → Shoigu, Kim Jon Un → Kim Jong Un.
// Exact skeleton equality already handles most transliterations
// (Chasan/Khasan, Poetin/Putin, Sjojgu/Shoigu); this catches the typos and
// remaining spelling drift.

import Fuse from 'fuse.js';
import type { CorpusIndex } from './corpusIndex.js';

export class NameResolver {
  private fuse: Fuse<string> | undefined;
  private builtFor = -1;
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly index: CorpusIndex) {}

  /** Corpus name skeletons close to `skel` (excluding itself). */
  resolve(skel: string, corpusVersion: number): string[] {
    if (skel.length < 4) return [];
    this.ensure(corpusVersion);
    const hit = this.cache.get(skel);
    if (hit) return hit;
    const results = this.fuse!.search(skel, { limit: 5 })
      .filter((r) => (r.score ?? 1) <= 0.25 && r.item !== skel && Math.abs(r.item.length - skel.length) <= 2 && r.item[0] === skel[0])
      .map((r) => r.item);
    this.cache.set(skel, results);
    return results;
  }

  private ensure(corpusVersion: number): void {
    if (this.fuse && this.builtFor === corpusVersion) return;
    const names: string[] = [];
    for (const key of this.index.keys()) if (key.startsWith('n:') && key.length >= 6) names.push(key.slice(2));
    this.fuse = new Fuse(names, { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });
    this.builtFor = corpusVersion;
    this.cache.clear();
  }
}
