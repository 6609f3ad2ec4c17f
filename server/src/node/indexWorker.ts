// An indexing worker (see loadCorpus.ts): parses corpus files and computes
// their sentences' retrieval keys off the main thread. It keeps its own key
// table, so each reply carries integer key ids plus only the keys it has not
// sent before. Bundled as dist/indexWorker.js next to dist/server.js and dist/cli.js.
// HTML, PDF and DOCX files are extracted here too (formats/, asynchronous):
// requests are still analysed and answered in the order they came, because
// the key ids of a reply continue those of the one before.

import { parentPort } from 'node:worker_threads';
import { analyseSource, KeyTable } from '../core/index/analysed.js';
import type { SourceContent } from '../core/types.js';
import { prepareSource } from './formats/index.js';

export interface AnalyseRequest {
  seq: number;
  path: string;
  content: SourceContent;
  maxBytes: number;
}

const port = parentPort;
if (port) {
  const table = new KeyTable();
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (request: AnalyseRequest) => {
    const prepared = prepareSource(request.path, request.content, request.maxBytes);
    queue = queue.then(async () => {
      const result = analyseSource(request.path, await prepared, request.maxBytes, table);
      port.postMessage({ seq: request.seq, result }, [result.offsets.buffer as ArrayBuffer, result.keys.buffer as ArrayBuffer]);
    });
  });
}
