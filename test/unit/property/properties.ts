// The properties every extractor and the segmenter must satisfy for any input.
// Each is a named (arbitrary, check) pair: the `*.test.ts` files next to this
// one run each a few hundred times inside `npm test`; `npm run fuzz`
// (scripts/fuzz.ts) runs them all for a count or a time, with seeds that
// reproduce any failure.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { extractClaim } from '../../../server/src/core/claims/extract.js';
import { sentenceKeys } from '../../../server/src/core/claims/indexKeys.js';
import { claimKeys } from '../../../server/src/core/claims/keys.js';
import { fold, skeleton } from '../../../server/src/core/claims/normalize.js';
import { tokenize, TOKEN_PATTERN } from '../../../server/src/core/claims/tokenize.js';
import { parseSource } from '../../../server/src/core/corpus/source.js';
import { CancelledError, Engine } from '../../../server/src/core/engine.js';
import { decodeBytes } from '../../../server/src/core/text/decode.js';
import { hashText } from '../../../server/src/core/text/hash.js';
import { LineIndex } from '../../../server/src/core/text/lines.js';
import { segmentText } from '../../../server/src/core/text/segment.js';
import type { DraftReport, Problem, Segment } from '../../../server/src/core/types.js';
import { anyUtf16, codePoint, corpusFile, draft, encode, FIXED_CORPUS, soup, text } from './generators.js';
import { assertRange, assertSegments, assertTokens } from './invariants.js';

export interface PropertyDef<T> {
  name: string;
  /** Relative cost of one run (the fuzzer gives cheap properties more runs). */
  cost: number;
  arbitrary: fc.Arbitrary<T>;
  /** Throws (an assertion error) when the property does not hold. */
  check: (value: T) => void;
}

function define<T>(name: string, cost: number, arbitrary: fc.Arbitrary<T>, check: (value: T) => void): PropertyDef<T> {
  return { name, cost, arbitrary, check };
}

const LANGS = ['en', 'nb', 'nl', 'de', 'da', 'sv', 'fr', 'es', 'und', 'xx'];
const language = fc.constantFrom(...LANGS, undefined);

// ---------------------------------------------------------------- text layer

const segmentation = (markdown: boolean) =>
  define(`segmentText (${markdown ? 'markdown' : 'plain'})`, 1, fc.tuple(text, language), ([input, hint]) => {
    const segments = segmentText(input, { markdown, langHint: hint });
    assertSegments(input, segments, 'segmentText');
    assert.deepEqual(segmentText(input, { markdown, langHint: hint }), segments, 'segmentText is not deterministic');
  });

const lineIndex = define(
  'LineIndex agrees with vscode-languageserver-textdocument',
  1,
  fc.tuple(
    soup(30),
    fc.array(fc.integer({ min: -3, max: 400 }), { maxLength: 8 }),
    fc.array(fc.tuple(fc.integer({ min: -2, max: 40 }), fc.integer({ min: -2, max: 300 })), { maxLength: 8 }),
    fc.array(fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 0.5, -0.5, Number.MAX_SAFE_INTEGER)), { maxLength: 3 }),
  ),
  ([input, offsets, positions, odd]) => {
    const lines = new LineIndex(input);
    const oracle = TextDocument.create('file:///x', 'markdown', 1, input);
    assert.equal(lines.lineCount, oracle.lineCount, 'lineCount');
    for (let offset = 0; offset <= input.length; offset++) {
      const position = lines.positionAt(offset);
      assert.deepEqual(position, oracle.positionAt(offset), `positionAt(${offset})`);
      const crlfMiddle = input.charCodeAt(offset - 1) === 13 && input.charCodeAt(offset) === 10;
      if (!crlfMiddle) assert.equal(lines.offsetAt(position), offset, `offsetAt(positionAt(${offset}))`);
    }
    for (const offset of offsets) assert.deepEqual(lines.positionAt(offset), oracle.positionAt(offset), `positionAt(${offset})`);
    for (const [line, character] of positions) {
      assert.equal(lines.offsetAt({ line, character }), oracle.offsetAt({ line, character }), `offsetAt(${line}:${character})`);
    }
    for (const value of odd) {
      const position = lines.positionAt(value);
      assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < lines.lineCount, `positionAt(${value}).line = ${position.line}`);
      assert.ok(Number.isInteger(position.character) && position.character >= 0, `positionAt(${value}).character = ${position.character}`);
      const offset = lines.offsetAt({ line: value, character: value });
      assert.ok(Number.isInteger(offset) && offset >= 0 && offset <= input.length, `offsetAt(${value}:${value}) = ${offset}`);
    }
  },
);

function assertProblems(problems: readonly Problem[], path: string, what: string): void {
  for (const problem of problems) {
    assert.equal(problem.path, path, `${what}: problem path`);
    assert.ok(problem.message.includes(path), `${what}: message ${JSON.stringify(problem.message)} does not name ${path}`);
    assert.ok(['error', 'warning', 'info'].includes(problem.severity), `${what}: severity ${problem.severity}`);
    assert.ok(/^[a-z0-9-]+$/.test(problem.code), `${what}: code ${problem.code}`);
  }
}

/** Strings that survive a UTF-8 / UTF-16 round trip and are not "full of control characters". */
const printable = fc.string({ unit: codePoint, maxLength: 60 }).map((value) => value.replace(/[\u0000-\u001f\u007f]/g, ''));

const decoding = define(
  'decodeBytes: no throw, problems name the file, encodings round-trip',
  1,
  fc.oneof(
    fc.record({ bytes: fc.uint8Array({ maxLength: 300 }), value: fc.constant<string | undefined>(undefined), encoding: fc.constant('raw') }),
    fc
      .tuple(fc.oneof(printable, text), fc.constantFrom('utf8', 'utf8bom', 'utf16lebom', 'utf16bebom', 'utf16le', 'utf16be', 'latin1'))
      .map(([value, encoding]) => ({ bytes: encode(value, encoding), value: value as string | undefined, encoding })),
  ),
  ({ bytes, value, encoding }) => {
    const path = 'dir/ä file.txt';
    const maxBytes = 256;
    const result = decodeBytes(bytes, path, { maxBytes });
    if (result.problem) assertProblems([result.problem], path, 'decodeBytes');
    if (bytes.length > maxBytes) {
      assert.ok(!('text' in result) && result.problem.code === 'too-large', 'an oversized file is not skipped as too large');
      return;
    }
    if (!('text' in result)) return;
    assert.equal(typeof result.text, 'string');
    if (value === undefined || value !== value.replace(/[\u0000-\u001f\u007f]/g, '') || /[\ud800-\udfff]/.test(value)) return;
    // Whatever was written in a Unicode encoding with a BOM, or in UTF-8, comes back.
    if (encoding === 'utf8bom' || encoding === 'utf16lebom' || encoding === 'utf16bebom') assert.equal(result.text, value, `${encoding} round trip`);
    if (encoding === 'utf8' && result.encoding !== 'windows-1252') assert.equal(result.text, value.replace(/^\ufeff/, ''), 'utf8 round trip');
    if (encoding === 'latin1' && result.encoding === 'windows-1252' && /^[\u0020-\u007e\u00a0-\u00ff]*$/.test(value) && !/[\u0080-\u009f]/.test(value)) {
      assert.equal(result.text, value, 'latin1 read as windows-1252');
    }
  },
);

const sourceParsing = define('parseSource: no throw, segments inside the text, problems name the file', 2, corpusFile, ({ path, content }) => {
  const maxBytes = 400;
  const { doc, problems } = parseSource(path, content, { maxBytes });
  assertProblems(problems, path, 'parseSource');
  if (content.length > maxBytes) {
    assert.equal(doc, undefined, 'an oversized file yields a document');
    assert.ok(problems.some((problem) => problem.code === 'too-large'), 'an oversized file is not reported as too large');
    return;
  }
  if (!doc) {
    assert.ok(problems.length > 0, 'a skipped file comes with a problem');
    return;
  }
  assert.equal(doc.path, path);
  // One byte order mark goes (editors hide it too); a second one is content.
  if (typeof content === 'string') assert.equal(doc.text, content.replace(/^\ufeff/, ''), 'the text is not the content');
  assert.equal(doc.hash, hashText(doc.text));
  assertSegments(doc.text, doc.segments, 'parseSource');
});

// ---------------------------------------------------------------- claims

const tokenizing = define('tokenize: exact slices, only whitespace left out', 1, fc.oneof(text, anyUtf16), (input) => {
  const tokens = tokenize(input);
  assertTokens(input, tokens, 'tokenize');
  // The hand-written scanner reads exactly what its reference expression matches.
  const expected = [...input.matchAll(TOKEN_PATTERN)].map((m) => `${m.index}:${m[1] !== undefined ? 'number' : m[2] !== undefined ? 'word' : 'punct'}:${m[0]}`);
  assert.deepEqual(tokens.map((t) => `${t.start}:${t.kind}:${t.text}`), expected);
});

function segmentOf(value: string, lang: string): Segment {
  return { text: value, start: 0, end: value.length, kind: 'sentence', lang };
}

const extraction = define(
  'extractClaim: no throw, every atom inside the sentence',
  1,
  fc.tuple(text, fc.constantFrom(...LANGS), fc.constantFrom(...LANGS)),
  ([input, lang, fallback]) => {
    const claim = extractClaim(segmentOf(input, lang), fallback);
    assertTokens(input, claim.tokens, 'extractClaim');
    for (const quantity of claim.quantities) {
      const label = `quantity ${JSON.stringify(quantity.text)}`;
      assertRange(input, quantity.offsets.start, quantity.offsets.end, label);
      assertRange(input, quantity.numberOffsets.start, quantity.numberOffsets.end, `${label} number`);
      assert.ok(quantity.numberOffsets.start < quantity.numberOffsets.end, `${label}: empty number`);
      assert.ok(quantity.offsets.start <= quantity.numberOffsets.start && quantity.numberOffsets.end <= quantity.offsets.end, `${label}: number outside the quantity`);
      assert.equal(quantity.text, input.slice(quantity.offsets.start, quantity.offsets.end), `${label}: text`);
      assert.ok(!Number.isNaN(quantity.value), `${label}: value is NaN`);
      assert.ok(quantity.upper === undefined || !Number.isNaN(quantity.upper), `${label}: upper is NaN`);
      assert.equal(typeof quantity.display, 'string');
    }
    for (const time of claim.times) {
      assertRange(input, time.offsets.start, time.offsets.end, `time ${time.kind}`);
      assert.ok(Number.isFinite(time.value), `time ${time.kind}: value ${time.value}`);
      assert.equal(typeof time.display, 'string');
    }
    for (const name of claim.names) assertRange(input, name.offsets.start, name.offsets.end, `name ${name.text}`);
    for (const term of claim.terms) assertRange(input, term.offsets.start, term.offsets.end, `term ${term.folded}`);
  },
);

// The index keys a corpus sentence from its words alone when it states no
// figure: that shortcut must give exactly the full reading's keys, in order.
/** Sentences without figures, of words that exercise names, phrases, compounds and case. */
const FIGURE_FREE_WORDS = [
  'the', 'The', 'According', 'according', 'to', 'take', 'part', 'as', 'well', 'satellite', 'images', 'satellittbildene', 'ifølge',
  'Kim', 'Jong', "Kim's", 'Un', 'van', 'der', 'Berg', 'de', 'North', 'Korea', 'Noord-Korea', 'Nord-Korea', 'North', 'Korean', 'us', 'US',
  'turkey', 'Turkey', 'KCNA', 'NATO', 'SHOUTED', 'Putin', 'Poetin', 'visited', 'besøkte', 'bezocht', 'treinwagons', 'toppfart',
  'snelheid', 'Geschwindigkeit', 'not', 'ikke', 'niet', 'denied', 'ontkende', 'run', 'out', 'ran', 'said', 'zei', 'sa', 'sagte',
  'well-known', "o'clock", 'co-operate', 'Vladivostok', 'armoured', 'train', 'toget', 'pansret', ',', '.', '"', '(', ')', ':', '-',
];
const figureFree = fc.array(fc.constantFrom(...FIGURE_FREE_WORDS), { maxLength: 24 }).map((words) => words.join(' '));

const indexKeying = define(
  'sentenceKeys: the keys of claimKeys(extractClaim(…)), in the same order',
  1,
  fc.tuple(fc.oneof(text, figureFree), fc.constantFrom(...LANGS), fc.constantFrom(...LANGS)),
  ([input, lang, fallback]) => {
    const segment = segmentOf(input, lang);
    assert.deepEqual([...sentenceKeys(segment, fallback)], [...claimKeys(extractClaim(segment, fallback))]);
  },
);

/** A number as written in one language, and its value. */
const writtenNumber = fc.oneof(
  // English: comma groups, point decimals.
  fc.nat({ max: 999_999_999 }).map((value) => ({ lang: 'en', value, written: value.toLocaleString('en-US') })),
  fc.tuple(fc.nat({ max: 99_999 }), fc.integer({ min: 1, max: 99 })).map(([whole, cents]) => ({
    lang: 'en',
    value: whole + cents / 100,
    written: `${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`,
  })),
  // Norwegian and Dutch: point or no-break-space groups, comma decimals.
  fc.tuple(fc.nat({ max: 999_999_999 }), fc.constantFrom('.', '\u00a0'), fc.constantFrom('nb', 'nl')).map(([value, group, lang]) => ({
    lang,
    value,
    written: value.toLocaleString('en-US').replace(/,/g, group),
  })),
  fc.tuple(fc.nat({ max: 99_999 }), fc.integer({ min: 1, max: 9 }), fc.constantFrom('nb', 'nl')).map(([whole, tenth, lang]) => ({
    lang,
    value: whole + tenth / 10,
    written: `${whole.toLocaleString('en-US').replace(/,/g, '.')},${tenth}`,
  })),
).filter(({ value, written }) => !(/^\d{4}$/.test(written) && value >= 1500 && value <= 2200)); // bare 4-digit numbers in that range are years

const COUNT_SENTENCES: Record<string, string> = {
  en: 'The train has {} carriages.',
  nb: 'Toget har {} vogner.',
  nl: 'De trein heeft {} wagons.',
};

const numberParsing = define('number parsing: local formats give their value', 1, writtenNumber, ({ lang, value, written }) => {
  const sentence = COUNT_SENTENCES[lang]!.replace('{}', written);
  const claim = extractClaim(segmentOf(sentence, lang), lang);
  const quantity = claim.quantities[0];
  assert.ok(quantity, `no quantity in ${JSON.stringify(sentence)}`);
  assert.equal(quantity.dimension, 'count');
  assert.ok(Math.abs(quantity.value - value) <= 1e-9 * Math.max(1, value), `${JSON.stringify(written)} (${lang}) read as ${quantity.value}, not ${value}`);
  assert.equal(sentence.slice(quantity.numberOffsets.start, quantity.numberOffsets.end), written, 'the number span is not the number as written');
});

const folding = define('fold is idempotent and total', 1, fc.oneof(text, fc.string({ unit: codePoint, maxLength: 20 })), (input) => {
  const once = fold(input);
  assert.equal(fold(once), once, `fold(fold(${JSON.stringify(input)}))`);
  assert.equal(once, once.toLowerCase(), 'fold leaves capitals');
  assert.ok(!/[\u0300-\u036f]/.test(once), 'fold leaves combining diacritics');
});

const skeletons = define(
  'skeleton: ASCII letters, no doubled letter, idempotent',
  1,
  fc.oneof(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), maxLength: 16 }), text.map(fold)),
  (input) => {
    const once = skeleton(input);
    assert.ok(/^[a-z]*$/.test(once), `skeleton(${JSON.stringify(input)}) = ${JSON.stringify(once)}`);
    assert.ok(!/(.)\1/.test(once), `skeleton(${JSON.stringify(input)}) = ${JSON.stringify(once)} has a doubled letter`);
    assert.equal(skeleton(once), once, `skeleton(skeleton(${JSON.stringify(input)}))`);
  },
);

// ---------------------------------------------------------------- the engine

let fixedEngine: Engine | undefined;

/** One engine over FIXED_CORPUS for all runs (its verdict cache is part of what is tested). */
export function engineOverFixedCorpus(): Engine {
  if (!fixedEngine) {
    fixedEngine = new Engine({
      log: {
        info() {},
        warn() {},
        error(message) {
          throw new Error(`the engine logged an error: ${message}`);
        },
      },
    });
    for (const [path, content] of Object.entries(FIXED_CORPUS)) {
      const problems = fixedEngine.setSource(path, content);
      assert.deepEqual(problems, [], `fixed corpus file ${path}`);
    }
  }
  return fixedEngine;
}

const VERDICTS = new Set(['supported', 'contradicted', 'disputed', 'unsupported']);

/** Everything a report promises about its draft: ranges, order, evidence, fixes. */
export function assertReport(input: string, report: DraftReport, engine: Engine): void {
  const oracle = TextDocument.create('file:///draft.md', 'markdown', 1, input);
  let previousEnd = 0;
  for (const [index, claim] of report.claims.entries()) {
    const label = `claim ${index} ${JSON.stringify(claim.text.slice(0, 60))}`;
    assertRange(input, claim.offsets.start, claim.offsets.end, label);
    assert.ok(claim.offsets.start >= previousEnd, `${label}: overlaps the previous claim`);
    previousEnd = claim.offsets.end;
    assert.deepEqual(claim.range, { start: oracle.positionAt(claim.offsets.start), end: oracle.positionAt(claim.offsets.end) }, `${label}: range`);
    assert.ok(claim.text.length > 0 && claim.text.length <= claim.offsets.end - claim.offsets.start, `${label}: text`);
    assert.ok(VERDICTS.has(claim.verdict), `${label}: verdict ${claim.verdict}`);
    assert.ok(claim.message.length > 0, `${label}: no message`);
    assert.match(claim.key, /^[0-9a-f]{16}$/, `${label}: key`);
    if (claim.verdict === 'contradicted' || claim.verdict === 'disputed') {
      assert.ok(claim.evidence.some((item) => item.stance === 'contradicts'), `${label}: ${claim.verdict} without contradicting evidence`);
    }
    for (const item of claim.evidence) {
      const source = engine.source(item.source);
      assert.ok(source, `${label}: evidence from unknown source ${item.source}`);
      assertRange(source.text, item.offsets.start, item.offsets.end, `${label}: evidence in ${item.source}`);
      assert.deepEqual(item.range, new LineIndex(source.text).rangeAt(item.offsets.start, item.offsets.end), `${label}: evidence range`);
      assert.ok(item.quote.length > 0, `${label}: empty quote`);
      assert.ok(item.score >= 0 && item.score <= 1, `${label}: score ${item.score}`);
    }
    for (const fix of claim.fixes) {
      const fixLabel = `${label}: fix ${JSON.stringify(fix.replacement)}`;
      assertRange(input, fix.offsets.start, fix.offsets.end, fixLabel);
      assert.ok(fix.offsets.start < fix.offsets.end, `${fixLabel}: replaces nothing`);
      assert.ok(claim.offsets.start <= fix.offsets.start && fix.offsets.end <= claim.offsets.end, `${fixLabel}: outside its sentence ${claim.offsets.start}..${claim.offsets.end}`);
      assert.ok(fix.replacement.length > 0 && !/[\r\n]/.test(fix.replacement), `${fixLabel}: replacement`);
      assert.ok(!/[\r\n]/.test(input.slice(fix.offsets.start, fix.offsets.end)), `${fixLabel}: replaces a line break`);
      assert.ok(engine.hasSource(fix.source), `${fixLabel}: unknown source ${fix.source}`);
    }
  }
}

const checking = define(
  'Engine.checkDraft: no throw, claims and fixes inside the draft',
  20,
  fc.tuple(draft, fc.boolean(), fc.constantFrom('en', 'nb', 'nl', 'xx', undefined)),
  ([input, markdown, languageHint]) => {
    const engine = engineOverFixedCorpus();
    const report = engine.checkDraft(input, { markdown, languageHint });
    assertReport(input, report, engine);
    // The second run comes from the verdict cache and must not differ.
    assert.deepEqual(engine.checkDraft(input, { markdown, languageHint }), report, 'a second check differs');
  },
);

const cancelling = define(
  'Engine.checkDraft: cancellation throws CancelledError and nothing else',
  10,
  fc.tuple(draft, fc.nat({ max: 6 })),
  ([input, polls]) => {
    const engine = engineOverFixedCorpus();
    let left = polls;
    const token = {
      get isCancellationRequested() {
        return left-- <= 0;
      },
    };
    try {
      assertReport(input, engine.checkDraft(input, { token }), engine);
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
    }
  },
);

let snapshot: { bytes: Uint8Array; verdicts: string } | undefined;
const SNAPSHOT_DRAFT = 'The armoured train has a top speed of 88 km/h.\n\nThe train has ninety carriages.\n';

function verdictsOf(engine: Engine): string {
  return JSON.stringify(engine.checkDraft(SNAPSHOT_DRAFT).claims.map((claim) => [claim.verdict, claim.offsets, claim.evidence.map((item) => item.source)]));
}

/** A snapshot (index cache) of the fixed corpus, and the verdicts it gives. */
function fixedSnapshot(): { bytes: Uint8Array; verdicts: string } {
  if (!snapshot) {
    const engine = new Engine();
    const stamps = new Map<string, { size: number; mtimeMs: number; hash: string }>();
    for (const [path, content] of Object.entries(FIXED_CORPUS)) {
      engine.setSource(path, content);
      stamps.set(path, { size: content.length, mtimeMs: 1, hash: hashText(content) });
    }
    snapshot = { bytes: engine.exportSnapshot({ buildId: 'fuzz', stamps }), verdicts: verdictsOf(engine) };
  }
  return snapshot;
}

/** How a cache file gets damaged: cut short, bytes flipped, junk appended, or replaced. */
const damage = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('append' as const), junk: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('replace' as const), junk: fc.uint8Array({ maxLength: 300 }) }),
  fc.record({ kind: fc.constant('foreign' as const) }),
);

const snapshots = define('Engine.importSnapshot: a damaged index cache is rejected with a reason and the corpus kept', 5, damage, (how) => {
  const { bytes, verdicts } = fixedSnapshot();
  let damaged = bytes.slice();
  if (how.kind === 'truncate') damaged = damaged.slice(0, Math.floor(how.at * damaged.length));
  if (how.kind === 'flip') for (const [at, mask] of how.at) damaged[Math.min(damaged.length - 1, Math.floor(at * damaged.length))]! ^= mask;
  if (how.kind === 'append') damaged = new Uint8Array([...damaged, ...how.junk]);
  if (how.kind === 'replace') damaged = how.junk;
  const engine = new Engine();
  for (const [path, content] of Object.entries(FIXED_CORPUS)) engine.setSource(path, content);
  const result = engine.importSnapshot(damaged, { buildId: how.kind === 'foreign' ? 'another build' : 'fuzz' });
  if (result.ok) {
    // Only an intact blob may load (a flip can hit a byte twice and undo itself).
    assert.deepEqual(damaged, bytes, 'a damaged snapshot was accepted');
  } else {
    assert.ok(result.reason.length > 0, 'rejected without a reason');
  }
  assert.equal(verdictsOf(engine), verdicts, 'the verdicts changed after importing the snapshot');
});

export const PROPERTIES: PropertyDef<any>[] = [
  segmentation(true),
  segmentation(false),
  lineIndex,
  decoding,
  sourceParsing,
  tokenizing,
  extraction,
  indexKeying,
  numberParsing,
  folding,
  skeletons,
  checking,
  cancelling,
  snapshots,
];

export function property(name: string): PropertyDef<any> {
  const found = PROPERTIES.find((candidate) => candidate.name === name || candidate.name.startsWith(name));
  if (!found) throw new Error(`no property named ${name}; known: ${PROPERTIES.map((p) => p.name).join('; ')}`);
  return found;
}
