// Input generators shared by the property tests (test/unit/property/*.test.ts)
// and the fuzzer (scripts/fuzz.ts). Drafts and corpus files are built from a
// soup of fragments that matter to the extractors and the segmenter: words of
// the corpus languages, numbers in every local format, units, sentence
// punctuation, Markdown markup, every kind of line end and space, other
// scripts, emoji, lone surrogates and control characters — plus arbitrary
// UTF-16 strings and bytes.

import fc from 'fast-check';

const WORDS = [
  'the', 'The', 'train', 'armoured', 'has', 'a', 'top', 'speed', 'of', 'about', 'more', 'than', 'up', 'to', 'not', 'no',
  'Kim', 'Jong', 'Un', 'Putin', 'North', 'Korea', 'Pyongyang', 'Vladivostok', 'Khasan', 'Russia', "Kim's", 'McDonald',
  'Toget', 'toget', 'har', 'en', 'toppfart', 'på', 'rundt', 'vogner', 'ikke', 'ifølge', 'mandag', 'tirsdag', 'søndagskveld',
  'De', 'trein', 'heeft', 'negentig', 'wagons', 'ongeveer', 'maximumsnelheid', 'dinsdagochtend', ',,Het', 'niet',
  'Der', 'Zug', 'fährt', 'Stundenkilometer', 'Durchschnittsgeschwindigkeit', 'nicht', 'Le', 'train', "l'heure", "n'est",
  'El', 'tren', 'años', 'kilómetros', 'km', 'km/h', 'km/t', 'mph', 'kilometer', 'kilometres', 'per', 'hour', 'uur', 'i', 'timen',
  'million', 'millioner', 'miljoen', 'hundred', 'thousand', 'ninety', 'twenty', 'one', 'and', 'half', 'halvannen', 'thousands',
  'carriages', 'tanks', 'years', 'år', 'jaar', 'days', 'percent', '%', 'prosent', 'USD', 'dollars', 'kroner',
  'July', 'juli', 'May', 'may', 'mars', 'Tuesday', 'dinsdag', '1990s', '1990-tallet', 'jaren', 'late', 'early', 'mid',
  "don't", "isn't", 'co-operate', 'well-known', 'e.g.', 'i.e.', 'Dr.', 'Mr.', 'nr.', 'ca.', 'bl.a.', 'z.B.', 'J.', 'F.',
  'klokken', 'at', 'om', 'PM', 'am', 'since', 'in', 'I', 'think', 'we', 'believe', 'jeg', 'mener', 'KCNA', 'NATO', 'USA',
  'Foto:', 'Photo:', 'Advertisement', 'Share', 'Subscribe', 'GRENSEN:', 'spot_img', 'date', 'title:', 'language:',
];

const PUNCTUATION = [
  '.', '.', '.', '!', '?', '…', '...', ',', ';', ':', '"', "'", '«', '»', '„', '“', '”', '‘', '’', '‹', '›', '(', ')', '[', ']',
  '{', '}', '-', '–', '—', '/', '\\', '%', '$', '€', '£', '&', '¿', '¡', ',,', '?!', '.»', '."', '.)', '²', '°', '·', '•',
];

const MARKDOWN = [
  '# ', '## ', '###### ', '####### ', '#', '> ', '> > ', '>', '- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '```', '```js\n',
  '~~~', '`', '``', '**', '__', '_', '*', '~~', '[', ']', '](', ')', '![', '](http://x.test/a.png)', '[link](http://x.test/a)',
  '<', '>', '<!--', '-->', '<div>', '</div>', '<br/>', '<span class="x">', '</span>', '<script>', '</script>', '<pre>', '</pre>',
  '<http://x.test>', '<a@b.test>', '|', ' | ', '|---|---|', '| --- | :-: |', '---', '***', '___', '===', '[^1]', '[^note]: ',
  '[ref]: http://x.test', '\\', '\\*', '&amp;', '&#123;', '&#x1F600;', '&nbsp;', '+++', '    ', '\t', '---\ntitle: T\n---\n',
];

const SPACES = [' ', ' ', ' ', '  ', '\t', '\n', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\r\r', '\u00a0', '\u202f', '\u2003', '\u200b', '\u3000', '\ufeff', '\f', '\v', '\u2028', '\u2029', '\u0085'];

const SCRIPTS = [
  '中文', '汉字。', '。', '日本語の文です。', 'ひらがな', 'カタカナ', '한국어 문장입니다.', 'ภาษาไทย', 'ພາສາລາວ', 'မြန်မာ', 'ខ្មែរ',
  'العربية', '؟', 'עברית', 'Русский', 'Ελληνικά', 'हिन्दी', '।', 'ქართული', 'Հայերեն', 'አማርኛ', 'ᚠᚢᚦ', 'ꦗꦮ',
  'e\u0301', '\u0301', '\u0300\u0301\u0302', 'ﬁ', 'İ', 'ı', 'ß', 'ẞ', 'ǅ', 'Å', 'K', 'Ω', 'ŉ', 'ΐ', 'ﬀ', 'Ǆ',
];

const ASTRAL = ['😀', '👍🏽', '👨‍👩‍👧', '🇳🇴', '𝔘𝔫𝔦', '𠜎', '𝟏𝟐', '🚆', '\ud83d\ude00', '\ud800', '\udc00', '\udbff', '\udfff', '\udbff\udfff', '\ud800\ud800'];

const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u001b', '\u007f', '\u0085', '\u200e', '\u200f', '\u202e', '\u2066', '\ufffd', '\uffff', '\ufffe'];

/** Numbers as people write them in the corpus languages, and some they should not. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.nat({ max: 100 }).map(String),
  fc.nat().map(String),
  fc.integer({ min: 1500, max: 2200 }).map(String),
  fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 999 })).map(([a, b]) => `${a},${String(b).padStart(3, '0')}`),
  fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 999 }), fc.nat({ max: 999 })).map(([a, b, c]) => `${a}.${String(b).padStart(3, '0')}.${String(c).padStart(3, '0')}`),
  fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 999 })).map(([a, b]) => `${a}\u00a0${String(b).padStart(3, '0')}`),
  fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a},${b}`),
  fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 70 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
  fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 70 })).map(([h, m]) => `${h}.${String(m).padStart(2, '0')}`),
  fc.integer({ min: 1, max: 12 }).map((n) => '1.'.repeat(n) + '1'),
  fc.integer({ min: 1, max: 40 }).map((n) => '9'.repeat(n)),
  fc.integer({ min: 300, max: 400 }).map((n) => '9'.repeat(n)),
  fc.constantFrom('0', '00', '007', '1e9', '1,2.3', '1.2,3', '1,,2', '1..2', '12:', ':30', '1:2:3', '１２３', '٣', '²', 'Ⅻ', '½', '-5', '+5', '5-7', '5–7'),
);

/** Any code point but a lone surrogate (fast-check's own 'binary' unit costs a second to build). */
export const codePoint: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 0x10ffff - 0x800 })
  .map((code) => String.fromCodePoint(code >= 0xd800 ? code + 0x800 : code));

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 6, arbitrary: numberText },
  { weight: 6, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 5, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 14, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 2, arbitrary: fc.constantFrom(...ASTRAL) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 1, arbitrary: fc.string({ unit: codePoint, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) },
);

/** Text made of fragments: draft- and corpus-like, with every kind of trouble mixed in. */
export function soup(maxFragments = 60): fc.Arbitrary<string> {
  return fc.array(fragment, { maxLength: maxFragments }).map((parts) => parts.join(''));
}

/** Any UTF-16 string, lone surrogates included. */
export const anyUtf16: fc.Arbitrary<string> = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 80,
});

/** Text for the extractors: mostly soup, sometimes arbitrary code units or code points. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: soup() },
  { weight: 1, arbitrary: anyUtf16 },
  { weight: 1, arbitrary: fc.string({ unit: codePoint, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** One line of a draft that talks about the fixed corpus, with a value that may differ from the sources'. */
const claimLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      'The armoured train has a top speed of {n} km/h.',
      'The train has {n} carriages.',
      'Toget har en toppfart på {n} km/t.',
      'De trein heeft {n} wagons.',
      'The trip from Pyongyang to Vladivostok takes about {n} hours.',
      'Kim Jong Un arrived on {d} at {c}.',
      'The train left Pyongyang in {y}.',
      'Kim met Putin on {d}, {y}.',
      'The border is {n} km long.',
      'It has been in service since the {y}s.',
    ),
    numberText,
    fc.constantFrom('Monday', 'Tuesday', 'tirsdag', 'dinsdagochtend', '12 July', 'July 27'),
    fc.constantFrom('13:10', '4:12 PM', '14.29', '25:99'),
    fc.constantFrom('1990', '2019', '2023', '1500', '2200'),
    soup(4),
    soup(4),
  )
  .map(([template, n, d, c, y, before, after]) =>
    before + template.replace('{n}', n).replace('{d}', d).replace('{c}', c).replace('{y}', y) + after,
  );

/** A Markdown or plain draft: claim lines about the fixed corpus among soup. */
export const draft: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof({ weight: 3, arbitrary: claimLine }, { weight: 1, arbitrary: soup(20) }), { maxLength: 8 }).chain((lines) =>
    fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ' ', '\n> ', '\n- ', '\n# ').map((sep) => lines.join(sep)),
  ) },
  { weight: 1, arbitrary: text },
);

/** A small fixed corpus: the same story in three languages, with the values the drafts vary. */
export const FIXED_CORPUS: Record<string, string> = {
  'corpus/train-en.md': `---
title: The Armoured Train
outlet: Example Times
date: 2023-09-12
---

# The armoured train

The armoured train has a top speed of 60 km/h.

The train has ninety carriages.

The trip from Pyongyang to Vladivostok takes about 20 hours.

Kim Jong Un arrived on Tuesday at 13:10. Kim met Putin on 12 July, 2023.
`,
  'corpus/tog-nb.txt': `date 2023-09-12

Toget har en toppfart på rundt 60 km/t.

Toget har 90 vogner, ifølge sørkoreanske medier.

Grensen mellom Russland og Nord-Korea er 17 kilometer lang.
`,
  'corpus/trein-nl.txt': `De gepantserde trein haalt een maximumsnelheid van ongeveer 60 kilometer per uur.\r\n\r\nDe reis van Pyongyang naar Vladivostok duurt ongeveer 20 uur.\r\n`,
};

/** Path + content of one corpus file: a name that decides the parser, and text or bytes in some encoding. */
export const corpusFile: fc.Arbitrary<{ path: string; content: string | Uint8Array }> = fc.record({
  path: fc.constantFrom('a.txt', 'b.md', 'c.markdown', 'D.TXT', 'dir with space/ø.md', 'x'),
  content: fc.oneof(
    { weight: 3, arbitrary: draft },
    { weight: 2, arbitrary: text.chain((value) => encoded(value)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  ),
});

/** A string as bytes in one of the encodings corpus files come in. */
export function encoded(value: string): fc.Arbitrary<Uint8Array> {
  return fc.constantFrom('utf8', 'utf8bom', 'utf16le', 'utf16lebom', 'utf16be', 'utf16bebom', 'latin1').map((encoding) => encode(value, encoding));
}

export function encode(value: string, encoding: string): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return new Uint8Array(Buffer.from(value, 'utf8'));
    case 'utf8bom':
      return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(value, 'utf8')]));
    case 'utf16le':
    case 'utf16lebom': {
      const body = Buffer.from(value, 'utf16le');
      return new Uint8Array(encoding.endsWith('bom') ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
    }
    case 'utf16be':
    case 'utf16bebom': {
      const body = Buffer.from(value, 'utf16le').swap16();
      return new Uint8Array(encoding.endsWith('bom') ? Buffer.concat([Buffer.from([0xfe, 0xff]), body]) : body);
    }
    case 'latin1':
      return new Uint8Array(Buffer.from(value, 'latin1'));
    default:
      throw new Error(`unknown encoding ${encoding}`);
  }
}
