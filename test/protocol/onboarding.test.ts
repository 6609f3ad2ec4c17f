// The corpus status tells the client which corpus folders are configured and
// whether any exists, so an editor can offer to choose one (VS Code: a one-time
// notification with "Choose Folder…").

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pullCapabilities, startHarness, writeFile, type Harness } from './harness.js';
import type { CorpusStatusParams } from '../../server/src/lsp/protocol.js';

describe('corpus status: missing corpus', () => {
  let harness: Harness | undefined;
  after(() => harness?.shutdown());

  test('a workspace without corpus/ is reported missing; once the folder exists and is re-indexed, it is not', async () => {
    harness = await startHarness({ 'drafts/a.md': 'The train has ninety carriages.\n' }, { capabilities: pullCapabilities });
    const ready = () => harness!.corpusStatuses.filter((s) => (s as CorpusStatusParams).state === 'ready') as CorpusStatusParams[];
    await harness.waitFor('a ready status', () => ready().length > 0);
    const first = ready()[0];
    assert.equal(first.missing, true);
    assert.deepEqual(first.corpusPaths, ['corpus']);
    mkdirSync(join(harness.workspace, 'corpus'));
    writeFile(harness.workspace, 'corpus/train.md', 'The armoured train has ninety carriages.\n');
    const seen = ready().length;
    await harness.request('workspace/executeCommand', { command: '_corroborate.reindex', arguments: [] }).catch(() => undefined);
    await harness.waitFor('a second ready status', () => ready().length > seen);
    assert.equal(ready().at(-1)!.missing, false);
  });
});
