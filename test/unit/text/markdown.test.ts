// Markdown through markdown-it: what is prose, what is masked, exact offsets.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isProseCell, scanMarkdown } from '../../../server/src/core/text/markdown.js';
import { segmentText } from '../../../server/src/core/text/segment.js';
import type { Segment } from '../../../server/src/core/types.js';

function segments(text: string): Segment[] {
  return segmentText(text, { markdown: true });
}

/** [text with runs of spaces collapsed, start, end, kind] of every segment. */
function summary(text: string): [string, number, number, string][] {
  return segments(text).map((s) => [s.text.replace(/ +/g, ' '), s.start, s.end, s.kind]);
}

/** Offset of `needle` in `text` (the n-th occurrence), asserting it is there. */
function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" not in the text`);
  }
  return at;
}

/** Every character of the masked copy is the original one or a space; line breaks never move. */
function assertMasking(text: string, masked: string): void {
  assert.equal(masked.length, text.length, 'masked copy keeps the length');
  for (let i = 0; i < text.length; i++) {
    const original = text.charCodeAt(i);
    const copy = masked.charCodeAt(i);
    if (original === 10 || original === 13) assert.equal(copy, original, `line break kept at ${i}`);
    else assert.ok(copy === original || copy === 32, `only blanked at ${i}`);
  }
}

test('inline and display math are masked; a dollar amount is not math', () => {
  const text = 'The speed $v = 60$ km/h and $$E = mc^2$$ hold.\n\n$$\nThe train has 90 carriages.\n- not a list\n$$\n\nIt costs $5 and $10 a ticket.\n';
  const first = offsetOf(text, 'The speed');
  const last = offsetOf(text, 'It costs');
  assert.deepEqual(summary(text), [
    ['The speed km/h and hold.', first, first + 'The speed $v = 60$ km/h and $$E = mc^2$$ hold.'.length, 'sentence'],
    ['It costs $5 and $10 a ticket.', last, last + 'It costs $5 and $10 a ticket.'.length, 'sentence'],
  ]);
});

test('shortcodes and template tags are masked, inline and on their own lines', () => {
  const text = [
    '{{< figure src="train.png" caption="The train has 90 carriages." >}}',
    '',
    '{{% notice %}}The train is slow.{{% /notice %}}',
    '',
    '{% include note.html text="The train is fast." %}',
    '',
    'The train {{ page.speed }} has a gym.{# a comment #}',
    '',
  ].join('\n');
  const notice = offsetOf(text, 'The train is slow.');
  const gym = offsetOf(text, 'The train {{');
  assert.deepEqual(summary(text), [
    ['The train is slow.', notice, notice + 'The train is slow.'.length, 'sentence'],
    ['The train has a gym.', gym, gym + 'The train {{ page.speed }} has a gym.'.length, 'sentence'],
  ]);
});

test('footnote definitions are not prose; footnote references and citations are masked', () => {
  const text = [
    'The train has 90 carriages.[^1] It is slow [@times2023, p. 3]. It is old [see @a; -@b].',
    '',
    'An undefined marker[^x] goes too, [a link @x](http://x.y) stays a link.',
    '',
    '[^1]: The Armoured Train, Example Times, 2023-09-12. ../corpus/train.md',
    '    A second paragraph of the note.',
    '',
    'After the note^[an inline note] it goes on.',
  ].join('\n');
  const start = offsetOf(text, 'The train');
  const second = offsetOf(text, 'It is slow');
  const third = offsetOf(text, 'It is old');
  const link = offsetOf(text, 'An undefined');
  const after = offsetOf(text, 'After the note');
  assert.deepEqual(summary(text), [
    ['The train has 90 carriages.', start, start + 'The train has 90 carriages.'.length, 'sentence'],
    ['It is slow .', second, second + 'It is slow [@times2023, p. 3].'.length, 'sentence'],
    ['It is old .', third, third + 'It is old [see @a; -@b].'.length, 'sentence'],
    ['An undefined marker goes too, a link @x stays a link.', link, link + 'An undefined marker[^x] goes too, [a link @x](http://x.y) stays a link.'.length, 'sentence'],
    ['After the note it goes on.', after, after + 'After the note^[an inline note] it goes on.'.length, 'sentence'],
  ]);
});

test('code, HTML, link targets, images, autolinks and bare URLs are masked', () => {
  const text = [
    'Run `train --speed 90` now, see [the report](https://example.com/a.b "The Title") or <https://x.y/z> or https://example.com/r.html today.',
    '',
    '![The train has 90 carriages.](train.png) The photo is old.',
    '',
    '~~~',
    'The train is fast.',
    '~~~',
    '',
    '<section>',
    'The train is slow.',
    '</section>',
    '',
    'A <b>bold</b> claim &amp; more.<!-- corroborate-ignore --> Next one.',
  ].join('\n');
  const run = offsetOf(text, 'Run');
  const photo = offsetOf(text, 'The photo');
  const bold = offsetOf(text, 'A <b>');
  const next = offsetOf(text, 'Next one.');
  assert.deepEqual(summary(text), [
    ['Run now, see the report or or today.', run, run + text.split('\n')[0].length, 'sentence'],
    ['The photo is old.', photo, photo + 'The photo is old.'.length, 'sentence'],
    ['A bold claim & more.', bold, bold + 'A <b>bold</b> claim &amp; more.'.length, 'sentence'],
    ['Next one.', next, next + 'Next one.'.length, 'sentence'],
  ]);
});

test('tables: label and figure cells are not claims, a sentence in a cell is, at its exact offset', () => {
  const text = [
    '| Train | Speed | Note |',
    '|:------|------:|------|',
    '| Armoured train | 60 km/h | The train left Pyongyang on Sunday. |',
    '| Freight | 1,200 | n/a |',
    '',
  ].join('\n');
  const cell = offsetOf(text, 'The train left');
  assert.deepEqual(summary(text), [['The train left Pyongyang on Sunday.', cell, cell + 'The train left Pyongyang on Sunday.'.length, 'tableCell']]);
  assert.equal(isProseCell('60 km/h'), false);
  assert.equal(isProseCell('1,200 (2019)'), false);
  assert.equal(isProseCell('Armoured train'), false);
  assert.equal(isProseCell('The train left Pyongyang on Sunday.'), true);
});

test('block kinds and offsets: headings, nested quotes, list items, task boxes, setext, CRLF', () => {
  const text = '# The *armoured* train #\r\n\r\n> Quoted claim here.\r\n> > Nested quote line.\r\n\r\n- [x] Done item.\r\n- Item with\r\n  lazy line.\r\n\r\nSetext title\r\n---\r\n';
  const heading = offsetOf(text, 'The *armoured*');
  const quote = offsetOf(text, 'Quoted');
  const nested = offsetOf(text, 'Nested');
  const done = offsetOf(text, 'Done');
  const item = offsetOf(text, 'Item with');
  const setext = offsetOf(text, 'Setext');
  assert.deepEqual(summary(text), [
    ['The armoured train', heading, heading + 'The *armoured* train'.length, 'heading'],
    ['Quoted claim here.', quote, quote + 'Quoted claim here.'.length, 'quote'],
    ['Nested quote line.', nested, nested + 'Nested quote line.'.length, 'quote'],
    ['Done item.', done, done + 'Done item.'.length, 'listItem'],
    // The CR of a CRLF inside a sentence reads as a space like the line feed.
    ['Item with lazy line.', item, item + 'Item with\r\n  lazy line.'.length, 'listItem'],
    ['Setext title', setext, setext + 'Setext title'.length, 'heading'],
  ]);
});

test('tabs, NUL and a BOM do not move offsets', () => {
  const text = '\ufeff-\tTabbed item one.\n\n>\tQuoted\u0000 text.\n\n  \tIndented paragraph line.\n';
  for (const segment of segments(text)) {
    const original = text.slice(segment.start, segment.end);
    for (let i = 0; i < original.length; i++) if (segment.text[i] !== ' ') assert.equal(segment.text[i], original[i]);
  }
  const item = offsetOf(text, 'Tabbed');
  assert.deepEqual(summary(text).slice(0, 1), [['Tabbed item one.', item, item + 'Tabbed item one.'.length, 'listItem']]);
});

test('markdown masking keeps the length, and every segment is its original slice modulo masking', () => {
  const pieces = fc.constantFrom(
    'The train has 90 carriages.', ' ', '\n', '\n\n', '\r\n', '\r', '\t', '    ', '# ', '## ', '- ', '* ', '1. ', '> ', '> > ', '- [x] ',
    '|', ' | ', '|---|---|', '\n|---|---|\n', '---', '===', '```', '~~~', '$', '$$', '$x$', '$$\n', '{{<', '>}}', '{{%', '%}}', '{%', '%}', '{{', '}}',
    '[^1]', '[^1]: ', '^[', '[@key]', '[', ']', '(', ')', '![', '](http://x.y)', '<div>', '</div>', '<!--', '-->', '<b>', 'https://x.y/a.b',
    '`', '**', '_', '~~', '\\', '&amp;', '&', '\ufeff', '\u0000', '😀', '\ud800', 'word', 'Ord', 'æøå',
  );
  const arbitrary = fc.oneof(fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 80 }));
  fc.assert(
    fc.property(arbitrary, (text) => {
      const scan = scanMarkdown(text);
      assertMasking(text, scan.masked);
      let previous = 0;
      for (const block of scan.blocks) {
        assert.ok(block.start >= previous && block.end > block.start && block.end <= text.length, 'blocks ordered, in bounds');
        previous = block.end;
      }
      for (const segment of segmentText(text, { markdown: true })) {
        assert.equal(segment.text.length, segment.end - segment.start);
        const original = text.slice(segment.start, segment.end);
        for (let i = 0; i < original.length; i++) {
          const code = segment.text.charCodeAt(i);
          // Masked to a space, line breaks read as spaces, or the original character.
          assert.ok(code === 32 || code === original.charCodeAt(i), `segment char ${i} of ${JSON.stringify(segment.text)}`);
        }
      }
    }),
    { numRuns: Number(process.env.SEGMENT_PROPERTY_RUNS ?? 1500) },
  );
});
