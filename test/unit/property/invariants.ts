// Assertions shared by the property tests and the fuzzer: what must hold of
// every range, segment, token and claim the engine produces, whatever the input.

import assert from 'node:assert/strict';
import { SUPPORTED_LANGUAGES } from '../../../server/src/core/text/language.js';
import { isSpace } from '../../../server/src/core/text/sentences.js';
import type { Segment } from '../../../server/src/core/types.js';

const LANGS = new Set<string>([...SUPPORTED_LANGUAGES, 'und']);
const KINDS = new Set(['sentence', 'heading', 'listItem', 'tableCell', 'quote']);

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** An offset that does not fall between the two halves of a surrogate pair. */
export function onCodePointBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  return !(isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset)));
}

/** [start, end) is a well-formed range of `text` on code point boundaries. */
export function assertRange(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: offsets ${start}..${end} are not integers`);
  assert.ok(start >= 0 && start <= end && end <= text.length, `${what}: range ${start}..${end} outside 0..${text.length}`);
  assert.ok(onCodePointBoundary(text, start), `${what}: start ${start} splits a surrogate pair`);
  assert.ok(onCodePointBoundary(text, end), `${what}: end ${end} splits a surrogate pair`);
}

/**
 * Segments of `text`: in bounds, ordered, not overlapping, same length as the
 * slice they come from, equal to it except for markup blanked to spaces, and
 * trimmed with at least one letter or digit.
 */
export function assertSegments(text: string, segments: readonly Segment[], what: string): void {
  let previousEnd = 0;
  for (const [index, segment] of segments.entries()) {
    const label = `${what}: segment ${index} (${JSON.stringify(segment.text.slice(0, 40))})`;
    assertRange(text, segment.start, segment.end, label);
    assert.ok(segment.start < segment.end, `${label}: empty`);
    assert.ok(segment.start >= previousEnd, `${label}: starts at ${segment.start}, before the previous segment's end ${previousEnd}`);
    previousEnd = segment.end;
    assert.equal(segment.text.length, segment.end - segment.start, `${label}: text length differs from its range`);
    for (let i = 0; i < segment.text.length; i++) {
      const got = segment.text.charCodeAt(i);
      if (got !== text.charCodeAt(segment.start + i) && got !== 32) {
        assert.fail(`${label}: character ${i} is neither the original nor a blank`);
      }
    }
    assert.ok(!/[\t\n\r\f\v]/.test(segment.text), `${label}: keeps a line break or tab`);
    assert.ok(!isSpace(segment.text.charCodeAt(0)) && !isSpace(segment.text.charCodeAt(segment.text.length - 1)), `${label}: not trimmed`);
    assert.ok(/[\p{L}\p{N}]/u.test(segment.text), `${label}: has no letter or digit`);
    assert.ok(KINDS.has(segment.kind), `${label}: unknown kind ${segment.kind}`);
    assert.ok(LANGS.has(segment.lang), `${label}: unknown language ${segment.lang}`);
  }
}

/** Only whitespace between consecutive tokens; tokens are exact slices. */
export function assertTokens(text: string, tokens: readonly { text: string; start: number; end: number; kind: string; lower: string }[], what: string): void {
  let previousEnd = 0;
  for (const [index, token] of tokens.entries()) {
    const label = `${what}: token ${index} ${JSON.stringify(token.text)}`;
    assertRange(text, token.start, token.end, label);
    assert.ok(token.start < token.end, `${label}: empty`);
    assert.ok(token.start >= previousEnd, `${label}: overlaps the previous token`);
    assert.ok(/^\s*$/u.test(text.slice(previousEnd, token.start)), `${label}: non-space text ${JSON.stringify(text.slice(previousEnd, token.start))} left out before it`);
    assert.equal(text.slice(token.start, token.end), token.text, `${label}: text is not the slice`);
    assert.equal(token.lower, token.text.toLowerCase(), `${label}: lower`);
    assert.ok(['word', 'number', 'punct'].includes(token.kind), `${label}: kind`);
    previousEnd = token.end;
  }
  assert.ok(/^\s*$/u.test(text.slice(previousEnd)), `${what}: non-space text left out after the last token`);
}
