// Bytes -> text for corpus files. Problems are data (never thrown) and every
// message names the file, because they end up in a list of skipped files.
// Node's TextDecoder covers UTF-8 and UTF-16 and a 32-entry table covers
// Windows-1252, so no detection library (chardet, iconv-lite) is needed:
// UTF-8 is self-validating, UTF-16 is recognised by its BOM or its NUL-byte
// pattern, and anything else is read as Windows-1252, the usual legacy
// encoding of the corpus languages.

import type { Problem } from '../types.js';

export interface DecodeOptions {
  maxBytes: number;
}

export type DecodeResult =
  | { text: string; encoding: string; /** A warning about a lossy fallback; the text is still usable. */ problem?: Problem }
  | { problem: Problem };

/** How much of a file the binary / UTF-16 sniffers look at. */
const SNIFF_BYTES = 8192;

export function decodeBytes(bytes: Uint8Array, path: string, options: DecodeOptions): DecodeResult {
  if (bytes.length > options.maxBytes) return { problem: tooLargeProblem(path, bytes.length, options.maxBytes) };
  if (bytes.length === 0) {
    return { problem: { path, severity: 'info', code: 'empty-file', message: `${path}: skipped, the file is empty` } };
  }

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes, path, 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, path, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, path, 'utf-16be');

  const bomless = sniffBomlessUtf16(bytes);
  if (bomless) return decodeUtf16(bytes, path, bomless);

  if (bytes.indexOf(0) !== -1) return { problem: binaryProblem(path, 'it contains NUL bytes') };
  return decodeUtf8(bytes, path, 'utf-8');
}

export function tooLargeProblem(path: string, size: number, maxBytes: number): Problem {
  return {
    path,
    severity: 'warning',
    code: 'too-large',
    message: `${path}: skipped, ${size} bytes is more than the limit of ${maxBytes} bytes`,
  };
}

function binaryProblem(path: string, reason: string): Problem {
  return { path, severity: 'warning', code: 'binary-file', message: `${path}: skipped, looks like a binary file (${reason})` };
}

function decodeUtf8(bytes: Uint8Array, path: string, encoding: string): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeLegacy(bytes, path);
  }
  if (hasManyControlCharacters(text)) return { problem: binaryProblem(path, 'it is full of control characters') };
  return { text, encoding };
}

function decodeUtf16(bytes: Uint8Array, path: string, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  // Not fatal: a stray unpaired surrogate should not cost the whole file.
  const text = new TextDecoder(encoding).decode(bytes);
  if (hasManyControlCharacters(text)) return { problem: binaryProblem(path, 'it is full of control characters') };
  return { text, encoding };
}

function decodeLegacy(bytes: Uint8Array, path: string): DecodeResult {
  const text = decodeWindows1252(bytes);
  if (hasManyControlCharacters(text) || !looksLikeText(text)) {
    return {
      problem: {
        path,
        severity: 'warning',
        code: 'bad-encoding',
        message: `${path}: skipped, the file is neither valid UTF-8 nor readable as Windows-1252`,
      },
    };
  }
  return {
    text,
    encoding: 'windows-1252',
    problem: {
      path,
      severity: 'warning',
      code: 'not-utf8',
      message: `${path}: not valid UTF-8, read as Windows-1252 (Latin-1); save it as UTF-8 to be sure of its accents`,
    },
  };
}

// Node's TextDecoder treats 'windows-1252' as ISO-8859-1 and leaves 0x80-0x9F
// as C1 controls, so the 32 code points that differ are mapped here.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk = new Uint16Array(Math.min(bytes.length, 8192));
  for (let start = 0; start < bytes.length; start += chunk.length) {
    const end = Math.min(bytes.length, start + chunk.length);
    for (let i = start; i < end; i++) {
      const byte = bytes[i];
      chunk[i - start] = byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : byte;
    }
    out += String.fromCharCode(...chunk.subarray(0, end - start));
  }
  return out;
}

/**
 * UTF-16 text in Latin scripts has a NUL in every other byte. Requiring most
 * of one parity and almost none of the other keeps binary files out.
 */
function sniffBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** C0 controls other than tab, line feed, form feed and carriage return. */
function hasManyControlCharacters(text: string): boolean {
  const length = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 0x7f) controls++;
  }
  return controls > 8 && controls > length * 0.01;
}

/**
 * Windows-1252 maps every byte to something, so judge the result: text in
 * our languages is mostly ASCII, accented letters and typographic punctuation;
 * random bytes give mostly symbols (¤ ¦ ¨ ¬ ¯ ±...) and unassigned controls.
 */
function looksLikeText(text: string): boolean {
  const length = Math.min(text.length, SNIFF_BYTES * 4);
  let plausible = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 32 && code < 127) || code === 9 || code === 10 || code === 13) plausible++;
    else if (PLAUSIBLE_NON_ASCII.test(text[i])) plausible++;
  }
  return plausible >= length * 0.9;
}

const PLAUSIBLE_NON_ASCII = /[\p{L}\u00a0\u00ab\u00bb\u00b0\u00a7\u00b7\u00bd\u00bc\u00be\u00b2\u00b3\u00a9\u00ae\u2013\u2014\u2018-\u201e\u2026\u2022\u20ac\u2122]/u;
