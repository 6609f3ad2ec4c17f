// Adversarial inputs for the regular expressions and scanners: long runs of
// digits and separators, hyphenated and apostrophised letter runs, a megabyte
// without a full stop, ten thousand numbers in one sentence, deeply nested
// Markdown, every script, emoji and surrogate pairs at sentence edges. Each is
// run through every stage under a time budget (linear work passes easily;
// catastrophic backtracking or quadratic scans do not). The property tests
// use them at a small size, the fuzzer at full size.

import { extractClaim } from '../../../server/src/core/claims/extract.js';
import { fold, skeleton } from '../../../server/src/core/claims/normalize.js';
import { tokenize } from '../../../server/src/core/claims/tokenize.js';
import { parseSource } from '../../../server/src/core/corpus/source.js';
import type { Engine } from '../../../server/src/core/engine.js';
import { decodeBytes } from '../../../server/src/core/text/decode.js';
import { detectLanguage } from '../../../server/src/core/text/language.js';
import { LineIndex } from '../../../server/src/core/text/lines.js';
import { segmentText } from '../../../server/src/core/text/segment.js';
import { assertSegments, assertTokens } from './invariants.js';
import { assertReport } from './properties.js';

export interface AdversarialCase {
  name: string;
  text: string;
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);
}

/** Every script block with letters, a few characters each. */
function everyScript(size: number): string {
  const pieces: string[] = [];
  for (let code = 0x41; code < 0x2fa1f && pieces.length < 4000; code += 37) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCodePoint(code);
    if (/\p{L}|\p{N}|\p{P}|\p{S}/u.test(ch)) pieces.push(ch.repeat(3));
  }
  return repeatTo(pieces.join(' ') + '. ', size);
}

/** Nested Markdown: block quotes, lists, emphasis and links inside each other. */
function nestedMarkdown(size: number): string {
  const depth = Math.min(2000, Math.floor(size / 40));
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`${'> '.repeat(i % 50)}${'  '.repeat(i % 60)}- ${'*'.repeat(i % 7)}[item ${i}](http://x.test/${i})${'*'.repeat(i % 7)} has ${i} carriages.`);
  const brackets = '['.repeat(size / 8) + 'text' + ']'.repeat(size / 8) + '('.repeat(size / 8) + ')'.repeat(size / 8);
  return repeatTo(lines.join('\n') + '\n\n' + brackets, size);
}

export function adversarialCases(size: number): AdversarialCase[] {
  const numbers = (count: number) => Array.from({ length: count }, (_, i) => String(i * 7919 % 100000)).join(' ');
  return [
    { name: 'digits', text: repeatTo('1234567890', size) },
    { name: '1.1.1.1…', text: repeatTo('1.', size) + '1' },
    { name: '1,1,1,1…', text: repeatTo('1,', size) + '1' },
    { name: '1:1:1:1…', text: repeatTo('1:', size) + '1' },
    { name: 'digits and no-break spaces', text: repeatTo('123\u00a0', size) },
    { name: 'digit groups with spaces', text: repeatTo('123 ', size) + 'carriages.' },
    { name: 'mixed separators', text: repeatTo('1.2,3 4:5\u202f6', size) },
    { name: 'aaaa…', text: repeatTo('a', size) },
    { name: 'a-a-a-…', text: repeatTo('a-', size) + '!' },
    { name: "a'a'a'…", text: repeatTo("a'", size) + '!' },
    { name: "a-a'a’a…", text: repeatTo("a-a'a’", size) + '-' },
    { name: 'no full stop', text: repeatTo('The armoured train has ninety carriages and ', size) },
    { name: 'numbers in one sentence', text: `The train has ${numbers(Math.max(1, Math.floor(size / 6)))} carriages.` },
    { name: 'numbers with units', text: repeatTo('5 km/h 60 kilometer i timen ', size) + '.' },
    { name: 'number words', text: repeatTo('hundred thousand million ', size) + 'carriages.' },
    { name: 'dates', text: repeatTo('12 July 2019 ', size) + '.' },
    { name: 'names', text: repeatTo('Kim Jong Un ', size) + '.' },
    { name: 'glued sentence starters', text: repeatTo('aThis ', size) },
    { name: 'initials', text: repeatTo('A. ', size) },
    { name: 'abbreviations', text: repeatTo('e.g. Dr. nr. 5 ', size) },
    { name: 'ellipses', text: repeatTo('…...', size) },
    { name: 'nested Markdown', text: nestedMarkdown(size) },
    { name: 'block quotes', text: repeatTo('> ', size) + 'text' },
    { name: 'open brackets', text: repeatTo('[', size) },
    { name: 'links', text: repeatTo('[a](', size) },
    { name: 'emphasis', text: repeatTo('*_~', size) },
    { name: 'underscores', text: repeatTo('_a', size) },
    { name: 'backticks', text: repeatTo('`', size) },
    { name: 'tags', text: repeatTo('<a b="c" ', size) },
    { name: 'comments', text: repeatTo('<!--', size) },
    { name: 'entities', text: repeatTo('&a', size) },
    { name: 'table', text: repeatTo('a|', size / 2) + '\n|-|-|\n' + repeatTo('b|', size / 2) },
    { name: 'fences', text: repeatTo('```\n', size) },
    { name: 'headings', text: repeatTo('#', size) },
    { name: 'front matter', text: '---\n' + repeatTo('key: value\n', size) },
    { name: 'CR line ends', text: repeatTo('A line.\r', size) },
    { name: 'CRLF line ends', text: repeatTo('A line.\r\n', size) },
    { name: 'one enormous line', text: repeatTo('word ', size) + '\n' },
    { name: 'whitespace', text: repeatTo(' \t\u2003\u00a0', size) },
    { name: 'every script', text: everyScript(size) },
    { name: 'CJK without breaks', text: repeatTo('中文句子。', size) },
    { name: 'Thai', text: repeatTo('ภาษาไทย ', size) },
    { name: 'emoji at sentence edges', text: repeatTo('😀The train has 90 carriages.😀 👨‍👩‍👧 ', size) },
    { name: 'lone surrogates', text: repeatTo('\ud800a\udc00.', size) },
    { name: 'astral letters', text: repeatTo('𝔘𝔫𝔦 𝔗𝔥𝔦𝔰 ', size) },
    { name: 'NUL and controls', text: repeatTo('a\u0000b\u0001.', size) },
  ];
}

export interface StageTiming {
  stage: string;
  ms: number;
}

/** Runs one adversarial text through every stage, checking the invariants; returns the time of each stage. */
export function runAdversarial(input: string, engine: Engine): StageTiming[] {
  const timings: StageTiming[] = [];
  const stage = (name: string, run: () => void) => {
    const started = performance.now();
    run();
    timings.push({ stage: name, ms: performance.now() - started });
  };
  stage('segment markdown', () => assertSegments(input, segmentText(input, { markdown: true }), 'segmentText markdown'));
  stage('segment plain', () => assertSegments(input, segmentText(input, { markdown: false }), 'segmentText plain'));
  stage('tokenize', () => assertTokens(input, tokenize(input), 'tokenize'));
  stage('extract', () => void extractClaim({ text: input, start: 0, end: input.length, kind: 'sentence', lang: 'en' }, 'en'));
  stage('language', () => void detectLanguage(input));
  stage('normalise', () => void skeleton(fold(input)));
  stage('line index', () => void new LineIndex(input).positionAt(input.length));
  stage('decode', () => void decodeBytes(new Uint8Array(Buffer.from(input, 'utf8')), 'x.txt', { maxBytes: Infinity }));
  stage('parse .md', () => void parseSource('x.md', input, { maxBytes: Infinity }));
  stage('parse .txt', () => void parseSource('x.txt', input, { maxBytes: Infinity }));
  stage('check draft', () => assertReport(input, engine.checkDraft(input), engine));
  return timings;
}
