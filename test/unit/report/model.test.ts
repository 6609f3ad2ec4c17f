// The claim report's pure parts (client/src/report/): the row model built from
// `corroborate/claims` JSON, the verdict filter, the check of webview messages,
// and the page's Content Security Policy. No VS Code, no DOM.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { ClaimJson, ClaimsResult, EvidenceJson } from '../../../server/src/lsp/protocol.js';
import { nonce, reportHtml } from '../../../client/src/report/html.js';
import {
  buildModel,
  draftOfSavedState,
  parseFilter,
  parseWebviewMessage,
  reportTitle,
  rowFor,
  sourceLabel,
  summaryText,
  toggleFilter,
  visibleRows,
} from '../../../client/src/report/model.js';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

function evidence(stance: EvidenceJson['stance'], extra: Partial<EvidenceJson> = {}): EvidenceJson {
  return {
    uri: 'file:///ws/corpus/train.md',
    path: 'corpus/train.md',
    range: range(6, 0, 44),
    quote: 'The armoured train has a top  speed\nof 60 km/h.',
    stance,
    lang: 'en',
    meta: {},
    ...extra,
  };
}

function claim(key: string, verdict: ClaimJson['verdict'], line: number, items: EvidenceJson[] = [], extra: Partial<ClaimJson> = {}): ClaimJson {
  return { key, verdict, range: range(line, 0, 30), sentence: `Sentence ${key}.`, message: `Message ${key}.`, evidence: items, ...extra };
}

const RESULT: ClaimsResult = {
  uri: 'file:///ws/drafts/my%20draft.md',
  version: 7,
  counts: { supported: 1, contradicted: 1, disputed: 1, unsupported: 1, ignored: 1 },
  // Out of document order on purpose: the model sorts by position.
  claims: [
    claim('d', 'disputed', 8, [
      evidence('contradicts', { detail: '60 km/h', meta: { outlet: 'Example Times', title: 'The Armoured Train', date: '2023-09-12' } }),
      evidence('supports', { uri: 'file:///ws/corpus/b.txt', path: 'corpus/b.txt', range: range(25, 4, 40), meta: { title: 'Kim goes by train' } }),
    ]),
    claim('c', 'contradicted', 4, [evidence('contradicts', { detail: '60 km/h' })]),
    claim('s', 'supported', 2, [evidence('supports')]),
    claim('u', 'unsupported', 10),
    claim('i', 'unsupported', 12, [], { ignored: 'decision' }),
  ],
};

describe('claim report: row model', () => {
  const model = buildModel(RESULT);

  test('one row per claim in document order, 1-based lines, title from the draft file name', () => {
    assert.deepEqual(model.rows.map((row) => [row.key, row.line, row.index]), [['s', 3, 0], ['c', 5, 1], ['d', 9, 2], ['u', 11, 3], ['i', 13, 4]]);
    assert.equal(model.title, 'Claims — my draft.md');
    assert.equal(reportTitle('file:///a/b/draft.md'), 'Claims — draft.md');
    assert.equal(model.version, 7);
    assert.equal(model.uri, RESULT.uri);
  });

  test('counts per verdict; ignored claims count as ignored, not under their verdict', () => {
    assert.deepEqual(model.counts, { contradicted: 1, disputed: 1, unsupported: 1, supported: 1, ignored: 1 });
    const ignored = model.rows.find((row) => row.key === 'i')!;
    assert.equal(ignored.category, 'ignored');
    assert.equal(ignored.verdict, 'unsupported');
    assert.equal(ignored.verdictText, 'Unsupported (ignored: decision)');
    assert.equal(summaryText(model), '5 claims: 1 contradicted · 1 disputed · 1 unsupported · 1 supported · 1 ignored');
    assert.equal(summaryText(buildModel({ ...RESULT, claims: [claim('x', 'supported', 1)] })), '1 claim: 1 supported');
    assert.equal(summaryText(buildModel({ ...RESULT, claims: [] })), '0 claims');
  });

  test('every verdict has a word and an icon (not colour alone)', () => {
    for (const row of model.rows) {
      assert.match(row.verdictText, /^(Supported|Contradicted|Disputed|Unsupported)/);
      assert.ok(row.icon.length > 0);
    }
    assert.notEqual(model.rows[0]!.icon, model.rows[1]!.icon);
  });

  test('sources: outlet/title and date from meta, else the file name; agreeing ones first; quote on one line', () => {
    const disputed = model.rows.find((row) => row.key === 'd')!;
    assert.deepEqual(
      disputed.sources.map((source) => [source.index, source.label, source.location, source.where, source.stanceText]),
      [
        [1, 'Kim goes by train', 'corpus/b.txt:26', 'b.txt, line 26', 'agrees'],
        [0, 'Example Times — The Armoured Train, 2023-09-12', 'corpus/train.md:7', 'train.md, line 7', 'disagrees: 60 km/h'],
      ],
    );
    assert.equal(disputed.sources[1]!.quote, 'The armoured train has a top speed of 60 km/h.');
    assert.deepEqual(disputed.sources[0]!.start, { line: 25, character: 4 });
    assert.equal(disputed.sources[0]!.uri, 'file:///ws/corpus/b.txt');
    assert.equal(sourceLabel(evidence('supports')), 'train.md');
    assert.equal(model.rows.find((row) => row.key === 'c')!.sources[0]!.where, 'line 7', 'the file name is not repeated');
    assert.equal(sourceLabel(evidence('supports', { path: '', uri: 'file:///ws/x/%C3%A9t%C3%A9.txt' })), 'été.txt');
    assert.equal(sourceLabel(evidence('supports', { meta: { date: '2024-01-02' } })), 'train.md, 2024-01-02');
    const dated = buildModel({ ...RESULT, claims: [claim('x', 'supported', 1, [evidence('supports', { meta: { date: '2024-01-02' } })])] });
    assert.equal(dated.rows[0]!.sources[0]!.where, 'line 7');
    assert.deepEqual(model.rows.find((row) => row.key === 'u')!.sources, []);
  });

  test('corpus text is carried as plain data, unchanged (the webview sets it with textContent)', () => {
    const nasty = '<img src=x onerror=alert(1)> & <script>alert(2)</script>';
    const built = buildModel({
      ...RESULT,
      claims: [claim('n', 'supported', 1, [evidence('supports', { quote: nasty, meta: { title: nasty } })], { sentence: nasty })],
    });
    assert.equal(built.rows[0]!.sentence, nasty);
    assert.equal(built.rows[0]!.sources[0]!.quote, nasty);
    assert.equal(built.rows[0]!.sources[0]!.label, nasty);
  });
});

describe('claim report: filter', () => {
  const { rows } = buildModel(RESULT);

  test('no category selected shows every row; selected categories show only theirs', () => {
    assert.equal(visibleRows(rows, []).length, 5);
    assert.deepEqual(visibleRows(rows, ['contradicted']).map((row) => row.key), ['c']);
    assert.deepEqual(visibleRows(rows, ['disputed', 'contradicted']).map((row) => row.key), ['c', 'd']);
    assert.deepEqual(visibleRows(rows, ['ignored']).map((row) => row.key), ['i']);
    assert.deepEqual(visibleRows(rows, ['unsupported']).map((row) => row.key), ['u']);
  });

  test('toggling adds and removes a category, in a fixed order', () => {
    assert.deepEqual(toggleFilter([], 'supported'), ['supported']);
    assert.deepEqual(toggleFilter(['supported'], 'contradicted'), ['contradicted', 'supported']);
    assert.deepEqual(toggleFilter(['contradicted', 'supported'], 'supported'), ['contradicted']);
    assert.deepEqual(toggleFilter(['contradicted'], 'contradicted'), []);
  });

  test('a saved filter is restored without unknown entries', () => {
    assert.deepEqual(parseFilter(['supported', 'bogus', 3, 'disputed']), ['disputed', 'supported']);
    assert.deepEqual(parseFilter('supported'), []);
    assert.deepEqual(parseFilter(undefined), []);
  });
});

describe('claim report: messages from the webview', () => {
  const model = buildModel(RESULT);

  test('only known message types with well-formed fields are accepted', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', version: 7, row: 1, key: 'c', extra: 'dropped' }), { type: 'reveal', version: 7, row: 1, key: 'c' });
    assert.deepEqual(parseWebviewMessage({ type: 'openSource', version: 7, row: 2, key: 'd', source: 0 }), {
      type: 'openSource',
      version: 7,
      row: 2,
      key: 'd',
      source: 0,
    });
    for (const bad of [
      null,
      'reveal',
      [],
      { type: 'eval', code: 'x' },
      { type: 'reveal', version: 7, row: -1, key: 'c' },
      { type: 'reveal', version: 7, row: 1.5, key: 'c' },
      { type: 'reveal', version: 7, row: '1', key: 'c' },
      { type: 'reveal', version: 7, row: 1, key: '' },
      { type: 'reveal', version: 7, row: 1 },
      { type: 'openSource', version: 7, row: 1, key: 'c' },
      { type: 'openSource', version: 7, row: 1, key: 'c', source: -2 },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
    // A path or range in a message is never taken: the parsed message has none.
    const parsed = parseWebviewMessage({ type: 'openSource', version: 7, row: 1, key: 'c', source: 0, uri: 'file:///etc/passwd', line: 3 });
    assert.deepEqual(parsed, { type: 'openSource', version: 7, row: 1, key: 'c', source: 0 });
  });

  test('a message names a row of the sent list by index and key', () => {
    assert.equal(rowFor(model, { row: 1, key: 'c' })?.key, 'c');
    // The list was redrawn since the click (rows moved): the key finds the row.
    assert.equal(rowFor(model, { row: 0, key: 'd' })?.key, 'd');
    // A key that was never sent, or an index out of range with an unknown key: no row.
    assert.equal(rowFor(model, { row: 1, key: 'zzz' }), undefined);
    assert.equal(rowFor(model, { row: 99, key: 'nope' }), undefined);
    // Two rows with the same key (the same sentence twice) and the index does not match: ambiguous, no row.
    const twice = buildModel({ ...RESULT, claims: [claim('k', 'supported', 1), claim('k', 'supported', 3), claim('z', 'supported', 5)] });
    assert.equal(rowFor(twice, { row: 1, key: 'k' })?.line, 4);
    assert.equal(rowFor(twice, { row: 2, key: 'k' }), undefined);
  });
});

describe('claim report: page', () => {
  test('a strict CSP: nothing by default, styles from the webview source, the script by nonce only', () => {
    const n = nonce();
    assert.match(n, /^[0-9a-f]{32}$/);
    assert.notEqual(nonce(), n);
    const html = reportHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: n, script: 'https://x.vscode-cdn.net/media/report.js', style: 'https://x.vscode-cdn.net/media/report.css' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.equal(csp, `default-src 'none'; style-src https://x.vscode-cdn.net; script-src 'nonce-${n}'`);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="${n}" src="https://x.vscode-cdn.net/media/report.js">`]);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /<style/i, 'no inline styles');
  });
});

describe('claim report: style sheet', () => {
  const css = readFileSync(new URL('../../../../media/report.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

  test('every colour comes from the theme (VS Code variables), so light, dark and high contrast all work', () => {
    const declarations = [...css.matchAll(/(?:^|[;{\s])((?:background(?:-color)?|color|border(?:-[a-z]+)*|outline(?:-color)?))\s*:\s*([^;}]+)/g)];
    assert.ok(declarations.length > 20, `found ${declarations.length} colour declarations`);
    for (const [, property, value] of declarations) {
      const literal = value!.replace(/var\([^()]*(?:\([^()]*\))?[^()]*\)/g, '').match(/#[0-9a-f]{3,8}\b|\b(?:rgb|hsl)a?\(|\b(?:white|black|red|green|blue|gray|grey|yellow|orange)\b/i);
      assert.equal(literal, null, `${property}: ${value} has a literal colour`);
    }
  });

  test('text wraps and the table never needs sideways scrolling', () => {
    assert.match(css, /table-layout:\s*fixed/);
    assert.match(css, /overflow-wrap:\s*anywhere/);
    assert.match(css, /@media \(max-width: 720px\)/);
  });
});

test('a report restored after a window reload finds its draft in the saved state, and only a document URI', () => {
  assert.equal(draftOfSavedState({ filter: [], scrollY: 0, model: { uri: 'file:///ws/draft.md', rows: [] } }), 'file:///ws/draft.md');
  assert.equal(draftOfSavedState({ model: { uri: 'untitled:Untitled-1' } }), 'untitled:Untitled-1');
  for (const state of [undefined, null, {}, { model: {} }, { model: { uri: 42 } }, { model: { uri: 'command:corroborate.disable' } }, { model: { uri: 'https://example.com/x.md' } }]) {
    assert.equal(draftOfSavedState(state), undefined, JSON.stringify(state));
  }
});
