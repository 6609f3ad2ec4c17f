// An indexing worker (see loadCorpus.ts): parses corpus files and computes
// their sentences' retrieval keys off the main thread. It keeps its own key
// table, so each reply carries integer key ids plus only the keys it has not
// sent before. Bundled as dist/indexWorker.js next to dist/server.js and dist/cli.js.

import { parentPort } from 'node:worker_threads';
import { analyseSource, KeyTable } from '../core/index/analysed.js';

export interface AnalyseRequest {
  seq: number;
  path: string;
  content: Uint8Array | string;
  maxBytes: number;
}

const port = parentPort;
if (port) {
  const table = new KeyTable();
  port.on('message', (request: AnalyseRequest) => {
    const result = analyseSource(request.path, request.content, request.maxBytes, table);
    port.postMessage({ seq: request.seq, result }, [result.offsets.buffer as ArrayBuffer, result.keys.buffer as ArrayBuffer]);
  });
}
