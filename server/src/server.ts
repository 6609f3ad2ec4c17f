// Bundle entry of the language server (dist/server.js): the transport comes from argv.
import { startServer } from './lsp/startServer.js';
import { favourMemoryOverHeapGrowth } from './node/memoryPolicy.js';

favourMemoryOverHeapGrowth();
startServer();
