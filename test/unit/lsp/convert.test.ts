// The adapter's conversions on hand-built engine results: diagnostics, hover
// text, report and quick fixes (no server, no protocol connection).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClaimResult, Evidence } from '../../../server/src/core/types.js';
import { claimAt, countClaims, type CheckResult, type JudgedClaim } from '../../../server/src/lsp/checks.js';
import { claimData, isClaimData } from '../../../server/src/lsp/claimView.js';
import { claimActions, isActionData, resolveEdit, toDiagnostics, type ActionData } from '../../../server/src/lsp/convert.js';
import { escapeMarkdown, hoverMarkdown, reportMarkdown } from '../../../server/src/lsp/markdown.js';
import { DEFAULT_SETTINGS, parseSettings } from '../../../server/src/lsp/settings.js';

const FOLDER = '/ws';
const TEXT = '# Notes\n\nThe train does 88 km/h. It has ninety cars. It has a pool.\n';

function evidence(stance: Evidence['stance'], quote: string, line: number, extra: Partial<Evidence> = {}): Evidence {
  return {
    source: `${FOLDER}/corpus/train.md`,
    offsets: { start: 0, end: quote.length },
    range: { start: { line, character: 0 }, end: { line, character: quote.length } },
    quote,
    stance,
    lang: 'en',
    meta: { title: 'The Train', outlet: 'Times', date: '2023-09-12' },
    score: 0.9,
    ...extra,
  };
}

function claim(sentence: string, verdict: ClaimResult['verdict'], items: Evidence[], extra: Partial<ClaimResult> = {}): ClaimResult {
  const start = TEXT.indexOf(sentence);
  return {
    text: sentence,
    offsets: { start, end: start + sentence.length },
    range: { start: { line: 2, character: start - 9 }, end: { line: 2, character: start - 9 + sentence.length } },
    verdict,
    message: '',
    evidence: items,
    fixes: [],
    lang: 'en',
    key: `key-${verdict}`,
    ...extra,
  };
}

const contradicted = claim('The train does 88 km/h.', 'contradicted', [evidence('contradicts', 'The train does 60 km/h.', 6, { detail: '60 km/h' })], {
  fixes: [{ offsets: { start: TEXT.indexOf('88 km/h'), end: TEXT.indexOf('88 km/h') + 7 }, replacement: '60 km/h', source: `${FOLDER}/corpus/train.md` }],
});
const supported = claim('It has ninety cars.', 'supported', [evidence('supports', 'It has ninety cars.', 8)]);
const unsupported = claim('It has a pool.', 'unsupported', []);
const disputed = claim('The train does 88 km/h.', 'disputed', [
  evidence('supports', 'It does 88 km/h.', 3, { source: `${FOLDER}/corpus/a.md` }),
  evidence('contradicts', 'It does 60 km/h.', 4, { source: `${FOLDER}/corpus/b.md`, detail: '60 km/h' }),
]);

function result(claims: JudgedClaim[], version = 1): CheckResult {
  return { uri: 'file:///ws/drafts/n.md', version, stamp: '1.1.0', languageKey: 'auto', markdown: true, claims, corpusVersion: 1 };
}

const judged = (c: ClaimResult, ignored?: JudgedClaim['ignored']): JudgedClaim => ({ claim: c, evidenceHash: 'h', ignored });
const document = TextDocument.create('file:///ws/drafts/n.md', 'markdown', 1, TEXT);
const actionContext = { settings: DEFAULT_SETTINGS, folderPath: FOLDER, baseDir: '/ws/drafts', documentChanges: true, resolveEdits: false, canWriteDecisions: true };

function applied(edit: NonNullable<ReturnType<typeof claimActions>[number]['edit']>): string {
  const change = edit.documentChanges![0] as { textDocument: { version: number }; edits: TextEdit[] };
  assert.equal(change.textDocument.version, document.version);
  return TextDocument.applyEdits(document, change.edits);
}

describe('diagnostics', () => {
  test('severity per verdict, supported and ignored claims have none, evidence as related information', () => {
    const diagnostics = toDiagnostics(document, result([judged(contradicted), judged(supported), judged(unsupported), judged(disputed, 'decision')]), DEFAULT_SETTINGS, {
      folderPath: FOLDER,
      relatedInformation: true,
    });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [
      ['contradicted', DiagnosticSeverity.Warning],
      ['unsupported', DiagnosticSeverity.Information],
    ]);
    const [first] = diagnostics;
    assert.equal(first!.source, 'corroborate');
    assert.deepEqual(first!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 23 } });
    assert.match(String(first!.message), /Times, 2023-09-12 says 60 km\/h/);
    assert.equal(first!.relatedInformation![0]!.location.uri, 'file:///ws/corpus/train.md');
    assert.match(first!.relatedInformation![0]!.message, /^Disagrees \(60 km\/h\): "The train does 60 km\/h\."/);
    assert.ok(isClaimData(first!.data));
  });

  test('related information in a PDF points at its extracted text for a client that shows it', () => {
    const pdf = claim('The train does 88 km/h.', 'contradicted', [evidence('contradicts', 'The train does 60 km/h.', 6, { source: `${FOLDER}/corpus/r.pdf`, format: 'pdf', detail: '60 km/h' })]);
    const uriOf = (sourceDocuments: boolean) =>
      toDiagnostics(document, result([judged(pdf)]), DEFAULT_SETTINGS, { folderPath: FOLDER, relatedInformation: true, sourceDocuments })[0]!.relatedInformation![0]!.location.uri;
    assert.equal(uriOf(true), 'corroborate-source:///ws/corpus/r.pdf');
    assert.equal(uriOf(false), 'file:///ws/corpus/r.pdf');
  });

  test('severity settings, including off and supported', () => {
    const settings = parseSettings({ severity: { unsupported: 'off', supported: 'hint', contradicted: 'error' } }).settings;
    const diagnostics = toDiagnostics(document, result([judged(contradicted), judged(supported), judged(unsupported)]), settings, { folderPath: FOLDER, relatedInformation: false });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [
      ['contradicted', DiagnosticSeverity.Error],
      ['supported', DiagnosticSeverity.Hint],
    ]);
    assert.equal(diagnostics[0]!.relatedInformation, undefined);
  });

  test('claimAt picks the innermost sentence; counts skip ignored claims', () => {
    const claims = [judged(contradicted), judged(supported), judged(unsupported, 'inline')];
    assert.equal(claimAt(claims, TEXT.indexOf('ninety'))?.claim, supported);
    assert.equal(claimAt(claims, 0), undefined);
    assert.deepEqual(countClaims(claims), { supported: 1, contradicted: 1, disputed: 0, unsupported: 0, ignored: 1 });
  });
});

describe('hover and report', () => {
  test('hover of a supported sentence: exactly the sources that say it, named by outlet and date, linked to their line', () => {
    const two = claim('It has ninety cars.', 'supported', [
      evidence('supports', 'It has ninety cars.', 8),
      evidence('supports', 'Het heeft negentig wagons.', 2, { source: `${FOLDER}/corpus/nl/trein.md`, lang: 'nl', meta: {} }),
    ], { message: 'Supported by Times, 2023-09-12; trein.' });
    assert.equal(
      hoverMarkdown(two, { folderPath: FOLDER }),
      [
        '**Corroborate: supported**',
        '**Supported by** (2 sources)',
        '- [Times, 2023-09-12](file:///ws/corpus/train.md#L9) · train.md, line 9: “It has ninety cars.”\n' +
          '- [trein.md](file:///ws/corpus/nl/trein.md#L3) · line 3 · nl: “Het heeft negentig wagons.”',
      ].join('\n\n'),
    );
  });

  test('hover of a contradicted sentence: exactly the value the source gives and its quote, not the message', () => {
    const text = hoverMarkdown({ ...contradicted, message: 'Contradicted: Times, 2023-09-12 says 60 km/h, not 88 km/h.' }, { folderPath: FOLDER });
    assert.equal(
      text,
      [
        '**Corroborate: contradicted**',
        '**Says 60 km/h** (1 source)',
        '- [Times, 2023-09-12](file:///ws/corpus/train.md#L7) · train.md, line 7: “The train does 60 km/h.”',
      ].join('\n\n'),
    );
    assert.ok(!text.includes('not 88 km/h'));
  });

  test('hover of a disputed sentence: exactly the sources grouped by the value they give, the draft\'s side first, never the message', () => {
    const threeWay = claim('The train does 88 km/h.', 'disputed', [
      evidence('supports', 'It does 88 km/h.', 3, { source: `${FOLDER}/corpus/a.md`, detail: '88 km/h', meta: { title: 'Rail news', outlet: 'Daily Post', date: '2023-01-02' } }),
      evidence('contradicts', 'It does 60 km/h.', 4, { source: `${FOLDER}/corpus/b.md`, detail: '60 km/h' }),
      evidence('contradicts', 'Top speed: 70 km/h.', 6, { source: `${FOLDER}/corpus/c.md`, detail: '70 km/h', meta: {} }),
      evidence('contradicts', 'It reached 60 km/h.', 2, { source: `${FOLDER}/corpus/d.md`, detail: '60 km/h', meta: { title: 'Speed' } }),
    ], { message: 'Disputed: the sources disagree on the top speed: 88 km/h (a) vs 60 km/h (b; d) and 70 km/h (c). Check before publishing.' });
    const text = hoverMarkdown(threeWay, { folderPath: FOLDER });
    assert.equal(
      text,
      [
        '**Corroborate: disputed**',
        '**Says 88 km/h, as the draft** (1 source)',
        '- [Daily Post, 2023-01-02](file:///ws/corpus/a.md#L4) · a.md, line 4: “It does 88 km/h.”',
        '**Says 60 km/h** (2 sources)',
        '- [Times, 2023-09-12](file:///ws/corpus/b.md#L5) · b.md, line 5: “It does 60 km/h.”\n' +
          '- [“Speed”](file:///ws/corpus/d.md#L3) · d.md, line 3: “It reached 60 km/h.”',
        '**Says 70 km/h** (1 source)',
        '- [c.md](file:///ws/corpus/c.md#L7) · line 7: “Top speed: 70 km/h.”',
      ].join('\n\n'),
    );
    assert.ok(!text.includes('Check before publishing') && !text.includes('the sources disagree'), text);
  });

  test('hover: evidence in a PDF links to its extracted text when the client shows it, to the file otherwise', () => {
    const pdf = claim('It has ninety cars.', 'supported', [
      evidence('supports', 'It has ninety cars.', 8, { source: `${FOLDER}/corpus/report.pdf`, format: 'pdf', meta: { title: 'Rail report', author: 'Reuters', date: '2023-09-10' } }),
    ]);
    const vscode = hoverMarkdown(pdf, { folderPath: FOLDER, sourceDocuments: true });
    const link = /\[Reuters, 2023-09-10\]\((command:corroborate\.openSource\?[^)\s]+)\) · report\.pdf, line 9 of its text: “It has ninety cars\.”/.exec(vscode);
    assert.ok(link, vscode);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1].slice('command:corroborate.openSource?'.length))), [{ uri: 'file:///ws/corpus/report.pdf', line: 8, character: 0 }]);
    assert.match(hoverMarkdown(pdf, { folderPath: FOLDER }), /\[Reuters, 2023-09-10\]\(file:\/\/\/ws\/corpus\/report\.pdf#L9\)/);
  });

  test('hover: an unsupported claim says what to do, not the message again; an ignored one only that it is ignored', () => {
    const message = 'Unsupported: no source in the corpus (5 documents) states this.';
    assert.equal(
      hoverMarkdown({ ...unsupported, message }, { folderPath: FOLDER }),
      '**Corroborate: unsupported**\n\n_Add a source to the corpus, or record that this needs none (quick fix *Ignore this claim*)._',
    );
    assert.equal(hoverMarkdown({ ...unsupported, message }, { folderPath: FOLDER, ignored: 'inline' }), '**Corroborate: unsupported** (ignored here)');
  });

  test('corpus text is escaped', () => {
    assert.equal(escapeMarkdown('<img src=x> [a](b) *x* | y & z'), '\\<img src=x\\> \\[a\\](b) \\*x\\* \\| y &amp; z');
    const text = hoverMarkdown(claim('It has a pool.', 'supported', [evidence('supports', '<script>alert(1)</script>', 1)]), { folderPath: FOLDER });
    assert.ok(!text.includes('<script>'));
  });

  test('report: one table row per claim with verdict and sources', () => {
    const text = reportMarkdown('n.md', [judged(contradicted), judged(supported), judged(unsupported, 'decision')], FOLDER);
    assert.match(text, /^# Claim report: n\.md/);
    assert.match(text, /0 supported|1 supported/);
    assert.match(text, /\| 3 \| The train does 88 km\/h\. \| Contradicted \| \[Times, 2023-09-12, train\.md:7\]\(file:\/\/\/ws\/corpus\/train\.md#L7\) \(disagrees: 60 km\/h\) \|/);
    assert.match(text, /\| It has a pool\. \| Unsupported \(ignored\) \| — \|/);
  });
});

describe('quick fixes', () => {
  const target = (c: ClaimResult, version = 1) => ({ uri: document.uri, version, markdown: true, judged: judged(c) });
  const lineDiagnostic = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, message: '' };

  test('a diagnostic names its claim only: key, verdict and document version', () => {
    const [diagnostic] = toDiagnostics(document, result([judged(contradicted)], 7), DEFAULT_SETTINGS, { folderPath: FOLDER, relatedInformation: true });
    assert.deepEqual(diagnostic!.data, { kind: 'corroborate.claim', version: 7, key: 'key-contradicted', verdict: 'contradicted' });
    assert.deepEqual(claimData(contradicted, 7), diagnostic!.data);
    assert.ok(isClaimData(diagnostic!.data));
    assert.ok(!isClaimData({ kind: 'corroborate.claim', version: 7, key: 'k', verdict: 'maybe' }));
  });

  test("use the source's value replaces only the span", () => {
    const actions = claimActions(document, target(contradicted), lineDiagnostic, actionContext);
    const fix = actions.find((action) => action.title.startsWith("Use the source's value: 60 km/h (corpus/train.md)"));
    assert.ok(fix?.edit && fix.isPreferred);
    assert.equal(applied(fix.edit), TEXT.replace('88 km/h', '60 km/h'));
    assert.ok(actions.some((action) => action.title.startsWith('Ignore this claim here')));
    const ignore = actions.find((action) => action.command?.command === '_corroborate.ignoreClaim');
    assert.deepEqual(ignore?.command?.arguments, [{ uri: document.uri, key: 'key-contradicted', text: 'The train does 88 km/h.', evidenceHash: 'h' }]);
    assert.ok(!actions.some((action) => action.title.startsWith('Insert citation')), 'nothing supports it');
  });

  test("use the source's value: one action per value, the most-supported first, at most three", () => {
    const at = TEXT.indexOf('88');
    const fix = (replacement: string, support: number, source = 'train.md') => ({ offsets: { start: at, end: at + 2 }, replacement, source: `${FOLDER}/corpus/${source}`, support });
    const many = claim('The train does 88 km/h.', 'disputed', contradicted.evidence, {
      fixes: [fix('61', 1), fix('62', 4, 'b.md'), fix('63', 2), fix('62', 4, 'c.md'), fix('88', 9), fix('64', 4, 'd.md'), fix('65', 1), fix('66', 1)],
    });
    const titles = claimActions(document, target(many), lineDiagnostic, actionContext)
      .map((action) => action.title)
      .filter((title) => title.startsWith("Use the source's value"));
    // 88 is the draft's own value (no change), 62 comes once; equal support keeps the engine's order.
    assert.deepEqual(titles, [
      "Use the source's value: 62 (corpus/b.md)",
      "Use the source's value: 64 (corpus/d.md)",
      "Use the source's value: 63 (corpus/train.md)",
    ]);
  });

  test('insert citation for a supported claim (no diagnostic: no ignore actions)', () => {
    const actions = claimActions(document, target(supported), undefined, actionContext);
    assert.deepEqual(actions.map((action) => action.title), ['Insert citation: The Train (train.md)']);
    assert.match(applied(actions[0]!.edit!), /It has ninety cars\.\[\^the-train\] It has a pool\.\n\n\[\^the-train\]: The Train, Times, 2023-09-12\. \.\.\/corpus\/train\.md\n$/);
  });

  test('a check of another version gives no actions; untrusted: no decision command', () => {
    const moved = TextDocument.create(document.uri, 'markdown', 2, `Intro. ${TEXT}`);
    assert.deepEqual(claimActions(moved, target(contradicted), lineDiagnostic, actionContext), []);
    const untrusted = claimActions(document, target(contradicted), lineDiagnostic, { ...actionContext, canWriteDecisions: false });
    assert.ok(untrusted.length > 0 && !untrusted.some((action) => action.command));
  });

  test('a client that resolves edits gets actions with data and no edit; resolving gives the eager edit', () => {
    const eager = claimActions(document, target(contradicted), lineDiagnostic, actionContext);
    const lazy = claimActions(document, target(contradicted), lineDiagnostic, { ...actionContext, resolveEdits: true });
    assert.deepEqual(lazy.map((action) => action.title), eager.map((action) => action.title));
    for (const [index, action] of lazy.entries()) {
      if (action.command) {
        assert.deepEqual(action.command, eager[index]!.command, 'a command needs no resolving');
        continue;
      }
      assert.equal(action.edit, undefined);
      assert.ok(isActionData(action.data), JSON.stringify(action.data));
      assert.deepEqual(resolveEdit(document, target(contradicted), action.data, action.title, actionContext), eager[index]!.edit);
    }
    const value = lazy.find((action) => action.title.startsWith("Use the source's value"))!;
    const data = value.data as ActionData;
    // Stale: another version of the document, of the check, another verdict or another action list.
    const later = TextDocument.create(document.uri, 'markdown', 2, TEXT);
    assert.equal(resolveEdit(later, target(contradicted, 2), data, value.title, actionContext), undefined);
    assert.equal(resolveEdit(document, target(contradicted, 2), data, value.title, actionContext), undefined);
    assert.equal(resolveEdit(document, target({ ...contradicted, verdict: 'disputed' }), data, value.title, actionContext), undefined);
    assert.equal(resolveEdit(document, target(contradicted), { ...data, id: 'value:1' }, value.title, actionContext), undefined);
    assert.equal(resolveEdit(document, target(contradicted), data, "Use the source's value: 70 km/h (corpus/train.md)", actionContext), undefined);
  });
});
