/**
 * Protocol-test harness: starts the real bundled server (`node dist/server.js
 * --stdio`) as a child process and talks to it with vscode-languageserver-protocol
 * as an editor would. Waits are event-driven with a deadline; no sleeps.
 */

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** A corpus file for the protocol tests: a 60 km/h top speed and ninety carriages, with title, outlet and date for citations. */
export const TRAIN_SOURCE = `---
title: The Armoured Train
outlet: Example Times
date: 2023-09-12
---

The armoured train has a top speed of 60 km/h.

The train has ninety carriages.
`;

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const serverPath = join(repoRoot, 'dist', 'server.js');

/** Capabilities of a modern editor (VS Code-like): pull diagnostics with refresh, dynamic watchers. */
export const pullCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    diagnostics: { refreshSupport: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { relatedInformation: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
  window: { workDoneProgress: true },
};

/** Capabilities of an older editor (Neovim 0.7-like): publishDiagnostics only, no dynamic registration. */
export const pushCapabilities: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

interface Waiter {
  predicate: () => boolean;
  resolve: () => void;
}

export interface HarnessOptions {
  capabilities: ClientCapabilities;
  /** Answer to `workspace/configuration` for the `corroborate` section (null = none, as other editors send). */
  settings?: unknown;
  timeoutMs?: number;
}

export class Harness {
  readonly workspace: string;
  readonly connection: ProtocolConnection;
  readonly child: ChildProcessWithoutNullStreams;
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  refreshCount = 0;
  readonly statuses: unknown[] = [];
  /** `corroborate/corpusStatus` notifications, in order. */
  readonly corpusStatuses: unknown[] = [];
  /** Values of `$/progress` notifications, in order. */
  readonly progress: unknown[] = [];
  initializeResult: { capabilities: Record<string, unknown> } | undefined;
  readonly registrations: unknown[] = [];
  settings: unknown;
  readonly timeoutMs: number;
  readonly #waiters: Waiter[] = [];
  #exited = false;

  constructor(workspace: string, options: HarnessOptions) {
    this.workspace = workspace;
    this.settings = options.settings ?? null;
    this.timeoutMs = options.timeoutMs ?? 8000;
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: workspace, stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => this.logs.push(`[stderr] ${chunk.toString()}`));
    this.child.on('exit', () => {
      this.#exited = true;
      this.#notify();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(LogMessageNotification.type, (params: LogMessageParams) => {
      this.logs.push(params.message);
      this.#notify();
    });
    this.connection.onNotification('corroborate/corpusStatus', (params: unknown) => {
      this.corpusStatuses.push(params);
      this.#notify();
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.#notify();
    });
    this.connection.onNotification('corroborate/status', (params: unknown) => {
      this.statuses.push(params);
      this.#notify();
    });
    this.connection.onNotification('$/progress', (params: { token: unknown; value: unknown }) => {
      this.progress.push(params.value);
      this.#notify();
    });
    this.connection.onUnhandledNotification(() => this.#notify());
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      this.#notify();
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshCount++;
      this.#notify();
      return null;
    });
    this.connection.listen();
  }

  get exited(): boolean {
    return this.#exited;
  }

  uri(relativePath: string): string {
    return pathToFileURL(join(this.workspace, relativePath)).href;
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.predicate()) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  /** Resolves when `predicate` holds (checked on every message), rejects after the deadline. */
  waitFor(what: string, predicate: () => boolean, timeoutMs = this.timeoutMs): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n--- server log ---\n${this.logs.join('\n')}`));
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.#waiters.push(waiter);
    });
  }

  /** A request with a deadline, so a hung server fails the test instead of the whole run. */
  async request<R>(method: string, params: unknown): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} got no answer in ${this.timeoutMs} ms\n${this.logs.join('\n')}`)), this.timeoutMs);
    });
    try {
      return await Promise.race([this.connection.sendRequest(method, params) as Promise<R>, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** `folders`: workspace folders relative to the temp workspace (default: the workspace itself). */
  async initialize(initializationOptions?: unknown, folders: string[] = ['']): Promise<{ capabilities: Record<string, unknown> }> {
    const folderUri = pathToFileURL(this.workspace).href;
    const result = await this.request<{ capabilities: Record<string, unknown> }>(InitializeRequest.method, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: folders.map((folder) => ({ uri: pathToFileURL(join(this.workspace, folder)).href, name: folder || 'ws' })),
      capabilities: this.#capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    this.initializeResult = result;
    return result;
  }

  #capabilities: ClientCapabilities = {};
  setCapabilities(capabilities: ClientCapabilities): this {
    this.#capabilities = capabilities;
    return this;
  }

  async open(relativePath: string, text: string, languageId = 'markdown'): Promise<TextDocument> {
    const document = TextDocument.create(this.uri(relativePath), languageId, 1, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: document.uri, languageId, version: 1, text },
    });
    return document;
  }

  /** Replaces the whole text (a full-content change) and bumps the version. */
  async change(document: TextDocument, text: string): Promise<TextDocument> {
    const next = TextDocument.create(document.uri, document.languageId, document.version + 1, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: next.uri, version: next.version },
      contentChanges: [{ text }],
    });
    return next;
  }

  async pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.request<DocumentDiagnosticReport>(DocumentDiagnosticRequest.method, { textDocument: { uri }, previousResultId });
  }

  /** Pulls until `predicate` accepts the diagnostics (the first index may still be running). */
  async pullUntil(uri: string, what: string, predicate: (items: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    const items = report.kind === 'full' ? report.items : [];
    if (!predicate(items)) {
      throw new Error(`${what}: got ${JSON.stringify(items.map((item) => [item.code, item.message]))}\n${this.logs.join('\n')}`);
    }
    return items;
  }

  /**
   * After an action that should change diagnostics: waits for each refresh
   * request after `since` and re-pulls (as an editor does) until `predicate` holds.
   */
  async pullOnRefreshUntil(
    uri: string,
    what: string,
    since: number,
    predicate: (items: Diagnostic[], report: DocumentDiagnosticReport) => boolean,
  ): Promise<DocumentDiagnosticReport> {
    const deadline = Date.now() + this.timeoutMs;
    let seen = since;
    let last: DocumentDiagnosticReport | undefined;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${what}: last report ${JSON.stringify(last)}\n${this.logs.join('\n')}`);
      await this.waitFor(`${what} (a refresh)`, () => this.refreshCount > seen, left);
      seen = this.refreshCount;
      last = await this.pull(uri);
      if (predicate(last.kind === 'full' ? last.items : [], last)) return last;
    }
  }

  async shutdown(): Promise<void> {
    try {
      if (!this.#exited) {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((resolve) => setTimeout(resolve, 1000))]);
        await this.connection.sendNotification(ExitNotification.type);
      }
    } catch {
      // The child is killed below anyway.
    }
    this.connection.dispose();
    if (!this.#exited) this.child.kill();
    rmSync(this.workspace, { recursive: true, force: true });
  }
}

export function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-protocol-'));
  for (const [path, text] of Object.entries(files)) writeFile(root, path, text);
  return root;
}

export function writeFile(root: string, path: string, text: string): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

export async function startHarness(files: Record<string, string>, options: HarnessOptions): Promise<Harness> {
  const harness = new Harness(makeWorkspace(files), options).setCapabilities(options.capabilities);
  await harness.initialize();
  return harness;
}

/** Applies a WorkspaceEdit for one document to its text, as an editor would. */
export function applyWorkspaceEdit(document: TextDocument, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === document.uri) {
      if (change.textDocument.version !== null && change.textDocument.version !== document.version) {
        throw new Error(`edit for version ${change.textDocument.version}, document is at ${document.version}`);
      }
      edits.push(...(change.edits as TextEdit[]));
    }
  }
  edits.push(...(edit.changes?.[document.uri] ?? []));
  return TextDocument.applyEdits(document, edits);
}
