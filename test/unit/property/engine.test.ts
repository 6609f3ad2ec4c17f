// Property tests of Engine.checkDraft on arbitrary drafts against a small fixed corpus.
import { testProperty } from './run.js';

testProperty('Engine.checkDraft: no throw', 200);
testProperty('Engine.checkDraft: cancellation', 100);
testProperty('Engine.importSnapshot', 200);
