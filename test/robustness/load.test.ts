// Load through the real server: 1,000 edits in a burst (didChange versions
// 1..1000) in push and pull mode. The diagnostics shown at the end are those
// of a fresh check of the final text, superseded versions are cancelled rather
// than checked and published late, and the server's memory stays flat over a
// second burst.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DidOpenTextDocumentNotification, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Harness, makeWorkspace, pullCapabilities, pushCapabilities, repoRoot } from '../protocol/harness.js';

const EDITS = 1000;
const TIMEOUT_MS = 120_000;
/** Allowed RSS growth of the server over a second burst (the first one warms caches). */
const RSS_GROWTH_LIMIT_MB = 64;

const CORPUS = {
  'corpus/train.md': '# The train\n\nThe armoured train has a top speed of 60 km/h.\n\nThe train has ninety carriages.\n\nThe trip from Pyongyang to Vladivostok takes about 20 hours.\n',
  'corpus/tog.txt': 'Toget har en toppfart på rundt 60 km/t.\n\nToget har 90 vogner.\n',
};

const BASE = '# Notes\n\nThe armoured train has a top speed of 88 km/h.\n\nThe trip from Pyongyang to Vladivostok takes about 20 hours.\n\nThe train has a swimming pool on board.\n';

function version(n: number): string {
  return `${BASE}\nThe train has ${n} carriages.\n`;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** What a diagnostic says, without the data only quick fixes read. */
function essence(items: Diagnostic[]) {
  return items.map((item) => ({ range: item.range, code: item.code, severity: item.severity, message: item.message }));
}

async function openAt(harness: Harness, path: string, text: string, at: number): Promise<TextDocument> {
  const document = TextDocument.create(harness.uri(path), 'markdown', at, text);
  await harness.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: document.uri, languageId: 'markdown', version: at, text } });
  return document;
}

/** Sends versions from+1..to as full-text changes without waiting for any answer. */
async function burst(harness: Harness, document: TextDocument, to: number, onEach?: (document: TextDocument) => void): Promise<TextDocument> {
  let current = document;
  while (current.version < to) {
    current = await harness.change(current, version(current.version + 1));
    onEach?.(current);
  }
  return current;
}

/** The CLI's verdicts for the same text (a fresh process, a fresh engine). */
function cliClaims(workspace: string, text: string): { verdict: string; range: Diagnostic['range'] }[] {
  writeFileSync(join(workspace, 'final.md'), text);
  const run = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'check', '--format', 'json', '--fail-on', 'none', 'final.md'], { cwd: workspace, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { drafts: { claims: { verdict: string; range: Diagnostic['range'] }[] }[] }).drafts[0]!.claims;
}

describe('1,000 edits in a burst, push diagnostics', () => {
  let harness: Harness;

  before(async () => {
    harness = new Harness(makeWorkspace(CORPUS), { capabilities: pushCapabilities, settings: { debounceMs: 0 }, timeoutMs: TIMEOUT_MS }).setCapabilities(pushCapabilities);
    await harness.initialize();
  });
  after(() => harness.shutdown());

  test('the last version is published last, superseded versions are not checked, and the result equals a fresh check; memory stays flat', async (t) => {
    let document = await openAt(harness, 'draft.md', version(0), 0);
    const published = () => harness.published.get(document.uri) ?? [];
    const checkedVersions = () => (harness.statuses as { uri: string; version: number }[]).filter((status) => status.uri === document.uri).map((status) => status.version);
    await harness.waitFor('the first check', () => published().some((item) => item.version === 0));
    const before = published().length;
    const rssStart = rssMb(harness.child.pid!);

    const started = Date.now();
    document = await burst(harness, document, EDITS);
    await harness.waitFor(`version ${EDITS} published`, () => published().some((item) => item.version === EDITS));
    const burstMs = Date.now() - started;
    // A round trip after the last publication: anything still queued for an older version would have gone out by now.
    const report = await harness.request<{ version: number } | null>('corroborate/report', { uri: document.uri });
    assert.equal(report?.version, EDITS);

    const during = published().slice(before);
    const versions = during.map((item) => item.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `publications out of order: ${versions.join(',')}`);
    assert.equal(versions.at(-1), EDITS, 'the last publication is not for the last version');
    const checked = checkedVersions().filter((v) => v > 0);
    assert.ok(checked.length < EDITS, `all ${EDITS} versions were checked: nothing superseded was cancelled`);
    assert.equal(Math.max(...checked), EDITS);

    // A fresh check of the final text: a new document in the same server, and the CLI in a new process.
    const final = published().at(-1)!.diagnostics;
    const fresh = await openAt(harness, 'fresh.md', version(EDITS), 1);
    await harness.waitFor('the fresh document published', () => (harness.published.get(fresh.uri) ?? []).length > 0);
    assert.deepEqual(essence(final), essence(harness.published.get(fresh.uri)!.at(-1)!.diagnostics));
    const cli = cliClaims(harness.workspace, version(EDITS)).filter((claim) => claim.verdict !== 'supported');
    assert.deepEqual(final.map((item) => [item.code, item.range]), cli.map((claim) => [claim.verdict, claim.range]));
    assert.ok(final.some((item) => item.code === 'contradicted' && item.range.start.line === 8), 'the 1000 carriages are not contradicted');

    // A second burst: memory must not grow with the number of edits.
    const rssAfterFirst = rssMb(harness.child.pid!);
    document = await burst(harness, document, 2 * EDITS);
    await harness.waitFor(`version ${2 * EDITS} published`, () => published().some((item) => item.version === 2 * EDITS));
    const rssAfterSecond = rssMb(harness.child.pid!);
    t.diagnostic(`burst of ${EDITS} edits: ${burstMs} ms, ${checked.length} versions checked, ${versions.length} publications; server RSS ${rssStart.toFixed(0)} MB -> ${rssAfterFirst.toFixed(0)} MB -> ${rssAfterSecond.toFixed(0)} MB`);
    assert.ok(rssAfterSecond - rssAfterFirst < RSS_GROWTH_LIMIT_MB, `RSS grew ${(rssAfterSecond - rssAfterFirst).toFixed(0)} MB over the second burst`);
  });
});

describe('1,000 edits in a burst, pull diagnostics', () => {
  let harness: Harness;

  before(async () => {
    harness = new Harness(makeWorkspace(CORPUS), { capabilities: pullCapabilities, settings: { debounceMs: 50 }, timeoutMs: TIMEOUT_MS }).setCapabilities(pullCapabilities);
    await harness.initialize();
  });
  after(() => harness.shutdown());

  test('pulls for superseded versions are cancelled or answered for their own version, never an older one; the final pull equals a fresh check', async () => {
    let document = await openAt(harness, 'draft.md', version(0), 0);
    await harness.pull(document.uri);
    // An editor pulls after each change; none of these is awaited before the next edit.
    const pulls: { version: number; answer: Promise<DocumentDiagnosticReport | { error: number }> }[] = [];
    document = await burst(harness, document, EDITS, (current) => {
      if (current.version % 10 !== 0) return;
      pulls.push({
        version: current.version,
        answer: (harness.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: current.uri } }) as Promise<DocumentDiagnosticReport>).catch((error: { code: number }) => ({ error: error.code })),
      });
    });
    const answers = await Promise.all(pulls.map((pull) => pull.answer));
    let fulfilled = 0;
    for (const [index, answer] of answers.entries()) {
      if ('error' in answer) {
        assert.ok(answer.error === -32802 || answer.error === -32800, `pull ${pulls[index]!.version}: error ${answer.error}`);
        continue;
      }
      fulfilled++;
      const answeredVersion = Number(String((answer as { resultId?: string }).resultId).split(':')[0]);
      assert.ok(answeredVersion >= pulls[index]!.version, `a pull sent at version ${pulls[index]!.version} was answered with version ${answeredVersion}`);
    }
    assert.ok(fulfilled < pulls.length, 'no superseded pull was cancelled');
    const final = await harness.pull(document.uri);
    assert.equal(final.kind, 'full');
    assert.equal(Number(String(final.resultId).split(':')[0]), EDITS);
    const fresh = await openAt(harness, 'fresh.md', version(EDITS), 1);
    const freshReport = await harness.pull(fresh.uri);
    assert.deepEqual(essence(final.kind === 'full' ? final.items : []), essence(freshReport.kind === 'full' ? freshReport.items : []));
  });
});
