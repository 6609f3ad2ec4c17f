// Bounded memo tables. LangMemo: for the pure word functions of extraction
// (stems, number words, term keys...): one map per language, so a lookup needs
// no key string built per call, and the whole table is dropped when it reaches
// its limit (a corpus' vocabulary fits; a pathological input cannot grow it
// forever). GenerationCache: for larger values read in runs (claims of
// candidate sentences, keys of indexed sentences), keeping the recent ones.

const everyLangMemo: Array<LangMemo<unknown>> = [];

/**
 * Empties every word memo: after a cold index they hold the whole corpus'
 * vocabulary (tens of MB), while checks need only their candidates' words.
 */
export function clearWordMemos(): void {
  for (const memo of everyLangMemo) memo.clear();
}

export class LangMemo<V> {
  readonly #maps = new Map<string, Map<string, V>>();
  readonly #limit: number;
  #size = 0;

  constructor(limit: number) {
    this.#limit = limit;
    everyLangMemo.push(this);
  }

  clear(): void {
    for (const table of this.#maps.values()) table.clear();
    this.#size = 0;
  }

  /** The table of one language (look up with `get`, then `remember` a miss). */
  table(lang: string): Map<string, V> {
    let table = this.#maps.get(lang);
    if (!table) this.#maps.set(lang, (table = new Map()));
    return table;
  }

  remember(table: Map<string, V>, key: string, value: V): V {
    if (this.#size >= this.#limit) {
      for (const other of this.#maps.values()) other.clear();
      this.#size = 0;
    }
    table.set(key, value);
    this.#size++;
    return value;
  }
}

/**
 * A bounded cache in two generations: a hit in the older one moves to the
 * newer; when the newer is full the older is dropped. Holds the last
 * `capacity / 2` to `capacity` entries. (An LRU that evicts by deleting a
 * Map's oldest entry slows down: every later `keys().next()` skips the
 * deleted slots, ~16x slower per lookup at 16k entries.)
 */
export class GenerationCache<K, V> {
  #recent = new Map<K, V>();
  #older = new Map<K, V>();
  readonly #generationSize: number;

  constructor(capacity: number) {
    this.#generationSize = Math.max(1, Math.floor(capacity / 2));
  }

  get(key: K): V | undefined {
    const recent = this.#recent.get(key);
    if (recent !== undefined) return recent;
    const older = this.#older.get(key);
    if (older !== undefined) this.set(key, older);
    return older;
  }

  /** Like get, without counting as a use (the entry keeps its generation). */
  peek(key: K): V | undefined {
    return this.#recent.get(key) ?? this.#older.get(key);
  }

  set(key: K, value: V): void {
    if (this.#recent.size >= this.#generationSize) {
      this.#older = this.#recent;
      this.#recent = new Map();
    }
    this.#recent.set(key, value);
  }

  delete(key: K): void {
    this.#recent.delete(key);
    this.#older.delete(key);
  }

  clear(): void {
    this.#recent = new Map();
    this.#older = new Map();
  }

  get size(): number {
    return this.#recent.size + this.#older.size;
  }
}
