/**
 * What a draft asks not to be checked, shared by the language server and the
 * CLI so that CI fails on exactly what the editor shows. Pure.
 *
 * - `Sentence. <!-- corroborate-ignore -->` after a sentence on its line
 *   (footnote markers may sit between) hides that sentence's claim;
 *   `<!-- corroborate-ignore unsupported -->` (or `unsupported, disputed`) only
 *   when its verdict is one of those.
 * - `<!-- corroborate-off -->` … `<!-- corroborate-on -->` hides every claim
 *   that starts between the two; both take an optional verdict list
 *   (`<!-- corroborate-off unsupported -->` hides only unsupported claims,
 *   `<!-- corroborate-on unsupported -->` brings those back). An `off` without
 *   an `on` lasts to the end of the draft.
 * - User patterns (`ignore.blocks` / `ignore.tokens` in .corroborate.json, as
 *   Vale's BlockIgnores / TokenIgnores): a claim that overlaps a block match is
 *   hidden; token matches are blanked out (same length, so offsets hold) before
 *   the draft is checked, so the rest of the sentence still is. A pattern may
 *   start with inline flags, `(?s)`, `(?i)` or `(?si)`.
 */

import type { Verdict } from './types.js';

export type IgnoreReason = 'decision' | 'inline' | 'block' | 'pattern';

export const VERDICT_NAMES: readonly Verdict[] = ['supported', 'contradicted', 'disputed', 'unsupported'];

export interface IgnorePatterns {
  blocks: readonly string[];
  tokens: readonly string[];
}

export interface CompiledPatterns {
  blocks: RegExp[];
  tokens: RegExp[];
  /** One message per pattern that is not a valid regular expression (the pattern is left out). */
  errors: string[];
}

export const NO_PATTERNS: CompiledPatterns = Object.freeze({ blocks: [], tokens: [], errors: [] }) as CompiledPatterns;

/** `(?s)^---$` → /^---$/gms. Throws on an invalid pattern. */
export function compilePattern(pattern: string): RegExp {
  let flags = 'gm';
  let source = pattern;
  const inline = /^\(\?([simx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1]) {
      if (flag === 'x') throw new Error(`(?x) is not supported`);
      if (!flags.includes(flag)) flags += flag;
    }
  }
  return new RegExp(source, flags);
}

export function compilePatterns(patterns: IgnorePatterns | undefined, origin = 'ignore'): CompiledPatterns {
  const out: CompiledPatterns = { blocks: [], tokens: [], errors: [] };
  for (const kind of ['blocks', 'tokens'] as const) {
    for (const pattern of patterns?.[kind] ?? []) {
      try {
        out[kind].push(compilePattern(pattern));
      } catch (error) {
        out.errors.push(`${origin}.${kind}: ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message}); left out`);
      }
    }
  }
  return out;
}

function* matches(regex: RegExp, text: string): Generator<{ start: number; end: number }> {
  regex.lastIndex = 0;
  let guard = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0].length === 0) {
      regex.lastIndex++;
    } else {
      yield { start: match.index, end: match.index + match[0].length };
    }
    if (++guard > 100_000) return;
  }
}

/** The text with every token match blanked (line breaks kept): what the engine checks. */
export function maskTokens(text: string, patterns: CompiledPatterns): string {
  if (patterns.tokens.length === 0) return text;
  const chars = text.split('');
  let changed = false;
  for (const regex of patterns.tokens) {
    for (const { start, end } of matches(regex, text)) {
      for (let i = start; i < end; i++) {
        if (chars[i] !== '\n' && chars[i] !== '\r' && chars[i] !== ' ') {
          chars[i] = ' ';
          changed = true;
        }
      }
    }
  }
  return changed ? chars.join('') : text;
}

/** Parses `unsupported, disputed` → the verdicts; empty or absent → all verdicts. Unknown words are ignored. */
function verdictList(raw: string | undefined): Set<Verdict> {
  const words = (raw ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);
  const named = words.filter((word): word is Verdict => (VERDICT_NAMES as readonly string[]).includes(word));
  return new Set(named.length > 0 ? named : VERDICT_NAMES);
}

const INLINE = /^[ \t]*(?:\[\^[^\]\s]+\][ \t]*)*<!--\s*corroborate-ignore\b([^>]*?)\s*-->/;
const SWITCH = /<!--\s*corroborate-(off|on)\b([^>]*?)\s*-->/g;

/** The verdicts an inline comment after the sentence ending at `end` hides (undefined: no comment). */
export function inlineIgnore(text: string, end: number): Set<Verdict> | undefined {
  const match = INLINE.exec(text.slice(end, end + 300));
  return match ? verdictList(match[1]) : undefined;
}

export interface DraftIgnores {
  /** The text to check: token patterns blanked. */
  text: string;
  /** Why the claim [start, end) with this verdict is hidden, or undefined. */
  reason(start: number, end: number, verdict: Verdict): Exclude<IgnoreReason, 'decision'> | undefined;
}

/** Reads the ignore comments and user patterns of a draft once; `reason` is then cheap per claim. */
export function draftIgnores(text: string, patterns: CompiledPatterns = NO_PATTERNS): DraftIgnores {
  // off/on switches: the set of hidden verdicts from each switch's end on.
  const switches: Array<{ at: number; hidden: Set<Verdict> }> = [];
  let hidden = new Set<Verdict>();
  if (text.includes('corroborate-o')) {
    for (const match of text.matchAll(SWITCH)) {
      const verdicts = verdictList(match[2]);
      hidden = new Set(hidden);
      for (const verdict of verdicts) {
        if (match[1] === 'off') hidden.add(verdict);
        else hidden.delete(verdict);
      }
      switches.push({ at: match.index! + match[0].length, hidden });
    }
  }
  const blocks = patterns.blocks.flatMap((regex) => [...matches(regex, text)]);
  return {
    text: maskTokens(text, patterns),
    reason(start, end, verdict) {
      const inline = inlineIgnore(text, end);
      if (inline?.has(verdict)) return 'inline';
      let state: Set<Verdict> | undefined;
      for (const change of switches) {
        if (change.at > start) break;
        state = change.hidden;
      }
      if (state?.has(verdict)) return 'block';
      if (blocks.some((block) => block.start < end && block.end > start)) return 'pattern';
      return undefined;
    },
  };
}
