// Property tests of the text layer: line index, decoding, corpus file parsing.
import { testProperty } from './run.js';

testProperty('LineIndex', 300);
testProperty('decodeBytes', 500);
testProperty('parseSource', 300);
