import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../server/src/core/engine.js';

test('engine starts with an empty corpus', () => {
  const engine = new Engine();
  assert.deepEqual(engine.stats(), { documents: 0, sentences: 0 });
});
