// The comparable parts of a sentence ("atoms"): quantities, times, names,
// and the content terms that say what they are about.

import type { OffsetRange } from '../types.js';
import type { Qualifier } from './vocabulary.js';
import type { Dimension, UnitDef } from './units.js';

export type Bound = 'eq' | 'approx' | 'gt' | 'lt';

export interface Quantity {
  kind: 'quantity';
  /** Value in the dimension's base unit (km/h, m, s, kg...) or a plain count. */
  value: number;
  /** For vague magnitudes ("thousands") the upper end of the range. */
  upper?: number;
  bound: Bound;
  dimension: Dimension | 'count';
  unit?: UnitDef;
  /** Concept/stem keys of the counted noun ("90 vogner" → c:carriage). */
  counted: string[];
  /** Keys of the first word after the number: the noun itself, or an adjective before it. */
  countedHead: string[];
  /** The counted noun as written ("gepantserde treinwagons"). */
  noun?: string;
  qualifier?: Qualifier;
  /**
   * "800 meter lange" (a length of) vs "200 meter fra" (a distance from);
   * 'from': the earlier value of a change ("rose from 30 to 64"), comparable only with other 'from' values.
   */
  role?: 'extent' | 'distance' | 'rate' | 'from';
  /** Span of the number and its unit in the segment text. */
  offsets: OffsetRange;
  /** Span of just the number (what "use the source's value" replaces). */
  numberOffsets: OffsetRange;
  text: string;
  /** Readable value in the sentence's own unit, e.g. "60 km/h", "90 carriages", "435 miles". */
  display: string;
  /** Inside a negation's scope in its own clause: "does not have 90 carriages". */
  negated?: boolean;
}

export type TimeKind = 'year' | 'decade' | 'month' | 'date' | 'weekday' | 'clock';

export interface TimeAtom {
  kind: TimeKind;
  /** year: the year; decade: first year; month: 1-12; date: month*100+day; weekday: 0-6; clock: minutes. */
  value: number;
  year?: number;
  part?: 'early' | 'mid' | 'late';
  offsets: OffsetRange;
  text: string;
  display: string;
  /** Inside a negation's scope in its own clause: "not on Tuesday". */
  negated?: boolean;
}

export interface NameAtom {
  text: string;
  offsets: OffsetRange;
  /** Skeletons of the name's parts and of the whole ("kim", "iong", "un", "kimiongun"). */
  keys: string[];
  place?: string;
}

export interface Term {
  /** Index of the token in the sentence. */
  index: number;
  folded: string;
  /** Strong keys: c:concept, g:place, s:stem, n:name-skeleton. */
  keys: string[];
  /** Spelling-neutral form for cognates and transliterations. */
  skel: string;
  isName: boolean;
  offsets: OffsetRange;
}

/** A name or place in the role a conflict is about ("in Moscow" vs "in Vladivostok"). */
export interface NameValue {
  kind: 'name';
  text: string;
  display: string;
  offsets: OffsetRange;
  /** Gazetteer id when the name is a place or organisation. */
  place?: string;
}
