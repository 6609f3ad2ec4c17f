// Runs one property of properties.ts as a node:test test with a modest number of runs.
// A failure message carries the seed and path: replay it with
//   npm run fuzz -- --property "<name>" --seed <seed> --path "<path>"

import { test } from 'node:test';
import fc from 'fast-check';
import { property } from './properties.js';

export function testProperty(name: string, numRuns: number): void {
  const def = property(name);
  test(def.name, () => {
    fc.assert(fc.property(def.arbitrary, def.check), { numRuns });
  });
}
