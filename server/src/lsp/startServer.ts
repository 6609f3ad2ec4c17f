/**
 * The language server's wiring: capabilities, lifecycle and handler bindings.
 * No logic here. `startServer()` picks the transport from argv (`--stdio`,
 * `--node-ipc`, `--socket=`; transport.ts); tests and the CLI (`corroborate
 * lsp --stdio`) call the same function.
 */

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { basename } from 'node:path';
import { Diagnostics } from './diagnostics.js';
import { claims, codeActions, evidenceAt, executeCommand, hover, report, resolveCodeAction, sourceText } from './features.js';
import {
  ClaimsRequest,
  EvidenceAtRequest,
  SourceTextRequest,
  type SourceTextParams,
  ReportRequest,
  ServerCommands,
  type ClaimsParams,
  type EvidenceAtParams,
  type InitializationOptions,
  type ReportParams,
} from './protocol.js';
import { createServerConnection } from './transport.js';
import { CorpusWatcher } from './watch.js';
import { pathToUri, readCapabilities, uriToPath, World } from './world.js';

/** Runs a handler; a failure is logged and answered with `fallback`, never a dead server. */
async function guarded<T>(world: World, what: string, fallback: T, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // Cancellation and "superseded" answers are ResponseErrors meant for the client.
    if (error instanceof ResponseError) throw error;
    world.log.error(`Corroborate: ${what} failed: ${(error as Error).stack ?? error}`);
    return fallback;
  }
}

function initialFolders(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders;
  const rootUri = params.rootUri ?? (params.rootPath ? pathToUri(params.rootPath) : null);
  if (!rootUri) return [];
  return [{ uri: rootUri, name: basename(uriToPath(rootUri) ?? rootUri) }];
}

export function startServer(given?: Connection): void {
  const connection: Connection = given ?? createServerConnection();
  const world = new World(connection);
  // Last line of defence: a bug in one handler must not take the server (and every editor feature) down.
  process.on('unhandledRejection', (reason) => world.log.error(`Corroborate: unhandled rejection: ${(reason as Error)?.stack ?? reason}`));
  process.on('uncaughtException', (error) => world.log.error(`Corroborate: uncaught exception: ${error.stack ?? error}`));
  const diagnostics = new Diagnostics(world);
  const watcher = new CorpusWatcher(world);
  /** Version each document was opened at: onDidChangeContent also fires for the open itself. */
  const openedVersion = new Map<string, number>();

  /** Pulls each folder's settings and applies them; corpus-changing ones re-index that folder. */
  async function configureFolders(): Promise<void> {
    await Promise.all(
      [...world.folders.values()].map(async (folder) => {
        folder.configure(await world.settingsFor(folder.uri));
      }),
    );
    await watcher.update();
    // Corpus files opened before the roots were known (restored editors) count with their buffers.
    for (const document of world.documents.all()) {
      const path = uriToPath(document.uri);
      const owner = path !== undefined ? world.corpusOwner(path) : undefined;
      if (owner && path !== undefined) owner.setOverlay(path, document.getText(), true);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    world.capabilities = readCapabilities(params.capabilities);
    world.initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    // Folders exist from the start so requests that arrive before `initialized` find their folder.
    for (const folder of initialFolders(params)) world.addFolder(folder);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        hoverProvider: true,
        // Edits are resolved lazily for clients that can (codeAction/resolve); the others get them at once.
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: world.capabilities.codeActionResolve },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'corroborate', version: '0.1.0' },
    };
    if (world.capabilities.pullDiagnostics) {
      // A corpus edit changes a draft's diagnostics: that is what interFileDependencies means.
      result.capabilities.diagnosticProvider = {
        identifier: 'corroborate',
        interFileDependencies: true,
        workspaceDiagnostics: false,
      };
    }
    return result;
  });

  connection.onInitialized(() => {
    void guarded(world, 'initialization', undefined, async () => {
      if (world.capabilities.configurationDynamic) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'corroborate' });
      }
      if (world.capabilities.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          void guarded(world, 'workspace folders change', undefined, async () => {
            for (const removed of event.removed) world.removeFolder(removed.uri);
            for (const added of event.added) {
              const folder = world.addFolder(added);
              if (folder) void folder.loadDecisions();
            }
            await configureFolders();
            diagnostics.settingsChanged();
          });
        });
      }
      if (world.folders.size === 0) {
        world.log.warn('Corroborate: no workspace folder; open a folder with a corpus/ folder to check drafts.');
      }
      await Promise.all([...world.folders.values()].map((folder) => folder.loadDecisions()));
      await configureFolders();
    });
  });

  connection.onDidChangeConfiguration((change) => {
    void guarded(world, 'configuration change', undefined, async () => {
      const settings = (change.settings as { corroborate?: unknown } | null | undefined)?.corroborate;
      if (settings !== undefined) world.globalSettings = settings;
      world.clearSettings();
      await configureFolders();
      diagnostics.settingsChanged();
    });
  });

  connection.onDidChangeWatchedFiles((params) => watcher.onDidChangeWatchedFiles(params));
  world.onConfigFileChanged = () => {
    void guarded(world, 'configuration file change', undefined, async () => {
      world.clearSettings();
      await configureFolders();
      diagnostics.settingsChanged();
    });
  };

  world.documents.onDidOpen((event) => {
    openedVersion.set(event.document.uri, event.document.version);
    const path = uriToPath(event.document.uri);
    const owner = path !== undefined ? world.corpusOwner(path) : undefined;
    if (owner && path !== undefined) owner.setOverlay(path, event.document.getText(), true);
    else diagnostics.onOpen(event.document);
  });
  world.documents.onDidChangeContent((event) => {
    // onDidChangeContent also fires on open; the open handler has dealt with that version.
    if (event.document.version === openedVersion.get(event.document.uri)) return;
    const path = uriToPath(event.document.uri);
    const owner = path !== undefined ? world.corpusOwner(path) : undefined;
    if (owner && path !== undefined) {
      owner.setOverlay(path, event.document.getText());
      return;
    }
    void guarded(world, 'change', undefined, () => diagnostics.onChange(event.document));
  });
  world.documents.onDidSave((event) => diagnostics.onSave(event.document));
  world.documents.onDidClose((event) => {
    const uri = event.document.uri;
    const path = uriToPath(uri);
    for (const folder of world.folders.values()) if (path !== undefined) folder.clearOverlay(path);
    diagnostics.onClose(uri);
    world.forgetDocument(uri);
    openedVersion.delete(uri);
  });

  const noDiagnostics: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  connection.languages.diagnostics.on((params, token) =>
    guarded(world, `diagnostics for ${params.textDocument.uri}`, noDiagnostics, () => diagnostics.pull(params, token)),
  );
  connection.onHover((params, token) => guarded(world, 'hover', null, () => hover(world, params, token)));
  connection.onCodeAction((params, token) => guarded(world, 'code actions', [], () => codeActions(world, params, token)));
  connection.onCodeActionResolve((action) => guarded(world, 'code action resolve', action, () => resolveCodeAction(world, action)));
  connection.onExecuteCommand((params) => guarded(world, `command ${params.command}`, null, () => executeCommand(world, diagnostics, params)));
  connection.onRequest(ReportRequest.method, (params: ReportParams, token) =>
    guarded(world, 'report', null, () => report(world, params, token)),
  );
  connection.onRequest(ClaimsRequest.method, (params: ClaimsParams, token) =>
    guarded(world, 'claims', null, () => claims(world, params, token)),
  );
  connection.onRequest(EvidenceAtRequest.method, (params: EvidenceAtParams, token) =>
    guarded(world, 'evidenceAt', [], () => evidenceAt(world, params, token)),
  );
  connection.onRequest(SourceTextRequest.method, (params: SourceTextParams) => guarded(world, 'sourceText', null, () => sourceText(world, params)));
  connection.onShutdown(async () => {
    watcher.dispose();
    // A pending index cache write (after corpus changes) is not lost on exit.
    await Promise.all([...world.folders.values()].map((folder) => folder.flushCache()));
  });

  world.documents.listen(connection);
  connection.listen();
}
