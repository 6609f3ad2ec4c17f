#!/usr/bin/env node
// Thin launcher: the real code is bundled in dist/cli.js (built by `npm ci` through `prepare`).
require('../dist/cli.js');
