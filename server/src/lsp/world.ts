/**
 * Server state in one place: the connection, open documents, client
 * capabilities, one CorpusFolder per workspace folder, per-resource settings,
 * the check cache and the bookkeeping of run modes (which version of a draft
 * should be checked). Handlers read and act through it.
 */

import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname } from 'node:path';
import {
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Logger } from '../core/types.js';
import { DraftChecker } from './checks.js';
import { toSlashes } from './claimView.js';
import { CorpusFolder, type FolderHost, type IndexProgress } from './corpusFolder.js';
import { IndexCache } from '../node/indexCache.js';
import {
  CorpusStatusNotification,
  type CorpusStatusParams,
  type InitializationOptions,
  type Settings,
} from './protocol.js';
import { folderConfig } from '../node/config.js';
import { mergeSettingsSources, parseSettings, validSettingsFields } from './settings.js';

export interface Capabilities {
  pullDiagnostics: boolean;
  refreshDiagnostics: boolean;
  configuration: boolean;
  workDoneProgress: boolean;
  watchedFilesDynamic: boolean;
  relativePatterns: boolean;
  configurationDynamic: boolean;
  workspaceFolders: boolean;
  relatedInformation: boolean;
  documentChanges: boolean;
  /** The client resolves a code action's edit (`codeAction/resolve`) and keeps its data. */
  codeActionResolve: boolean;
  showDocument: boolean;
}

export function readCapabilities(capabilities: ClientCapabilities): Capabilities {
  const workspace = capabilities.workspace;
  const textDocument = capabilities.textDocument;
  return {
    pullDiagnostics: !!textDocument?.diagnostic,
    refreshDiagnostics: !!workspace?.diagnostics?.refreshSupport,
    configuration: !!workspace?.configuration,
    workDoneProgress: !!capabilities.window?.workDoneProgress,
    watchedFilesDynamic: !!workspace?.didChangeWatchedFiles?.dynamicRegistration,
    relativePatterns: !!workspace?.didChangeWatchedFiles?.relativePatternSupport,
    configurationDynamic: !!workspace?.didChangeConfiguration?.dynamicRegistration,
    workspaceFolders: !!workspace?.workspaceFolders,
    relatedInformation:
      !!textDocument?.publishDiagnostics?.relatedInformation ||
      !!(textDocument?.diagnostic as { relatedInformation?: boolean } | undefined)?.relatedInformation,
    documentChanges: !!workspace?.workspaceEdit?.documentChanges,
    codeActionResolve:
      !!textDocument?.codeAction?.dataSupport && !!textDocument.codeAction.resolveSupport?.properties.includes('edit'),
    showDocument: !!capabilities.window?.showDocument?.support,
  };
}

/** File-system path of a `file:` URI, or undefined for other schemes (untitled, ...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return toSlashes(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export class World {
  readonly connection: Connection;
  readonly documents = new TextDocuments(TextDocument);
  readonly log: Logger;
  readonly checker: DraftChecker;
  capabilities!: Capabilities;
  initOptions: InitializationOptions = {};
  readonly folders = new Map<string, CorpusFolder>();
  /** Settings sent with didChangeConfiguration, for clients without workspace/configuration. */
  globalSettings: unknown;
  /** Bumps on every configuration change; part of the diagnostics result id. */
  settingsGeneration = 0;
  /** onSave mode: the version last saved (or opened). manual mode: the version last asked for. */
  readonly savedVersion = new Map<string, number>();
  readonly manualVersion = new Map<string, number>();
  #settingsCache = new Map<string, Promise<Settings>>();
  #loggedSettingsMessages = new Set<string>();
  #configCache = new Map<string, Promise<Record<string, unknown> | undefined>>();
  #refreshScheduled = false;
  readonly #shownWarnings = new Set<string>();
  /** Called when drafts of a folder need re-checking (set by the diagnostics module). */
  onCorpusChanged: (folder: CorpusFolder) => void = () => {};
  /** Called when a workspace folder's .corroborate.json changed (set by startServer: re-reads the settings). */
  onConfigFileChanged: () => void = () => {};

  constructor(connection: Connection) {
    this.connection = connection;
    // Only connection.console: stdout is the protocol channel under --stdio.
    this.log = {
      info: (message) => connection.console.info(message),
      warn: (message) => connection.console.warn(message),
      error: (message) => connection.console.error(message),
    };
    this.checker = new DraftChecker(this.log);
  }

  get canWriteDecisions(): boolean {
    return this.initOptions.workspaceTrusted !== false;
  }

  #host(): FolderHost {
    return {
      log: this.log,
      warnUser: (message) => {
        if (this.#shownWarnings.has(message)) return;
        this.#shownWarnings.add(message);
        this.connection.window.showWarningMessage(message);
      },
      beginProgress: (title) => this.#beginProgress(title),
      corpusChanged: (folder) => this.onCorpusChanged(folder),
      status: (params: CorpusStatusParams) => {
        void this.connection.sendNotification(CorpusStatusNotification.method, params).catch(() => undefined);
      },
    };
  }

  async #beginProgress(title: string): Promise<IndexProgress> {
    const none: IndexProgress = { report() {}, done() {} };
    if (!this.capabilities.workDoneProgress) return none;
    try {
      const reporter = await this.connection.window.createWorkDoneProgress();
      // VS Code shows window progress as "<title>: <message>": "Corroborate: indexing 340/1,000 sources".
      reporter.begin('Corroborate', 0, `${title}…`, false);
      return {
        // Always with a percentage: the VS Code client drops a message without one once begin had one.
        report: (done, total, message) => reporter.report(total > 0 ? Math.floor((done / total) * 100) : 0, message),
        done: () => reporter.done(),
      };
    } catch (error) {
      this.log.warn(`Corroborate: no progress reporting: ${(error as Error).message}`);
      return none;
    }
  }

  addFolder(folder: WorkspaceFolder): CorpusFolder | undefined {
    const path = uriToPath(folder.uri);
    if (path === undefined || this.folders.has(folder.uri)) return this.folders.get(folder.uri);
    const trusted = this.initOptions.workspaceTrusted !== false;
    const cache =
      this.initOptions.indexCache === false
        ? undefined
        : IndexCache.forFolder(path, { storagePath: this.initOptions.storagePath, trusted, log: this.log });
    const corpusFolder = new CorpusFolder(folder.uri, path, folder.name, this.#host(), {
      allowOutside: trusted,
      cache,
    });
    this.folders.set(folder.uri, corpusFolder);
    return corpusFolder;
  }

  removeFolder(uri: string): void {
    this.folders.delete(uri);
  }

  /** The folder a document belongs to: the deepest containing folder, else the first one (untitled drafts). */
  folderFor(uri: string): CorpusFolder | undefined {
    const path = uriToPath(uri);
    let best: CorpusFolder | undefined;
    if (path !== undefined) {
      for (const folder of this.folders.values()) {
        if ((path === folder.path || path.startsWith(`${folder.path}/`)) && (!best || folder.path.length > best.path.length)) {
          best = folder;
        }
      }
    }
    return best ?? this.folders.values().next().value;
  }

  /** The corpus folder that owns a corpus file at `path`, if it is one. */
  corpusOwner(path: string): CorpusFolder | undefined {
    for (const folder of this.folders.values()) if (folder.isCorpusFile(path)) return folder;
    return undefined;
  }

  /** A draft is any open text document that is not inside a corpus root. */
  isDraft(uri: string): boolean {
    const path = uriToPath(uri);
    if (path === undefined) return uri.startsWith('untitled:');
    if (path.includes('/.corroborate/')) return false;
    for (const folder of this.folders.values()) if (folder.underCorpusRoot(path)) return false;
    return true;
  }

  /** Directory that relative citation links start from. */
  baseDirFor(uri: string): string {
    const path = uriToPath(uri);
    if (path !== undefined) return toSlashes(dirname(path));
    return this.folderFor(uri)?.path ?? '/';
  }

  /** Settings for a resource (a document or a folder URI), pulled from the client and cached until they change. */
  settingsFor(uri: string): Promise<Settings> {
    let cached = this.#settingsCache.get(uri);
    if (!cached) {
      cached = this.#fetchSettings(uri);
      this.#settingsCache.set(uri, cached);
    }
    return cached;
  }

  /** `.corroborate.json` of a workspace folder, read once until it or the settings change. */
  folderConfig(folderPath: string): Promise<Record<string, unknown> | undefined> {
    let cached = this.#configCache.get(folderPath);
    if (!cached) {
      cached = folderConfig(folderPath).then(
        (result) => {
          if (!result) return undefined;
          if (!result.ok) {
            this.#logOnce(`${result.error}; using the editor settings and defaults`);
            return undefined;
          }
          for (const message of result.config.messages) this.#logOnce(message);
          return result.config.settings;
        },
        (error: unknown) => {
          this.#logOnce(`reading ${folderPath}/.corroborate.json failed: ${(error as Error).message}`);
          return undefined;
        },
      );
      this.#configCache.set(folderPath, cached);
    }
    return cached;
  }

  #logOnce(message: string): void {
    if (this.#loggedSettingsMessages.has(message)) return;
    this.#loggedSettingsMessages.add(message);
    this.log.warn(`Corroborate: ${message}`);
  }

  async #fetchSettings(uri: string): Promise<Settings> {
    const folder = this.folderFor(uri);
    const fileSettings = folder ? await this.folderConfig(folder.path) : undefined;
    let raw: unknown = this.globalSettings;
    if (this.capabilities.configuration) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'corroborate' });
      } catch (error) {
        this.log.warn(`Corroborate: could not read settings for ${uri}: ${(error as Error).message}`);
        raw = undefined;
      }
    }
    // Defaults < .corroborate.json < editor settings (the VS Code client sends only values set explicitly).
    const file = fileSettings ? validSettingsFields(fileSettings, `${folder!.path}/.corroborate.json: `) : undefined;
    for (const message of file?.messages ?? []) this.#logOnce(message);
    const { settings, messages } = parseSettings(mergeSettingsSources(file?.fields, raw));
    for (const message of messages) this.#logOnce(message);
    return settings;
  }

  clearSettings(): void {
    this.#settingsCache.clear();
    this.#configCache.clear();
    this.#loggedSettingsMessages.clear();
    this.settingsGeneration++;
  }

  forgetDocument(uri: string): void {
    this.#settingsCache.delete(uri);
    this.savedVersion.delete(uri);
    this.manualVersion.delete(uri);
    this.checker.forget(uri);
  }

  /** Which version of the draft should be checked under the run mode; undefined = none yet. */
  wantedVersion(document: TextDocument, settings: Settings): number | undefined {
    switch (settings.run) {
      case 'onType':
        return document.version;
      case 'onSave':
        return this.savedVersion.get(document.uri) ?? document.version;
      case 'manual':
        return this.manualVersion.get(document.uri);
    }
  }

  /** Asks pull clients to re-pull (coalesced to once per tick). */
  refreshDiagnostics(): void {
    if (!this.capabilities.pullDiagnostics || !this.capabilities.refreshDiagnostics || this.#refreshScheduled) return;
    this.#refreshScheduled = true;
    setImmediate(() => {
      this.#refreshScheduled = false;
      this.connection.languages.diagnostics.refresh().catch((error: unknown) => {
        this.log.warn(`Corroborate: diagnostics refresh failed: ${(error as Error).message}`);
      });
    });
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
