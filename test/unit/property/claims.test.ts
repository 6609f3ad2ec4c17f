// Property tests of claim extraction: tokens, atoms, number formats, normalisation.
import { testProperty } from './run.js';

testProperty('tokenize', 500);
testProperty('extractClaim', 400);
testProperty('sentenceKeys', 400);
testProperty('number parsing', 400);
testProperty('fold', 500);
testProperty('skeleton', 500);
