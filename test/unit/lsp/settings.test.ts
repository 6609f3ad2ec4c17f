import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveCorpusPaths } from '../../../server/src/lsp/corpusFolder.js';
import { compileFilter, compileGlobs } from '../../../server/src/lsp/glob.js';
import { DEFAULT_SETTINGS, parseSettings } from '../../../server/src/lsp/settings.js';

describe('settings', () => {
  test('nothing (other editors) gives the defaults', () => {
    for (const raw of [undefined, null, {}]) {
      assert.deepEqual(parseSettings(raw), { settings: DEFAULT_SETTINGS, messages: [] });
    }
    assert.deepEqual(DEFAULT_SETTINGS.corpus.paths, ['corpus']);
    assert.equal(DEFAULT_SETTINGS.severity.supported, 'off');
  });

  test('nested (VS Code) and flat keys are read', () => {
    const nested = parseSettings({ corpus: { paths: ['a', 'b'] }, severity: { unsupported: 'hint' }, run: 'onSave', citation: { style: 'pandoc' } });
    assert.deepEqual(nested.settings.corpus.paths, ['a', 'b']);
    assert.equal(nested.settings.severity.unsupported, 'hint');
    assert.equal(nested.settings.severity.contradicted, 'warning');
    assert.equal(nested.settings.run, 'onSave');
    assert.equal(nested.settings.citation.style, 'pandoc');
    assert.equal(parseSettings({ 'corpus.paths': ['x'] }).settings.corpus.paths[0], 'x');
  });

  test('wrong types fall back per field with a message', () => {
    const { settings, messages } = parseSettings({ corpus: { paths: 'corpus' }, debounceMs: -5, severity: { disputed: 'loud' }, language: ' NB ' });
    assert.deepEqual(settings.corpus.paths, ['corpus']);
    assert.equal(settings.debounceMs, 300);
    assert.equal(settings.severity.disputed, 'warning');
    assert.equal(settings.language, 'nb');
    assert.equal(messages.length, 3);
    assert.ok(messages.some((message) => /corroborate\.corpus\.paths: expected an array of strings/.test(message)), messages.join('\n'));
    assert.equal(parseSettings('yes').messages.length, 1);
  });

  test('corpus paths: relative ones stay inside the folder; absolute ones need trust', () => {
    assert.deepEqual(resolveCorpusPaths('/ws', ['corpus', './corpus', 'sources/a', ''], { allowOutside: true }), {
      roots: ['/ws/corpus', '/ws/sources/a'],
      problems: [],
    });
    const escaped = resolveCorpusPaths('/ws', ['../shared', 'x/../../y'], { allowOutside: true });
    assert.deepEqual(escaped.roots, []);
    assert.equal(escaped.problems.length, 2);
    assert.deepEqual(resolveCorpusPaths('/ws', ['/data/corpus'], { allowOutside: true }).roots, ['/data/corpus']);
    assert.deepEqual(resolveCorpusPaths('/ws', ['/data/corpus'], { allowOutside: false }).roots, []);
    assert.deepEqual(resolveCorpusPaths('/ws', ['/ws/corpus'], { allowOutside: false }).roots, ['/ws/corpus']);
  });
});

describe('globs', () => {
  test('**, *, ?, braces and classes', () => {
    const match = compileGlobs(['**/*.{md,txt}', 'notes/?.html', 'data/[ab]*.htm']);
    assert.ok(match('a.md'));
    assert.ok(match('deep/er/a.txt'));
    assert.ok(!match('a.html'));
    assert.ok(match('notes/x.html'));
    assert.ok(!match('notes/xy.html'));
    assert.ok(match('data/alpha.htm'));
    assert.ok(!match('data/gamma.htm'));
  });

  test('a pattern without a slash matches the base name; a directory match covers its contents', () => {
    const exclude = compileGlobs(['node_modules', '**/drafts', 'README.md']);
    assert.ok(exclude('node_modules/x/a.md'));
    assert.ok(exclude('a/b/node_modules/c.md'));
    assert.ok(exclude('x/drafts/a.md'));
    assert.ok(exclude('docs/README.md'));
    assert.ok(!exclude('docs/readme-not.md'));
  });

  test('filter = include and not exclude; empty include means everything', () => {
    const filter = compileFilter([], ['**/.git/**']);
    assert.ok(filter('a/b.md'));
    assert.ok(!filter('.git/x.md'));
    assert.ok(!compileFilter(['*.md'], [])('a.txt'));
  });
});

describe('.corroborate.json and editor settings', () => {
  test('editor settings override the file key by key; a bad field of the file is reported and left out', async () => {
    const { mergeSettingsSources, validSettingsFields } = await import('../../../server/src/lsp/settings.js');
    const file = validSettingsFields({ corpus: { paths: ['sources'] }, severity: { unsupported: 'loud', disputed: 'error' }, ignore: { tokens: ['(unclosed'] } }, '.corroborate.json: ');
    assert.deepEqual(Object.keys(file.fields).sort(), ['corpus.paths', 'severity.disputed']);
    assert.equal(file.messages.length, 2);
    assert.match(file.messages.join('\n'), /\.corroborate\.json: severity\.unsupported/);
    assert.match(file.messages.join('\n'), /not a valid regular expression/);
    const { settings } = parseSettings(mergeSettingsSources(file.fields, { severity: { disputed: 'hint' } }));
    assert.deepEqual(settings.corpus.paths, ['sources']);
    assert.equal(settings.severity.disputed, 'hint', 'the editor wins');
    assert.equal(settings.severity.unsupported, 'information', 'the default, not the bad value');
  });
});
