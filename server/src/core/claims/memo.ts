// Bounded memo tables for the pure word functions of extraction (stems, number
// words, term keys...): one map per language, so a lookup needs no key string
// built per call, and the whole table is dropped when it reaches its limit
// (a corpus' vocabulary fits; a pathological input cannot grow it forever).

export class LangMemo<V> {
  readonly #maps = new Map<string, Map<string, V>>();
  readonly #limit: number;
  #size = 0;

  constructor(limit: number) {
    this.#limit = limit;
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
