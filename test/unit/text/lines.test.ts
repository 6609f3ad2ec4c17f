import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/core/text/lines.js';
import { hashText } from '../../../server/src/core/text/hash.js';

test('positions with \\n, \\r\\n and lone \\r line ends', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
  assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(6), { line: 1, character: 2 }, 'inside \\r\\n: end of the line');
  assert.deepEqual(lines.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(lines.positionAt(10), { line: 3, character: 0 });
  assert.deepEqual(lines.positionAt(12), { line: 3, character: 2 });
  assert.equal(lines.offsetAt({ line: 1, character: 1 }), 4);
  assert.equal(lines.offsetAt({ line: 2, character: 0 }), 7);
  assert.deepEqual(lines.rangeAt(3, 5), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
});

test('out-of-range input is clamped', () => {
  const lines = new LineIndex('ab\ncd');
  assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
  assert.equal(lines.offsetAt({ line: -1, character: 3 }), 0);
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), 5);
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2, 'clamped to the end of the line, before its break');
  assert.equal(lines.offsetAt({ line: 1, character: -4 }), 3);
  const empty = new LineIndex('');
  assert.equal(empty.lineCount, 1);
  assert.deepEqual(empty.positionAt(3), { line: 0, character: 0 });
});

test('offsetAt inverts positionAt for every offset outside a line break', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'ø', '😀', '\n', '\r\n', '\r', ' '), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const lines = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const insideCrlf = text[offset - 1] === '\r' && text[offset] === '\n';
        if (!insideCrlf) assert.equal(lines.offsetAt(lines.positionAt(offset)), offset);
      }
    }),
  );
});

test('hashText: stable, 16 hex digits, sensitive to every character', () => {
  assert.match(hashText('abc'), /^[0-9a-f]{16}$/);
  assert.equal(hashText('Toget har 90 vogner.'), hashText('Toget har 90 vogner.'));
  assert.notEqual(hashText('Toget har 90 vogner.'), hashText('Toget har 91 vogner.'));
  assert.notEqual(hashText(''), hashText(' '));
});
