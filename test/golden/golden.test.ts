// Golden tests: each folder under test/fixtures/golden holds a small corpus,
// a draft and the verdicts expected for it — one behaviour per folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../server/src/core/engine.js';
import { loadCorpus } from '../../server/src/node/loadCorpus.js';

const root = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'golden');

for (const name of readdirSync(root)) {
  test(`golden: ${name}`, async () => {
    const dir = join(root, name);
    const engine = new Engine();
    await loadCorpus(engine, [join(dir, 'corpus')]);
    const draft = readFileSync(join(dir, 'draft.md'), 'utf8');
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { claims: Array<{ text: string; verdict: string }> };
    const report = engine.checkDraft(draft);
    const actual = report.claims.map((c) => ({ text: c.text, verdict: c.verdict, message: c.message }));
    assert.deepEqual(
      actual.map(({ text, verdict }) => ({ text, verdict })),
      expected.claims,
      JSON.stringify(actual, null, 2),
    );
  });
}
