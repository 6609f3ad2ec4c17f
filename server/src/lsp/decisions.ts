// The decisions file is shared by the server and the CLI: it lives in node/decisions.ts.
export * from '../node/decisions.js';
