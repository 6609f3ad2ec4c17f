// The server's message encoder: parts registered with encodedOnce are encoded
// once and spliced in; every message must still be byte for byte what
// JSON.stringify gives.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Message } from 'vscode-languageserver/node';
import { carriesEncoded, encodedOnce, encodeMessage } from '../../../server/src/lsp/transport.js';

const plain = (message: unknown) => Buffer.from(JSON.stringify(message), 'utf8');

describe('transport: encodedOnce', () => {
  test('a diagnostic report with cached related information encodes exactly as JSON.stringify', () => {
    const related = encodedOnce([
      { location: { uri: 'file:///ws/corpus/a.md', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } } }, message: 'Agrees (60 km/h): "It does 60 km/h — “quoted” 🚆"' },
    ]);
    const report = carriesEncoded({
      kind: 'full',
      resultId: '3:1',
      items: [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } }, severity: 2, code: 'contradicted', message: 'Contradicted ½ \u2028', relatedInformation: related, tags: undefined },
        { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 20 } }, message: 'the same evidence again', relatedInformation: related, data: { key: 'k', n: -0, nan: Number.NaN } },
      ],
    });
    const message = { jsonrpc: '2.0', id: 7, result: report } as unknown as Message;
    assert.deepEqual(encodeMessage(message), plain(message));
    const push = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: carriesEncoded({ uri: 'file:///ws/d.md', diagnostics: report.items }) } as unknown as Message;
    assert.deepEqual(encodeMessage(push), plain(push));
  });

  test('a registered value is frozen: what was encoded is what is sent', () => {
    const related = encodedOnce([{ message: 'x', location: { uri: 'u', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } } }]);
    assert.ok(Object.isFrozen(related) && Object.isFrozen(related[0]) && Object.isFrozen(related[0]!.location.range.start));
    assert.throws(() => {
      (related[0] as { message: string }).message = 'y';
    });
  });

  test('any message, with any of its parts registered, encodes exactly as JSON.stringify', () => {
    const leaf = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 4 }),
      object: fc.dictionary(fc.string(), tie('tree'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), tree, { maxKeys: 5 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), (result, picks) => {
        // Register some of the nested objects and arrays (as the server does with related information).
        let n = 0;
        const visit = (value: unknown): void => {
          if (typeof value !== 'object' || value === null) return;
          for (const item of Object.values(value)) visit(item);
          if (value !== result && picks[n++ % picks.length]) encodedOnce(value);
        };
        visit(result);
        const message = { jsonrpc: '2.0', id: 1, result: carriesEncoded(result) } as unknown as Message;
        assert.deepEqual(encodeMessage(message), plain(message));
      }),
      { numRuns: 300 },
    );
  });
});
