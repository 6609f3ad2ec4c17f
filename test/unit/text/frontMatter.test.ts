// The front matter fast path (simpleYamlFields) against the YAML parser: when
// it answers, it must give exactly the fields YAML gives; on anything unusual
// it must step aside.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFrontMatter, simpleYamlFields, yamlFields } from '../../../server/src/core/text/frontMatter.js';

const KEYS = ['title', 'Title', 'outlet', 'date', 'url', 'language', 'lang', 'author', 'sources', 'x-id', '_k', 'a1'];
const VALUES = [
  'Sky News', '"Dorber express to cut travel time"', "'single quoted'", '2022-04-25', '2022-04-25T10:00:00Z', 'https://example.org/en/0/0',
  '1:30', '12', '007', '1e3', '0x1F', '.5', '.inf', '-3', '+4.5', 'true', 'True', 'FALSE', 'yes', 'No', 'on', 'null', 'Null', '~', '',
  'C# in depth', 'a # comment', 'a: b', 'ends:', 'He said "hi"', '"esc\\"aped"', '"a \\n b"', "'it''s'", '[a, b]', '{a: 1}', '- item',
  '|', '>', '&anchor x', '*alias', '!tag x', '%x', '@x', '`x`', 'Ålesund', 'Øst-Finnmark', 'naïve café', '  padded  ', '"  padded  "',
  'tab\there', 'x\u0085y', 'emoji 🚆', 'under_score', 'a,b', 'a:b', '?x', 'x?', 'Dr. No', '2020', '12:30:45', '0o17', '1_000', '.NaN',
];

const line = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), fc.constantFrom(' ', '  ', '\t')).map(([k, v, sep]) => `${k}:${sep}${v}`),
  fc.constantFrom('', '# comment', '  indented: x', '---', '...', 'no colon', 'key:', '- a', '  - b', 'k:  "x" # c'),
);
const body = fc.array(line, { maxLength: 8 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

test('when the fast path answers, it gives the YAML parser\'s fields', () => {
  let answered = 0;
  fc.assert(
    fc.property(body, (text) => {
      const fast = simpleYamlFields(text);
      if (fast === undefined) return;
      answered++;
      assert.deepEqual(fast, yamlFields(text), JSON.stringify(text));
    }),
    { numRuns: 3000 },
  );
  assert.ok(answered > 300, `the fast path answered ${answered} times`);
});

test('every value of the list alone: same fields or a step aside', () => {
  for (const key of KEYS) {
    for (const value of VALUES) {
      const text = `${key}: ${value}`;
      const fast = simpleYamlFields(text);
      if (fast !== undefined) assert.deepEqual(fast, yamlFields(text), text);
    }
  }
});

test('typical news front matter takes the fast path', () => {
  const text = '---\ntitle: "Dorber express to cut travel time"\noutlet: Sky News\ndate: 2022-04-25\nurl: https://example.org/en/0/0\nlanguage: en\n---\n# T\n';
  assert.deepEqual(simpleYamlFields(text.split('---\n')[1]), { title: 'Dorber express to cut travel time', outlet: 'Sky News', date: '2022-04-25', url: 'https://example.org/en/0/0', language: 'en' });
  assert.equal(parseFrontMatter(text).fields.outlet, 'Sky News');
});
