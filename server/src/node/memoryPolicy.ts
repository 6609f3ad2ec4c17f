// How the Node processes that hold a corpus index trade memory against
// garbage-collection time. V8 lets the heap grow to about twice what survived
// its last full collection before collecting again; an index of 10,000
// articles keeps ~190 MB alive, so a cold index peaked ~150 MB above it.
// Growing by a fifth instead cost no measurable indexing time on the
// benchmark (more, smaller collections of a heap that is mostly long-lived)
// and lowered the peak of a 10,000-article cold index from ~570 to ~450 MB.
// Set once at process start by the language server, the CLI and the
// benchmark (V8 flags are per process; worker threads share them).

import { setFlagsFromString } from 'node:v8';

/** Percent the V8 heap may grow past its live size before the next full collection. */
export const HEAP_GROWING_PERCENT = 20;

let applied = false;

export function favourMemoryOverHeapGrowth(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
