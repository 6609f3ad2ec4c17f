// How messages name sources: outlet (else author, else title) and date from the
// source's metadata, the file name when it has none; the engine's messages use it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../../server/src/core/engine.js';
import { sourceLabel, sourceLabels } from '../../../server/src/core/verify/report.js';

test('sourceLabel: outlet, author, title, file name; the date when known', () => {
  assert.equal(sourceLabel('corpus/a.md', { outlet: 'NRK', title: 'Kim visits', date: '2023-09-12' }), 'NRK, 2023-09-12');
  assert.equal(sourceLabel('corpus/a.pdf', { author: 'Reuters', title: 'Report' }), 'Reuters');
  assert.equal(sourceLabel('corpus/a.html', { title: 'Kim goes by train', date: '2023-09' }), '“Kim goes by train”, 2023-09');
  assert.equal(sourceLabel('corpus/003_976d.txt', { date: '2023-09' }), '003_976d, 2023-09');
  assert.equal(sourceLabel('corpus/003_976d.txt', {}), '003_976d');
  assert.equal(sourceLabel('x.docx', { title: 'A'.repeat(100) }).length, 62);
});

test('sourceLabels: two files with one label are told apart by their file names', () => {
  assert.deepEqual(
    sourceLabels([
      { path: 'c/a.md', meta: { outlet: 'NRK', date: '2023-09-12' } },
      { path: 'c/b.md', meta: { outlet: 'NRK', date: '2023-09-12' } },
      { path: 'c/a.md', meta: { outlet: 'NRK', date: '2023-09-12' } },
      { path: 'c/c.md', meta: {} },
    ]),
    ['NRK, 2023-09-12 [a]', 'NRK, 2023-09-12 [b]', 'c'],
  );
});

test('engine messages name sources by their front matter, else by file name', () => {
  const engine = new Engine();
  engine.setSource('corpus/nrk.md', '---\noutlet: NRK\ndate: 2023-09-12\n---\nThe armoured train has a top speed of 60 km/h.\n');
  engine.setSource('corpus/plain.txt', 'The train has 90 carriages.\n');
  const [speed, carriages] = engine.checkDraft('The armoured train has a top speed of 80 km/h.\n\nThe train has 19 carriages.\n').claims;
  assert.equal(speed.verdict, 'contradicted');
  assert.match(speed.message, /60 km\/h \(NRK, 2023-09-12\)/);
  assert.equal(carriages.verdict, 'contradicted');
  assert.match(carriages.message, /90 carriages \(plain\)/);
});
