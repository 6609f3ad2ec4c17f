import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes } from '../../../server/src/core/text/decode.js';

const options = { maxBytes: 1024 * 1024 };
const sample = 'Toget kjører i 60 km/t – «Vennskapsbroen» på 800 meter. Ærlig og søt.';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

function decodedText(result: ReturnType<typeof decodeBytes>): string {
  assert.ok('text' in result, `expected text, got ${JSON.stringify(result)}`);
  return result.text;
}

test('UTF-8 with and without BOM', () => {
  const plain = new TextEncoder().encode(sample);
  const plainResult = decodeBytes(plain, 'a.txt', options);
  assert.equal(decodedText(plainResult), sample);
  assert.equal('encoding' in plainResult && plainResult.encoding, 'utf-8');
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
  const bomResult = decodeBytes(withBom, 'b.txt', options);
  assert.equal(decodedText(bomResult), sample, 'the BOM is not part of the text');
  assert.ok(!('problem' in bomResult && bomResult.problem));
});

test('UTF-16 LE and BE with BOM, and BOM-less UTF-16 by its NUL pattern', () => {
  assert.equal(decodedText(decodeBytes(utf16(sample, true, true), 'le.txt', options)), sample);
  assert.equal(decodedText(decodeBytes(utf16(sample, false, true), 'be.txt', options)), sample);
  const bomlessLe = decodeBytes(utf16(sample, true, false), 'le2.txt', options);
  assert.equal(decodedText(bomlessLe), sample);
  assert.equal('encoding' in bomlessLe && bomlessLe.encoding, 'utf-16le');
  const bomlessBe = decodeBytes(utf16(sample, false, false), 'be2.txt', options);
  assert.equal(decodedText(bomlessBe), sample);
  assert.equal('encoding' in bomlessBe && bomlessBe.encoding, 'utf-16be');
});

test('invalid UTF-8 falls back to Windows-1252 with a warning naming the file', () => {
  // "Ærlig og søt – 5 €" in Windows-1252.
  const bytes = new Uint8Array([0xc6, 0x72, 0x6c, 0x69, 0x67, 0x20, 0x6f, 0x67, 0x20, 0x73, 0xf8, 0x74, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]);
  const result = decodeBytes(bytes, 'corpus/legacy.txt', options);
  assert.equal(decodedText(result), 'Ærlig og søt – 5 €');
  assert.ok('problem' in result && result.problem);
  assert.equal(result.problem.severity, 'warning');
  assert.equal(result.problem.code, 'not-utf8');
  assert.match(result.problem.message, /corpus\/legacy\.txt/);
});

test('mostly garbage that is not UTF-8 is skipped', () => {
  const bytes = new Uint8Array(400);
  for (let i = 0; i < bytes.length; i++) bytes[i] = 0x80 + ((i * 37) % 0x3f);
  const result = decodeBytes(bytes, 'junk.txt', options);
  assert.ok(!('text' in result));
  assert.equal(result.problem.code, 'bad-encoding');
  assert.match(result.problem.message, /junk\.txt/);
});

test('binary files: NUL bytes or many control characters', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 0, 9]);
  const result = decodeBytes(png, 'image.txt', options);
  assert.ok(!('text' in result));
  assert.equal(result.problem.code, 'binary-file');
  assert.match(result.problem.message, /image\.txt/);

  const controls = new Uint8Array(2000);
  for (let i = 0; i < controls.length; i++) controls[i] = i % 3 === 0 ? 0x01 : 0x41;
  const controlResult = decodeBytes(controls, 'controls.txt', options);
  assert.ok(!('text' in controlResult));
  assert.equal(controlResult.problem.code, 'binary-file');
});

test('too large and empty files', () => {
  const large = decodeBytes(new Uint8Array(2048), 'big.txt', { maxBytes: 1024 });
  assert.ok(!('text' in large));
  assert.equal(large.problem.code, 'too-large');
  assert.match(large.problem.message, /big\.txt.*2048.*1024/);
  const empty = decodeBytes(new Uint8Array(0), 'empty.txt', options);
  assert.ok(!('text' in empty));
  assert.equal(empty.problem.code, 'empty-file');
  assert.equal(empty.problem.severity, 'info');
  assert.match(empty.problem.message, /empty\.txt/);
});
