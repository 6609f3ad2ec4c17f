// The analysed claims of corpus sentences, by sentence id, for verification:
// claims are not kept for the whole corpus (they are ten times the size of
// the text), so candidates are extracted again when read, and the last few
// thousand are remembered. Enough for one full check of a large draft (~12k
// candidates on a 10,000-article corpus): a re-check after a corpus change
// re-extracts almost nothing.
//
// Two generations instead of an LRU by Map deletion: a hit in the older one
// moves to the newer; when the newer is full the older is dropped. (Deleting a
// Map's oldest entry to evict makes every later `keys().next()` skip the
// deleted slots: ~16x slower per lookup at this size.)

import type { Claim } from '../claims/extract.js';

export class ClaimCache {
  #recent = new Map<number, Claim>();
  #older = new Map<number, Claim>();
  readonly #generationSize: number;

  /** `capacity`: claims held at most (two generations of half of it). */
  constructor(capacity: number) {
    this.#generationSize = Math.max(1, Math.floor(capacity / 2));
  }

  get(id: number): Claim | undefined {
    const recent = this.#recent.get(id);
    if (recent !== undefined) return recent;
    const older = this.#older.get(id);
    if (older !== undefined) this.set(id, older);
    return older;
  }

  set(id: number, claim: Claim): void {
    if (this.#recent.size >= this.#generationSize) {
      this.#older = this.#recent;
      this.#recent = new Map();
    }
    this.#recent.set(id, claim);
  }

  /** Forgets a sentence (removed from the index: its id is never reused for another text while cached). */
  delete(id: number): void {
    this.#recent.delete(id);
    this.#older.delete(id);
  }

  get size(): number {
    return this.#recent.size + this.#older.size;
  }
}
