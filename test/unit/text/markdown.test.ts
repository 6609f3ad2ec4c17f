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

/** Offset of the first `needle` in `text`, asserting it is there. */
function offsetOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in the text`);
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

/** The summary row of the segment that is `original` in `text` (its first occurrence), shown as `shown` once masked. */
function row(text: string, original: string, shown = original, kind = 'sentence'): [string, number, number, string] {
  const start = offsetOf(text, original);
  return [shown, start, start + original.length, kind];
}

test('inline and display math are masked; a dollar amount is not math', () => {
  const text = 'The speed $v = 60$ km/h and $$E = mc^2$$ hold.\n\n$$\nThe train has 90 carriages.\n- not a list\n$$\n\nIt costs $5 and $10 a ticket.\n';
  assert.deepEqual(summary(text), [
    row(text, 'The speed $v = 60$ km/h and $$E = mc^2$$ hold.', 'The speed km/h and hold.'),
    row(text, 'It costs $5 and $10 a ticket.'),
  ]);
  const latex = 'Before.\n\n\\[\nv = 60 \\text{ km/h}\n\\]\n\nAfter.';
  assert.deepEqual(summary(latex), [row(latex, 'Before.'), row(latex, 'After.')]);
  const prices = 'It rose from $5m-$6m to $US5bn and A$3bn.';
  assert.deepEqual(summary(prices), [row(prices, prices)]);
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
  assert.deepEqual(summary(text), [row(text, 'The train is slow.'), row(text, 'The train {{ page.speed }} has a gym.', 'The train has a gym.')]);
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
    '',
    'Write to [press a@b.org] for it.',
  ].join('\n');
  assert.deepEqual(summary(text), [
    row(text, 'The train has 90 carriages.'),
    row(text, 'It is slow [@times2023, p. 3].', 'It is slow .'),
    row(text, 'It is old [see @a; -@b].', 'It is old .'),
    row(text, 'An undefined marker[^x] goes too, [a link @x](http://x.y) stays a link.', 'An undefined marker goes too, a link @x stays a link.'),
    row(text, 'After the note^[an inline note] it goes on.', 'After the note it goes on.'),
    // An e-mail address in brackets is no citation.
    row(text, 'Write to [press a@b.org] for it.'),
  ]);
});

test('code, HTML, link targets, images, autolinks and bare URLs are masked', () => {
  const first = 'Run `train --speed 90` now, see [the report](https://example.com/a.b "The Title") or <https://x.y/z> or https://example.com/r.html today.';
  const text = [
    first,
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
  assert.deepEqual(summary(text), [
    row(text, first, 'Run now, see the report or or today.'),
    row(text, 'The photo is old.'),
    row(text, 'A <b>bold</b> claim &amp; more.', 'A bold claim & more.'),
    row(text, 'Next one.'),
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
  assert.deepEqual(summary(text), [row(text, 'The train left Pyongyang on Sunday.', undefined, 'tableCell')]);
  assert.equal(isProseCell('60 km/h'), false);
  assert.equal(isProseCell('1,200 (2019)'), false);
  assert.equal(isProseCell('Armoured train'), false);
  assert.equal(isProseCell('The train left Pyongyang on Sunday.'), true);
});

test('block kinds and offsets: headings, nested quotes, list items, task boxes, setext, CRLF', () => {
  const text = '# The *armoured* train #\r\n\r\n> Quoted claim here.\r\n> > Nested quote line.\r\n\r\n- [x] Done item.\r\n- Item with\r\n  lazy line.\r\n\r\nSetext title\r\n---\r\n';
  assert.deepEqual(summary(text), [
    row(text, 'The *armoured* train', 'The armoured train', 'heading'),
    row(text, 'Quoted claim here.', undefined, 'quote'),
    row(text, 'Nested quote line.', undefined, 'quote'),
    row(text, 'Done item.', undefined, 'listItem'),
    // The CR of a CRLF inside a sentence reads as a space like the line feed.
    row(text, 'Item with\r\n  lazy line.', 'Item with lazy line.', 'listItem'),
    row(text, 'Setext title', undefined, 'heading'),
  ]);
});

test('tabs, NUL and a BOM do not move offsets', () => {
  const text = '\ufeff-\tTabbed item one.\n\n>\tQuoted\u0000 text.\n\n  \tIndented paragraph line.\n';
  for (const segment of segments(text)) {
    const original = text.slice(segment.start, segment.end);
    for (let i = 0; i < original.length; i++) if (segment.text[i] !== ' ') assert.equal(segment.text[i], original[i]);
  }
  assert.deepEqual(summary(text).slice(0, 1), [row(text, 'Tabbed item one.', undefined, 'listItem')]);
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
