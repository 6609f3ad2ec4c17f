// The team set-up through the real server and the real CLI on one workspace:
// .corroborate.json is read by both, ignore comments and patterns hide the same
// claims in both, and a decision recorded in the editor hides the claim in CI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { Harness, makeWorkspace, pullCapabilities, repoRoot } from './harness.js';

const cli = join(repoRoot, 'dist', 'cli.js');

const SOURCE = 'De gepantserde trein haalt een maximumsnelheid van ongeveer 60 kilometer per uur.\n\nDe reis van Pyongyang naar Vladivostok duurt ongeveer 20 uur.\n';
const CONTRADICTION = 'The journey from Pyongyang to Vladivostok takes about 40 hours.';

function runCli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function codes(items: Diagnostic[]): string[] {
  return items.map((item) => String(item.code)).sort();
}

describe('teams: one configuration and the same ignores in the server and the CLI', () => {
  let harness: Harness;
  let workspace: string;

  before(async () => {
    // The corpus is in sources/, named only by .corroborate.json: a server that ignored the file would find no corpus.
    workspace = makeWorkspace({
      'sources/nl.txt': SOURCE,
      '.corroborate.json': JSON.stringify({
        corpus: { paths: ['sources'] },
        drafts: ['drafts/**/*.md'],
        severity: { unsupported: 'off' },
        ignore: { blocks: ['(?s)\\{\\{< quote >\\}\\}.*?\\{\\{< /quote >\\}\\}'] },
      }),
      'drafts/placeholder.md': '# Nothing yet\n',
    });
    harness = new Harness(workspace, { capabilities: pullCapabilities }).setCapabilities(pullCapabilities);
    await harness.initialize({ workspaceTrusted: true });
  });
  after(() => harness.shutdown());

  test('the server reads .corroborate.json: its corpus path and its severities', async () => {
    const text = `${CONTRADICTION}\n\nThe train has a cinema with forty seats.\n`;
    writeFileSync(join(workspace, 'drafts', 'a.md'), text);
    const document = await harness.open('drafts/a.md', text);
    const items = await harness.pullUntil(document.uri, 'the contradiction', (list) => list.some((item) => item.code === 'contradicted'));
    // unsupported: off in the file.
    assert.deepEqual(codes(items), ['contradicted']);
  });

  test('inline, per-verdict, off/on and pattern ignores hide the same claims in the editor and in CI', async () => {
    const text = [
      `${CONTRADICTION} <!-- corroborate-ignore -->`,
      '',
      `${CONTRADICTION.replace('takes', 'lasts')} <!-- corroborate-ignore contradicted, disputed -->`,
      '',
      '<!-- corroborate-off -->',
      'The trip from Pyongyang to Vladivostok takes about 40 hours.',
      '<!-- corroborate-on -->',
      '',
      '{{< quote >}}',
      'The train journey from Pyongyang to Vladivostok takes about 40 hours.',
      '{{< /quote >}}',
      '',
    ].join('\n');
    writeFileSync(join(workspace, 'drafts', 'ignored.md'), text);
    const document = await harness.open('drafts/ignored.md', text);
    // A control sentence first, so "no diagnostics" is not "not checked yet".
    const control = await harness.open('drafts/control.md', `${CONTRADICTION}\n`);
    await harness.pullUntil(control.uri, 'the control contradiction', (list) => list.some((item) => item.code === 'contradicted'));
    const report = await harness.pull(document.uri);
    assert.deepEqual(report.kind === 'full' ? report.items : null, []);
    const ci = runCli(['check', '--format', 'json', 'drafts/ignored.md'], workspace);
    assert.equal(ci.code, 0, ci.stdout + ci.stderr);
    const claims = JSON.parse(ci.stdout).drafts[0].claims as Array<{ verdict: string; ignored?: string }>;
    assert.deepEqual(claims.map((claim) => `${claim.verdict}:${claim.ignored}`), ['contradicted:inline', 'contradicted:inline', 'contradicted:block', 'contradicted:pattern']);
  });

  test('a decision recorded in the editor hides the claim in CI; it is stored one per line', async () => {
    const text = `${CONTRADICTION}\n`;
    writeFileSync(join(workspace, 'drafts', 'decided.md'), text);
    assert.equal(runCli(['check', 'drafts/decided.md'], workspace).code, 1, 'fails before the decision');
    const document = await harness.open('drafts/decided.md', text);
    const items = await harness.pullUntil(document.uri, 'the contradiction', (list) => list.some((item) => item.code === 'contradicted'));
    const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: document.uri },
      range: items[0]!.range,
      context: { diagnostics: items },
    });
    const ignore = actions.find((action) => action.command?.command === '_corroborate.ignoreClaim');
    assert.ok(ignore?.command);
    await harness.request(ExecuteCommandRequest.method, ignore.command);
    const file = readFileSync(join(workspace, '.corroborate', 'decisions.json'), 'utf8');
    assert.match(file, /\n {4}\{"key":"[^"\n]+","evidenceHash":"[^"\n]+","text":"The journey[^\n]*"date":"\d{4}-\d\d-\d\d"\}\n/);
    const ci = runCli(['check', '--format', 'json', 'drafts/decided.md'], workspace);
    assert.equal(ci.code, 0, ci.stdout + ci.stderr);
    assert.equal(JSON.parse(ci.stdout).drafts[0].claims[0].ignored, 'decision');
    // Without arguments: the drafts glob of .corroborate.json. A decision is about the claim, so the same
    // sentence in drafts/a.md is hidden too; nothing fails.
    const all = runCli(['check', '--format', 'json'], workspace);
    assert.equal(all.code, 0, all.stdout + all.stderr);
    const drafts = JSON.parse(all.stdout).drafts as Array<{ path: string; claims: Array<{ verdict: string; ignored?: string }> }>;
    assert.deepEqual(drafts.map((draft) => draft.path).sort(), ['drafts/a.md', 'drafts/decided.md', 'drafts/ignored.md', 'drafts/placeholder.md']);
    assert.equal(drafts.find((draft) => draft.path === 'drafts/a.md')!.claims[0]!.ignored, 'decision');
  });

  test('editing .corroborate.json applies without restart', async () => {
    const document = await harness.open('drafts/b.md', 'The train has a cinema with forty seats.\n');
    assert.deepEqual(await harness.pull(document.uri).then((r) => (r.kind === 'full' ? r.items : [])), []);
    writeFileSync(join(workspace, '.corroborate.json'), JSON.stringify({ corpus: { paths: ['sources'] }, severity: { unsupported: 'warning' } }));
    const registered = JSON.stringify(harness.registrations);
    assert.match(registered, /"pattern":"\.corroborate\.json"/, 'the server watches the configuration file');
    await harness.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: harness.uri('.corroborate.json'), type: FileChangeType.Changed }],
    });
    await harness.pullUntil(document.uri, 'unsupported after the file changed', (list) => list.some((item) => item.code === 'unsupported'));
  });
});
