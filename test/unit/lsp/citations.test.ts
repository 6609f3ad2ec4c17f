import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyEdits,
  citationEdits,
  citationKey,
  footnoteDefinition,
  inlineIgnoreEdit,
  isIgnoredInline,
  relativePath,
  slugify,
  type CitationSource,
} from '../../../server/src/lsp/citations.js';

const source: CitationSource = {
  path: '/ws/corpus/train.md',
  relPath: 'corpus/train.md',
  title: 'The Armoured Train',
  outlet: 'Example Times',
  date: '2023-09-12',
};
const bare: CitationSource = { path: '/ws/corpus/nrk_2023-09.txt', relPath: 'corpus/nrk_2023-09.txt' };

/** Cites the sentence marked with «» in `marked` (markers removed) and returns the new text. */
function cite(marked: string, style: 'footnote' | 'link' | 'pandoc', src = source, baseDir = '/ws/drafts'): string {
  const start = marked.indexOf('«');
  const end = marked.indexOf('»') - 1;
  const text = marked.replace('«', '').replace('»', '');
  return applyEdits(text, citationEdits(text, start, end, src, { style, baseDir }));
}

describe('citations', () => {
  test('keys come from the title, else the file name, slugified', () => {
    assert.equal(citationKey(source), 'the-armoured-train');
    assert.equal(citationKey(bare), 'nrk-2023-09');
    assert.equal(slugify('Kim Jong-un møter Putin på Østlige'), 'kim-jong-un-moter-putin-pa-ostlige');
    assert.equal(slugify('!!!'), 'source');
  });

  test('footnote: marker after the sentence, definition appended after a blank line', () => {
    assert.equal(
      cite('# Notes\n\n«The train is fast.» More.\n', 'footnote'),
      '# Notes\n\nThe train is fast.[^the-armoured-train] More.\n\n[^the-armoured-train]: The Armoured Train, Example Times, 2023-09-12. ../corpus/train.md\n',
    );
  });

  test('footnote: a document without a final newline still gets a blank line before the definition', () => {
    assert.equal(cite('«Fast.»', 'footnote', bare), 'Fast.[^nrk-2023-09]\n\n[^nrk-2023-09]: nrk_2023-09.txt. ../corpus/nrk_2023-09.txt\n');
  });

  test('footnote: an existing definition for the same source is reused', () => {
    const text = 'A.[^t] «B.»\n\n[^t]: Train, Times. ../corpus/train.md\n';
    assert.equal(cite(text, 'footnote'), 'A.[^t] B.[^t]\n\n[^t]: Train, Times. ../corpus/train.md\n');
  });

  test('footnote: a key taken by another source gets a suffix; definitions stay together', () => {
    const text = '«A.»\n\n[^the-armoured-train]: Other. ../corpus/other.md\n';
    assert.equal(
      cite(text, 'footnote'),
      'A.[^the-armoured-train-2]\n\n[^the-armoured-train]: Other. ../corpus/other.md\n[^the-armoured-train-2]: The Armoured Train, Example Times, 2023-09-12. ../corpus/train.md\n',
    );
  });

  test('footnote definition prefers the URL and drops missing parts', () => {
    assert.equal(footnoteDefinition('k', { ...bare, url: 'https://nrk.no/a', outlet: 'NRK' }, '/ws'), '[^k]: nrk_2023-09.txt, NRK. https://nrk.no/a');
  });

  test('link style goes before the final punctuation, relative to the draft', () => {
    assert.equal(cite('«The train is fast.»\n', 'link'), 'The train is fast ([The Armoured Train](../corpus/train.md)).\n');
    assert.equal(cite('«Fast»', 'link', { ...bare, path: '/ws/corpus/my file.txt' }), 'Fast ([my file.txt](<../corpus/my file.txt>))');
  });

  test('pandoc style', () => {
    assert.equal(cite('«The train is fast!»', 'pandoc'), 'The train is fast [@the-armoured-train]!');
  });

  test('relative paths', () => {
    assert.equal(relativePath('/ws/drafts', '/ws/corpus/a.md'), '../corpus/a.md');
    assert.equal(relativePath('/ws', '/ws/corpus/a.md'), 'corpus/a.md');
  });

  test('inline ignore comment: inserted after the sentence and its footnotes, and recognised', () => {
    const text = 'A claim.[^x] Next one.\n';
    const edit = inlineIgnoreEdit(text, 0, 8);
    const ignored = applyEdits(text, [edit]);
    assert.equal(ignored, 'A claim.[^x] <!-- corroborate-ignore --> Next one.\n');
    assert.ok(isIgnoredInline(ignored, 8));
    assert.ok(!isIgnoredInline(ignored, ignored.indexOf('Next one.') + 9));
    assert.ok(isIgnoredInline('X.  <!--corroborate-ignore-->', 2));
    assert.ok(!isIgnoredInline('X.\n<!-- corroborate-ignore -->', 2), 'only on the same line');
  });

  test('applyEdits keeps the array order of inserts at one offset', () => {
    assert.equal(applyEdits('ab', [{ start: 2, end: 2, newText: '1' }, { start: 2, end: 2, newText: '2' }, { start: 0, end: 1, newText: 'A' }]), 'Ab12');
  });
});
