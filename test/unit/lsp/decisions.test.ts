import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  addDecision,
  DecisionSet,
  DecisionStore,
  evidenceHash,
  parseDecisions,
  serializeDecisions,
} from '../../../server/src/lsp/decisions.js';

const decision = { key: 'k1', text: 'The train has a pool.', evidenceHash: 'e1', date: '2024-01-02' };

describe('decisions', () => {
  test('evidence hash ignores order and whitespace, and changes with the sources', () => {
    const a = { source: 'corpus/a.md', quote: 'Top  speed 60 km/h.', stance: 'contradicts' };
    const b = { source: 'corpus/b.md', quote: 'It has 90 cars.', stance: 'supports' };
    assert.equal(evidenceHash([a, b]), evidenceHash([b, { ...a, quote: 'Top speed 60 km/h. ' }]));
    assert.notEqual(evidenceHash([a, b]), evidenceHash([a]));
    assert.notEqual(evidenceHash([a]), evidenceHash([{ ...a, quote: 'Top speed 70 km/h.' }]));
    assert.equal(evidenceHash([]).length, 16);
  });

  test('parse: empty is an empty document; invalid JSON and wrong shapes are errors', () => {
    assert.deepEqual(parseDecisions(undefined), { ok: true, document: { version: 1, ignored: [] } });
    assert.equal(parseDecisions('{ nope').ok, false);
    assert.equal(parseDecisions('[]').ok, false);
    assert.equal(parseDecisions('{"ignored": 3}').ok, false);
  });

  test('add keeps other entries and fields, replaces the same claim+evidence', () => {
    const parsed = parseDecisions(JSON.stringify({ version: 1, owner: 'team', ignored: [{ key: 'other', evidenceHash: 'x', note: 'keep' }, { ...decision, date: 'old' }] }));
    assert.ok(parsed.ok);
    const updated = addDecision(parsed.document, decision);
    // Sorted by key: two people adding decisions touch different lines.
    assert.deepEqual(updated.ignored, [decision, { key: 'other', evidenceHash: 'x', note: 'keep' }]);
    assert.equal(updated.owner, 'team');
    assert.match(serializeDecisions(updated), /^\{\n {2}"version": 1,\n {2}"owner": "team",/);
  });

  test('the set matches key and evidence hash together', () => {
    const set = new DecisionSet([decision, { bogus: true }]);
    assert.ok(set.has('k1', 'e1'));
    assert.ok(!set.has('k1', 'e2'), 'new evidence brings the claim back');
    assert.equal(set.size, 1);
  });

  test('store: read-modify-write preserves entries; an invalid file is reported and never overwritten', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'corroborate-decisions-'));
    try {
      const store = new DecisionStore(folder);
      assert.deepEqual(await store.load(), { ok: true, decisions: new DecisionSet([]) });
      const [first, second] = await Promise.all([store.record(decision), store.record({ ...decision, key: 'k2' })]);
      assert.ok(first.ok && second.ok);
      const written = JSON.parse(readFileSync(store.path, 'utf8'));
      assert.deepEqual(written.ignored.map((entry: { key: string }) => entry.key), ['k1', 'k2']);

      writeFileSync(store.path, '{ "ignored": [ broken');
      const failed = await store.record({ ...decision, key: 'k3' });
      assert.equal(failed.ok, false);
      assert.match(failed.ok ? '' : failed.error, /invalid JSON.*not overwriting/);
      assert.equal(readFileSync(store.path, 'utf8'), '{ "ignored": [ broken');
      assert.equal((await store.load()).ok, false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('store: creates the .corroborate folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'corroborate-decisions-'));
    try {
      mkdirSync(join(folder, 'sub'));
      const store = new DecisionStore(join(folder, 'sub'));
      assert.ok((await store.record(decision)).ok);
      assert.match(readFileSync(join(folder, 'sub', '.corroborate', 'decisions.json'), 'utf8'), /"key":"k1"/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
