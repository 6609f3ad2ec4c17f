// CI and team conventions of `corroborate check`, through the real CLI:
// drafts as folders, globs and stdin, --version, --config, --fix, decoded drafts,
// SARIF for code scanning, and the GitHub Action and pre-commit hook definitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseFrontMatter } from '../../../server/src/core/text/frontMatter.js';
import { compileGlobs } from '../../../server/src/lsp/glob.js';
import { parseDecisions, serializeDecisions, addDecision } from '../../../server/src/node/decisions.js';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

function run(args: string[], cwd: string, input?: string | Buffer) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CONTRADICTION = 'The journey from Pyongyang to Vladivostok takes about 40 hours.';

function workspace(files: Record<string, string | Buffer> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-teams-'));
  mkdirSync(join(dir, '.git')); // a repository root: the config search stops here
  const all: Record<string, string | Buffer> = {
    'corpus/nl.txt': 'De gepantserde trein haalt een maximumsnelheid van ongeveer 60 kilometer per uur.\n\nDe reis van Pyongyang naar Vladivostok duurt ongeveer 20 uur.\n',
    'corpus/en.txt': 'The armoured train is heavy: its maximum speed is about 88 kilometres per hour.\n',
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

test('--version prints the package version', () => {
  const dir = workspace();
  assert.equal(run(['--version'], dir).stdout.trim(), pkg.version);
  assert.equal(run(['check', '--version'], dir).stdout.trim(), pkg.version);
});

test('an inline-ignored contradiction exits 0; a per-verdict ignore for another verdict does not hide it', () => {
  const dir = workspace({
    'ignored.md': `${CONTRADICTION} <!-- corroborate-ignore -->\n`,
    'other.md': `${CONTRADICTION} <!-- corroborate-ignore unsupported -->\n`,
    'off.md': `<!-- corroborate-off contradicted -->\n${CONTRADICTION}\n<!-- corroborate-on -->\n\n${CONTRADICTION.replace('takes', 'lasts')}\n`,
  });
  assert.equal(run(['check', 'ignored.md'], dir).code, 0);
  assert.equal(run(['check', 'other.md'], dir).code, 1);
  const off = JSON.parse(run(['check', '--format', 'json', 'off.md'], dir).stdout).drafts[0];
  assert.deepEqual(off.claims.map((c: { ignored?: string }) => c.ignored ?? null), ['block', null]);
  assert.equal(off.summary.ignored, 1);
});

test('folders, globs and - (stdin) as drafts; corpus files are never drafts; a glob that matches nothing is an error', () => {
  const dir = workspace({ 'drafts/a.md': `${CONTRADICTION}\n`, 'drafts/sub/b.markdown': 'The train has a cinema with forty seats.\n', 'notes.txt': 'Plain.\n' });
  const paths = (args: string[]) => JSON.parse(run(['check', '--format', 'json', '--fail-on', 'none', ...args], dir).stdout).drafts.map((d: { path: string }) => d.path);
  assert.deepEqual(paths(['.']), ['drafts/a.md', 'drafts/sub/b.markdown', 'notes.txt']);
  assert.deepEqual(paths(['drafts/**/*.md']), ['drafts/a.md']);
  assert.deepEqual(paths(['drafts/*']), ['drafts/a.md']);
  const none = run(['check', 'nothing/**/*.md'], dir);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no draft matches 'nothing\/\*\*\/\*\.md'/);
  const stdin = run(['check', '--format', 'json', '-'], dir, `${CONTRADICTION}\n`);
  assert.equal(stdin.code, 1);
  assert.equal(JSON.parse(stdin.stdout).drafts[0].path, '<stdin>');
  const named = run(['check', '--format', 'json', '--stdin-filename', 'draft.txt', '-'], dir, `${CONTRADICTION}\n`);
  assert.equal(JSON.parse(named.stdout).drafts[0].path, 'draft.txt');
});

test('UTF-16 and BOM drafts are decoded like corpus files', () => {
  const text = `${CONTRADICTION}\n`;
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const dir = workspace({ 'utf16.md': le, 'bom.md': `\uFEFF${text}`, 'utf16-nobom.md': Buffer.from(text, 'utf16le') });
  for (const name of ['utf16.md', 'bom.md', 'utf16-nobom.md']) {
    const result = run(['check', '--format', 'json', name], dir);
    const claims = JSON.parse(result.stdout).drafts[0].claims;
    assert.equal(claims.length, 1, `${name}: ${result.stdout}`);
    assert.equal(claims[0].verdict, 'contradicted');
    assert.deepEqual(claims[0].range.start, { line: 0, character: 0 });
  }
});

test('.corroborate.json: found from a subfolder, or given with --config; corpus paths relative to it; failOn and ignore patterns', () => {
  const dir = workspace({
    'sources/nl.txt': 'De reis van Pyongyang naar Vladivostok duurt ongeveer 20 uur.\n',
    'docs/a.md': `${CONTRADICTION}\n\nThe journey from Pyongyang to Vladivostok takes about {{< param hours >}} 20 hours.\n`,
    'team.json': JSON.stringify({ corpus: { paths: ['sources'] }, failOn: 'none' }),
  });
  writeFileSync(join(dir, '.corroborate.json'), JSON.stringify({ corpus: { paths: ['sources'] }, drafts: ['docs/**/*.md'], ignore: { tokens: ['\\{\\{<[^>]*>\\}\\}'] }, typo: true }));
  const sub = run(['check', '--format', 'json'], join(dir, 'docs'));
  assert.equal(sub.code, 1, sub.stderr);
  assert.match(sub.stderr, /unknown key "typo"/);
  const json = JSON.parse(sub.stdout);
  assert.equal(json.corpus.documents, 1, 'the corpus of the file, not ./corpus');
  assert.equal(json.drafts[0].path, 'a.md');
  assert.deepEqual(json.drafts[0].claims.map((c: { verdict: string }) => c.verdict), ['contradicted', 'supported'], 'the token is blanked, the rest checked');
  const explicit = run(['check', '--config', 'team.json', 'docs/a.md'], dir);
  assert.equal(explicit.code, 0, 'failOn: none in team.json');
  const broken = run(['check', '--config', 'missing.json', 'docs/a.md'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /missing\.json: not found/);
});

test('--fix rewrites values (and citations with --fix=citations); without --fix no file is touched', () => {
  const original = `# Notes\n\n${CONTRADICTION}\n\nThe armoured train has a maximum speed of about 88 km/h.\n`;
  const dir = workspace({ 'draft.md': original });
  const before = statSync(join(dir, 'draft.md')).mtimeMs;
  for (const format of ['text', 'json', 'sarif']) run(['check', '--format', format, 'draft.md'], dir);
  assert.equal(readFileSync(join(dir, 'draft.md'), 'utf8'), original);
  assert.equal(statSync(join(dir, 'draft.md')).mtimeMs, before);
  const fixed = run(['check', '--fix', '--fail-on', 'contradicted', 'draft.md'], dir);
  assert.equal(fixed.code, 0, fixed.stdout);
  assert.match(fixed.stderr, /draft\.md: fixed 1 value/);
  const text = readFileSync(join(dir, 'draft.md'), 'utf8');
  assert.match(text, /takes about 20 hours\./);
  const cited = run(['check', '--fix=citations', '--fail-on', 'none', 'draft.md'], dir);
  assert.equal(cited.code, 0);
  assert.match(readFileSync(join(dir, 'draft.md'), 'utf8'), /takes about 20 hours\.\[\^nl\]\n[\s\S]*\n\[\^nl\]: nl\.txt\. corpus\/nl\.txt\n$/);
  assert.equal(run(['check', '--fix=bogus', 'draft.md'], dir).code, 2);
  assert.equal(run(['check', '--fix', '-'], dir, 'x').code, 2);
});

/** The SARIF 2.1.0 schema's required properties, checked by hand (no schema download here). */
function validateSarif(sarif: any): void {
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  assert.ok(Array.isArray(sarif.runs) && sarif.runs.length === 1);
  const run = sarif.runs[0];
  assert.equal(typeof run.tool.driver.name, 'string');
  for (const rule of run.tool.driver.rules) {
    assert.equal(typeof rule.id, 'string');
    assert.equal(typeof rule.shortDescription.text, 'string');
    assert.equal(typeof rule.help.text, 'string');
    assert.ok(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration.level));
  }
  for (const [id, base] of Object.entries<any>(run.originalUriBaseIds ?? {})) {
    assert.match(id, /^%\w+%$/);
    assert.match(base.uri, /^file:\/\/.*\/$/, 'a base URI ends with /');
  }
  for (const result of run.results) {
    assert.equal(typeof result.message.text, 'string');
    assert.ok(result.message.text.length > 0);
    assert.ok(run.tool.driver.rules[result.ruleIndex].id === result.ruleId);
    assert.ok(['error', 'warning', 'note', 'none'].includes(result.level));
    for (const location of [...result.locations, ...(result.relatedLocations ?? [])]) {
      const physical = location.physicalLocation;
      assert.equal(typeof physical.artifactLocation.uri, 'string');
      if (physical.artifactLocation.uriBaseId) assert.ok(run.originalUriBaseIds[physical.artifactLocation.uriBaseId]);
      assert.ok(!/^\//.test(physical.artifactLocation.uri) || !physical.artifactLocation.uriBaseId, 'relative to its base');
      const region = physical.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
    }
    for (const fix of result.fixes ?? []) {
      assert.equal(typeof fix.description.text, 'string');
      for (const change of fix.artifactChanges) {
        assert.equal(typeof change.artifactLocation.uri, 'string');
        for (const replacement of change.replacements) assert.ok(replacement.deletedRegion.startLine >= 1);
      }
    }
    for (const value of Object.values(result.partialFingerprints ?? {})) assert.equal(typeof value, 'string');
  }
}

test('SARIF for code scanning: valid 2.1.0, no supported results, version, repository, rule help, %SRCROOT%, stable fingerprints, fixes', () => {
  const draft = `# Notes\n\n${CONTRADICTION}\n\nThe journey from Pyongyang to Vladivostok takes about 20 hours.\n\nThe train has a cinema with forty seats.\n`;
  const dir = workspace({ 'docs/draft.md': draft });
  const first = run(['check', '--format', 'sarif', 'docs/draft.md'], dir);
  const sarif = JSON.parse(first.stdout);
  validateSarif(sarif);
  const driver = sarif.runs[0].tool.driver;
  assert.equal(driver.version, pkg.version);
  assert.equal(driver.informationUri, 'https://github.com/corroborate/corroborate');
  assert.equal(pkg.repository.url, driver.informationUri);
  assert.ok(driver.rules.every((rule: any) => rule.help.text.length > 40 && rule.help.markdown));
  const results = sarif.runs[0].results;
  assert.deepEqual(results.map((r: any) => r.ruleId), ['contradicted', 'unsupported'], 'no result for the supported claim');
  const contradiction = results[0];
  assert.deepEqual(contradiction.locations[0].physicalLocation.artifactLocation, { uri: 'docs/draft.md', uriBaseId: '%SRCROOT%' });
  assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);
  assert.equal(contradiction.relatedLocations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
  assert.equal(contradiction.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '20');
  // Edits elsewhere (new lines above) move the lines but keep the fingerprints.
  writeFileSync(join(dir, 'docs', 'draft.md'), `# Notes\n\n## Background\n\n${draft.slice('# Notes\n\n'.length)}`);
  const moved = JSON.parse(run(['check', '--format', 'sarif', 'docs/draft.md'], dir).stdout).runs[0].results;
  assert.notEqual(moved[0].locations[0].physicalLocation.region.startLine, contradiction.locations[0].physicalLocation.region.startLine);
  assert.deepEqual(moved.map((r: any) => r.partialFingerprints), results.map((r: any) => r.partialFingerprints));
});

test('action.yml is a composite action that runs the CLI and uploads SARIF', () => {
  const action = parseYaml(readFileSync(join(repo, 'action.yml'), 'utf8'));
  assert.equal(typeof action.name, 'string');
  assert.equal(typeof action.description, 'string');
  assert.equal(action.runs.using, 'composite');
  for (const [name, input] of Object.entries<any>(action.inputs)) {
    assert.equal(typeof input.description, 'string', name);
    assert.equal(typeof input.default, 'string', `${name}: inputs are strings`);
  }
  for (const step of action.runs.steps) {
    assert.ok(step.uses || (step.run && step.shell), `a composite run step needs a shell: ${JSON.stringify(step)}`);
    const text = JSON.stringify(step);
    for (const match of text.matchAll(/inputs\.([\w-]+)/g)) assert.ok(match[1]! in action.inputs, `unknown input ${match[1]}`);
  }
  const steps = action.runs.steps.map((step: any) => step.uses ?? step.run);
  assert.ok(steps.some((s: string) => /bin\/corroborate\.cjs" "\$\{args\[@\]\}"/.test(s) && /--format sarif/.test(s)));
  assert.ok(steps.some((s: string) => /^github\/codeql-action\/upload-sarif@v\d+$/.test(s)));
});

test('the pre-commit hook: its definition parses and its entry command works on staged drafts', () => {
  const hooks = parseYaml(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8'));
  const hook = hooks.find((h: any) => h.id === 'corroborate');
  assert.ok(hook);
  assert.equal(hook.language, 'node');
  assert.equal(pkg.bin[hook.entry.split(' ')[0]], 'bin/corroborate.cjs', 'the entry is the package bin');
  const files = ['draft.md', 'ok.md', 'corpus/nl.txt', 'image.png'];
  const dir = workspace({ 'draft.md': `${CONTRADICTION}\n`, 'ok.md': 'The journey from Pyongyang to Vladivostok takes about 20 hours.\n', 'image.png': 'x' });
  // What pre-commit does: filter the staged files by `files` / `exclude`, append them to the entry.
  const selected = files.filter((f) => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f));
  assert.deepEqual(selected, ['draft.md', 'ok.md']);
  const [, ...entryArgs] = hook.entry.split(' ');
  const entry = (names: string[]) => spawnSync(process.execPath, [join(repo, pkg.bin.corroborate), ...entryArgs, ...names], { cwd: dir, encoding: 'utf8' });
  assert.equal(entry(selected).status, 1);
  assert.equal(entry(['ok.md']).status, 0);
});

test('front matter is real YAML: a # inside a quoted title is kept', () => {
  const yaml = parseFrontMatter('---\ntitle: "Issue #5: the ferry"  # a comment\noutlet: Example Times\ndate: 2023-09-12\nyear: 2023\n---\nBody.\n');
  assert.deepEqual(yaml.fields, { title: 'Issue #5: the ferry', outlet: 'Example Times', date: '2023-09-12', year: '2023' });
  const toml = parseFrontMatter('+++\ntitle = "Issue #5: the ferry" # note\n+++\nBody.\n');
  assert.equal(toml.fields.title, 'Issue #5: the ferry');
  const broken = parseFrontMatter('---\ntitle: [unclosed\noutlet: X\n---\n');
  assert.equal(broken.fields.outlet, 'X', 'bad YAML falls back to the line reader');
});

test('globs: escapes and negation (picomatch)', () => {
  const match = compileGlobs(['**/*.md', '!drafts/**', 'drafts/keep.md', 'notes/\\[draft\\].txt']);
  assert.ok(match('a/b.md'));
  assert.ok(!match('drafts/x.md'), 'negated');
  assert.ok(match('drafts/keep.md'), 'taken back by a later pattern');
  assert.ok(match('notes/[draft].txt'), 'escaped brackets are literal');
  assert.ok(!match('notes/d.txt'));
});

test('decisions: one per line, sorted by key, who/why/when kept; the old pretty-printed layout is read', () => {
  const old = '{\n  "version": 1,\n  "ignored": [\n    {\n      "key": "b",\n      "text": "B.",\n      "evidenceHash": "1",\n      "date": "2024-01-01"\n    }\n  ]\n}\n';
  const parsed = parseDecisions(old);
  assert.ok(parsed.ok);
  const updated = addDecision(parsed.document, { key: 'a', text: 'A.', evidenceHash: '2', date: '2024-02-02', by: 'Ann', reason: 'the source is wrong' });
  const text = serializeDecisions(updated);
  const lines = text.split('\n');
  assert.equal(lines[3], '    {"key":"a","evidenceHash":"2","text":"A.","date":"2024-02-02","by":"Ann","reason":"the source is wrong"},');
  assert.equal(lines[4], '    {"key":"b","evidenceHash":"1","text":"B.","date":"2024-01-01"}');
  assert.deepEqual(JSON.parse(text), { version: 1, ignored: [updated.ignored[0], updated.ignored[1]] });
});

test('decisions added on two git branches merge without a conflict', (t) => {
  if (spawnSync('git', ['--version']).status !== 0) return t.skip('git is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-merge-'));
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
    return r;
  };
  const file = join(dir, 'decisions.json');
  const base = ['c', 'f', 'k', 'p', 't'].reduce((doc, key) => addDecision(doc, { key, text: key, evidenceHash: 'h', date: '2024-01-01' }), { version: 1, ignored: [] } as any);
  git('init', '-q', '-b', 'main');
  writeFileSync(file, serializeDecisions(base));
  git('add', '.');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'ann');
  writeFileSync(file, serializeDecisions(addDecision(base, { key: 'd', text: 'd', evidenceHash: 'h', date: '2024-01-02', by: 'Ann' })));
  git('commit', '-qam', 'ann');
  git('checkout', '-q', 'main');
  writeFileSync(file, serializeDecisions(addDecision(base, { key: 'm', text: 'm', evidenceHash: 'h', date: '2024-01-02', by: 'Bob' })));
  git('commit', '-qam', 'bob');
  const merged = git('merge', '-q', 'ann', '-m', 'merge');
  assert.equal(merged.status, 0, merged.stdout + merged.stderr);
  const result = parseDecisions(readFileSync(file, 'utf8'));
  assert.ok(result.ok);
  assert.deepEqual(result.document.ignored.map((d) => d.key), ['c', 'd', 'f', 'k', 'm', 'p', 't']);
});
