// The persisted index through the real server: the first start indexes and
// saves the cache, a restart loads it (and re-reads only what changed on disk
// meanwhile), a damaged cache is said in the log and ignored, and the
// diagnostics are the same either way.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ExitNotification, ShutdownRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { generateArticle } from '../../bench/generate.js';
import { Harness, makeWorkspace, pullCapabilities, writeFile } from './harness.js';

const SOURCE = 'The armoured train has 90 carriages. It travels at an average of 60 km/h.\n';
const DRAFT = '# Train\n\nThe armoured train has 19 carriages.\n\nIt travels at an average of 60 km/h.\n';

function files(): Record<string, string> {
  const result: Record<string, string> = { 'corpus/train.txt': SOURCE };
  for (let i = 0; i < 25; i++) {
    const article = generateArticle(i, 5);
    result[`corpus/news/${article.name}`] = article.text;
  }
  return result;
}

/** Starts a server on an existing workspace (the harness' own shutdown would delete it). */
async function start(workspace: string, storagePath: string): Promise<Harness> {
  const harness = new Harness(workspace, { capabilities: pullCapabilities, timeoutMs: 30_000 }).setCapabilities(pullCapabilities);
  await harness.initialize({ storagePath });
  return harness;
}

async function stop(harness: Harness): Promise<void> {
  await harness.connection.sendRequest(ShutdownRequest.type);
  await harness.connection.sendNotification(ExitNotification.type);
  await harness.waitFor('the server to exit', () => harness.exited);
  harness.connection.dispose();
}

const summary = (items: Diagnostic[]) => items.map((item) => `${item.range.start.line}:${item.code}:${item.message}`).sort();

async function diagnosticsOfDraft(harness: Harness): Promise<string[]> {
  const document = await harness.open('draft.md', DRAFT);
  // The pull waits for the corpus to be ready.
  return summary(await harness.pullUntil(document.uri, 'the draft checked', () => true));
}

test('the index cache: saved after the first index, loaded on restart, changed files re-read alone, damage ignored', async () => {
  const workspace = makeWorkspace(files());
  const storage = mkdtempSync(join(tmpdir(), 'corroborate-storage-'));
  try {
    // First start: a cold index, then the cache is written.
    let harness = await start(workspace, storage);
    const cold = await diagnosticsOfDraft(harness);
    assert.ok(cold.some((line) => line.includes('contradicted')), cold.join('\n'));
    await harness.waitFor('the cache saved', () => harness.logs.some((line) => line.includes('index cache saved')));
    await stop(harness);
    const cacheFiles = readdirSync(storage).filter((name) => name.endsWith('.bin'));
    assert.equal(cacheFiles.length, 1);

    // Restart: loaded from the cache, nothing re-indexed, the same diagnostics.
    harness = await start(workspace, storage);
    assert.deepEqual(await diagnosticsOfDraft(harness), cold);
    assert.ok(harness.logs.some((line) => /index cache loaded: 26 documents/.test(line)), harness.logs.join('\n'));
    assert.ok(harness.logs.some((line) => /from the index cache, 0 file\(s\) re-indexed/.test(line)), harness.logs.join('\n'));
    await stop(harness);

    // Changed while the server was down: one file edited, one deleted, one added.
    writeFile(workspace, 'corpus/train.txt', SOURCE.replace('90 carriages', '19 carriages'));
    const news = readdirSync(join(workspace, 'corpus', 'news')).sort();
    rmSync(join(workspace, 'corpus', 'news', news[0]));
    writeFile(workspace, 'corpus/news/extra.txt', generateArticle(99, 5).text);
    harness = await start(workspace, storage);
    const updated = await diagnosticsOfDraft(harness);
    assert.ok(!updated.some((line) => line.startsWith('2:contradicted')), updated.join('\n'));
    assert.ok(harness.logs.some((line) => /from the index cache, 3 file\(s\) re-indexed or removed/.test(line)), harness.logs.join('\n'));
    await harness.waitFor('the cache saved again', () => harness.logs.some((line) => line.includes('index cache saved')));
    await stop(harness);

    // A damaged cache is reported and ignored: the corpus is indexed from scratch, with the same result.
    const cacheFile = join(storage, cacheFiles[0]);
    const bytes = readFileSync(cacheFile);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(cacheFile, bytes);
    harness = await start(workspace, storage);
    assert.deepEqual(await diagnosticsOfDraft(harness), updated);
    assert.ok(harness.logs.some((line) => /index cache .* ignored: checksum mismatch/.test(line)), harness.logs.join('\n'));
    await stop(harness);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  }
});

test('without a storage path the cache goes to .corroborate/cache/ with a .gitignore', async () => {
  const workspace = makeWorkspace({ 'corpus/train.txt': SOURCE });
  try {
    const harness = new Harness(workspace, { capabilities: pullCapabilities, timeoutMs: 30_000 }).setCapabilities(pullCapabilities);
    await harness.initialize();
    await diagnosticsOfDraft(harness);
    await harness.waitFor('the cache saved', () => harness.logs.some((line) => line.includes('index cache saved')));
    await stop(harness);
    const dir = join(workspace, '.corroborate', 'cache');
    assert.equal(readFileSync(join(dir, '.gitignore'), 'utf8').trim().split('\n').pop(), '*');
    assert.equal(readdirSync(dir).filter((name) => name.endsWith('.bin')).length, 1);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});

