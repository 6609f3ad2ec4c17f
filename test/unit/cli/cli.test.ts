// The `corroborate check` command as CI and scripts use it: output formats and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');

function run(args: string[], cwd = repo) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(draft: string) {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-'));
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'corpus', 'nl-source.txt'), 'De gepantserde trein haalt een maximumsnelheid van ongeveer 60 kilometer per uur.\n\nDe reis van Pyongyang naar Vladivostok duurt ongeveer 20 uur.\n');
  writeFileSync(join(dir, 'corpus', 'en-source.txt'), 'The armoured train is heavy: its maximum speed is about 88 kilometres per hour.\n');
  writeFileSync(join(dir, 'draft.md'), draft);
  return dir;
}

test('json output has the documented shape and exit code 1 on a dispute', () => {
  const dir = workspace('# Draft\n\nThe armoured train has a maximum speed of 88 km/h.\n');
  const { code, stdout } = run(['check', '--format', 'json', 'draft.md'], dir);
  assert.equal(code, 1);
  const json = JSON.parse(stdout);
  assert.equal(json.corpus.documents, 2);
  assert.ok(json.corpus.sentences >= 3);
  assert.deepEqual(json.corpus.problems, []);
  const claim = json.drafts[0].claims[0];
  assert.equal(json.drafts[0].path, 'draft.md');
  assert.equal(claim.text, 'The armoured train has a maximum speed of 88 km/h.');
  assert.deepEqual(claim.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 50 } });
  assert.equal(claim.verdict, 'disputed');
  assert.match(claim.message, /60 km\/h/);
  const stances = claim.evidence.map((e: { source: string; stance: string }) => `${e.stance}:${e.source}`).sort();
  assert.deepEqual(stances, ['contradicts:corpus/nl-source.txt', 'supports:corpus/en-source.txt']);
  const against = claim.evidence.find((e: { stance: string }) => e.stance === 'contradicts');
  assert.equal(against.detail, 'about 60 km/h');
  assert.equal(typeof against.quote, 'string');
  assert.deepEqual(claim.fixes[0].replacement, '60');
});

test('--fail-on none exits 0; supported-only drafts exit 0', () => {
  const dir = workspace('The armoured train has a maximum speed of 88 km/h.\n');
  assert.equal(run(['check', '--fail-on', 'none', 'draft.md'], dir).code, 0);
  const ok = workspace('The journey from Pyongyang to Vladivostok takes about 20 hours.\n');
  const result = run(['check', '--format', 'json', 'draft.md'], ok);
  assert.equal(result.code, 0, result.stdout);
  assert.equal(JSON.parse(result.stdout).drafts[0].claims[0].verdict, 'supported');
});

test('--fail-on unsupported fails on an invented detail', () => {
  const dir = workspace('The armoured train has a cinema with forty seats.\n');
  const result = run(['check', '--fail-on', 'unsupported', '--format', 'json', 'draft.md'], dir);
  assert.equal(result.code, 1);
  assert.equal(JSON.parse(result.stdout).drafts[0].claims[0].verdict, 'unsupported');
});

test('text output names file:line, verdict, evidence and a summary', () => {
  const dir = workspace('\nThe journey from Pyongyang to Vladivostok takes about 40 hours.\n');
  const { code, stdout } = run(['check', 'draft.md'], dir);
  assert.equal(code, 1);
  assert.match(stdout, /^draft\.md:2:1: contradicted: /m);
  assert.match(stdout, /- contradicts corpus\/nl-source\.txt:3 \[about 20 hours\]/);
  assert.match(stdout, /fix: replace with “20”/);
  assert.match(stdout, /1 claims in 1 draft\(s\): 0 supported, 1 contradicted, 0 disputed, 0 unsupported/);
});

test('sarif output is SARIF 2.1.0 with rules, levels and related locations', () => {
  const dir = workspace('The armoured train has a maximum speed of 88 km/h.\n');
  const { stdout } = run(['check', '--format', 'sarif', 'draft.md'], dir);
  const sarif = JSON.parse(stdout);
  assert.equal(sarif.version, '2.1.0');
  const runResult = sarif.runs[0];
  assert.equal(runResult.tool.driver.name, 'corroborate');
  // Supported claims are never results, so there is no rule for them.
  assert.deepEqual(runResult.tool.driver.rules.map((r: { id: string }) => r.id).sort(), ['contradicted', 'disputed', 'unsupported']);
  const result = runResult.results[0];
  assert.equal(result.ruleId, 'disputed');
  assert.equal(result.level, 'error');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'draft.md');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 1);
  assert.equal(result.relatedLocations.length, 2);
});

test('usage and corpus errors exit 2 with a clear message', () => {
  assert.equal(run([]).code, 2);
  const bad = run(['check', '--format', 'xml', 'x.md']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--format must be text, json or sarif/);
  const unknown = run(['check', '--fail-on', 'wrong', 'x.md']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown verdict/);
  const dir = workspace('x');
  const missing = run(['check', '--corpus', 'nowhere', 'draft.md'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nowhere/);
  const noDraft = run(['check', 'missing.md'], dir);
  assert.equal(noDraft.code, 2);
  assert.match(noDraft.stderr, /cannot read draft 'missing\.md'/);
});

test('an unreadable corpus file is reported by name and the rest still works', () => {
  const dir = workspace('The armoured train has a maximum speed of 88 km/h.\n');
  writeFileSync(join(dir, 'corpus', 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
  const { code, stdout, stderr } = run(['check', '--format', 'json', 'draft.md'], dir);
  assert.equal(code, 1);
  const json = JSON.parse(stdout);
  assert.equal(json.corpus.documents, 2);
  assert.ok(json.corpus.problems.some((p: { path: string; message: string }) => p.path.endsWith('binary.txt') && p.message.includes('binary.txt')));
  assert.match(stderr, /binary\.txt/);
});
