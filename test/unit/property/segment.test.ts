// Property tests of the segmenter (see properties.ts for what is asserted).
import { testProperty } from './run.js';

testProperty('segmentText (markdown)', 400);
testProperty('segmentText (plain)', 400);
