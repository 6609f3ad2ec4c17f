// The engine's verdict cache after corpus changes: a verdict is kept only when
// no change touched what it read (documents, keys, the name vocabulary), so a
// check after any sequence of changes must equal a full re-check.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../../server/src/core/engine.js';
import { generateArticle, generateDraft } from '../../../bench/generate.js';

function corpus(count: number): Array<{ path: string; text: string }> {
  const docs: Array<{ path: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const article = generateArticle(i, 3);
    docs.push({ path: `/corpus/${article.name}`, text: article.text });
  }
  return docs;
}

/** Draft sentences with one figure changed: new sources that support or contradict them. */
function echoes(draft: string): string[] {
  const sentences = draft.split('\n').filter((line) => /\d/.test(line) && !line.startsWith('#') && line.length > 40);
  return sentences.map((line, i) => (i % 2 ? line.replace(/\d+/, (d) => String(Number(d) + 1)) : line));
}

test('verdicts after corpus changes equal a full re-check, and unaffected sentences are not re-judged', () => {
  const docs = corpus(40);
  const draft = generateDraft(3);
  const cached = new Engine();
  const fresh = new Engine();
  for (const doc of docs) {
    cached.setSource(doc.path, doc.text);
    fresh.setSource(doc.path, doc.text);
  }
  const first = cached.checkDraft(draft);
  assert.ok(first.claims.length > 20, 'the draft has claims to check');
  const lines = echoes(draft);
  const changes: Array<(engine: Engine) => void> = [
    (e) => e.setSource('/corpus/new-1.md', `${lines[0]}\n`),
    (e) => e.setSource('/corpus/new-2.md', `${lines[1]}\n\n${lines[2]}\n`),
    (e) => e.setSource('/corpus/new-3.md', 'The weather in Bergen was mild on Tuesday, with 14 degrees at noon.\n'),
    (e) => e.setSource('/corpus/new-1.md', `${lines[3]}\n`),
    (e) => e.removeSource('/corpus/new-2.md'),
    (e) => e.setSource('/corpus/new-4.md', 'Vladmir Putni said 12 ministers met in Kharkiiv.\n'),
    (e) => e.removeSource(docs[5].path),
    (e) => e.setSource(docs[7].path, docs[7].text + `\n\n${lines[4]}\n`),
    (e) => e.removeSource('/corpus/new-1.md'),
    (e) => e.setSource('/corpus/new-5.md', `${lines[5] ?? lines[0]}\n\n${lines[6] ?? lines[1]}\n`),
  ];
  let kept = 0;
  for (const [step, change] of changes.entries()) {
    change(cached);
    change(fresh);
    const judgedBefore = cached.verdictStats.judged;
    const incremental = cached.checkDraft(draft);
    kept += first.claims.length - (cached.verdictStats.judged - judgedBefore);
    fresh.clearVerdicts();
    const full = fresh.checkDraft(draft);
    assert.deepEqual(incremental, full, `after change ${step}`);
  }
  assert.ok(cached.verdictStats.revalidated > 0 && kept > 0, 'some verdicts survive a change that does not concern them');
});

test('a new document sharing a sentence\'s keys invalidates its verdict', () => {
  const engine = new Engine();
  engine.setSource('/c/a.md', 'The bridge in Trondheim is 412 metres long, the council said.\n');
  engine.setSource('/c/b.md', 'Oslo had 700,000 inhabitants in 2020 according to the statistics office.\n');
  const draft = 'The bridge in Trondheim is 512 metres long.\n';
  const before = engine.checkDraft(draft).claims.map((c) => c.verdict);
  engine.setSource('/c/c.md', 'The new bridge in Trondheim is 512 metres long, engineers confirmed.\n');
  const after = engine.checkDraft(draft).claims.map((c) => c.verdict);
  engine.clearVerdicts();
  assert.deepEqual(after, engine.checkDraft(draft).claims.map((c) => c.verdict));
  assert.notDeepEqual(before, after);
});

test('an unrelated new document re-judges nothing; a document restating a draft sentence re-judges that sentence', () => {
  const engine = new Engine();
  for (const doc of corpus(30)) engine.setSource(doc.path, doc.text);
  const draft = generateDraft(3);
  const first = engine.checkDraft(draft);
  let judged = engine.verdictStats.judged;
  // Words no verdict has read (a file sharing even mid-frequency words with the
  // candidates shifts their idf weights by more than the drift allowance in a
  // corpus this small, and rightly re-judges).
  engine.setSource('/corpus/zz-unrelated.md', 'Qwrtp blorfted the zyxwvian gnarfles quixotically.\n');
  const afterUnrelated = engine.checkDraft(draft);
  assert.equal(engine.verdictStats.judged - judged, 0, 'no verdict read anything the unrelated file touched');
  assert.deepEqual(afterUnrelated.claims.map((c) => c.verdict), first.claims.map((c) => c.verdict));
  const unsupported = first.claims.find((c) => c.verdict === 'unsupported');
  assert.ok(unsupported, 'the generated draft has an unsupported sentence');
  judged = engine.verdictStats.judged;
  engine.setSource('/corpus/zz-echo.md', `${unsupported.text}\n`);
  const afterEcho = engine.checkDraft(draft);
  const rejudged = engine.verdictStats.judged - judged;
  assert.ok(rejudged >= 1 && rejudged < first.claims.length, `re-judged ${rejudged} of ${first.claims.length}`);
  assert.equal(afterEcho.claims.find((c) => c.key === unsupported.key)?.verdict, 'supported');
  engine.clearVerdicts();
  assert.deepEqual(engine.checkDraft(draft).claims.map((c) => c.verdict), afterEcho.claims.map((c) => c.verdict));
});
