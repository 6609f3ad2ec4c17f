/**
 * The status bar item: the active draft's counts (from `corroborate/status`),
 * the indexing state (from `corroborate/corpusStatus`), "off" or "no corpus";
 * a click opens the claim report (or turns Corroborate on, or picks a corpus).
 */

import * as vscode from 'vscode';
import { statusView, type StatusState } from './statusText.js';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ClientCommands,
  CorpusStatusNotification,
  StatusNotification,
  type CorpusStatusParams,
  type StatusParams,
} from '../../server/src/lsp/protocol.js';

const DRAFT_LANGUAGES = new Set(['markdown', 'plaintext']);

export class StatusBar implements vscode.Disposable {
  readonly #client: LanguageClient;
  readonly #item = vscode.window.createStatusBarItem('corroborate.status', vscode.StatusBarAlignment.Right, 100);
  readonly #byUri = new Map<string, StatusParams>();
  readonly #indexing = new Map<string, CorpusStatusParams>();
  readonly #corpora = new Map<string, CorpusStatusParams>();
  readonly #disposables: vscode.Disposable[] = [];
  #enabled = true;
  #indexedAt: Date | undefined;
  readonly #onCorpusStatus = new vscode.EventEmitter<CorpusStatusParams>();
  /** Every corpus status from the server (the extension offers a folder when none exists). */
  readonly onCorpusStatus = this.#onCorpusStatus.event;

  constructor(client: LanguageClient) {
    this.#client = client;
    this.#item.name = 'Corroborate';
    this.#item.command = ClientCommands.showReport;
    this.#disposables.push(this.#onCorpusStatus);
    this.#disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => this.#byUri.delete(document.uri.toString())),
    );
  }

  listen(): void {
    this.#disposables.push(
      this.#client.onNotification(StatusNotification.method, (params: StatusParams) => {
        this.#byUri.set(params.uri, params);
        this.render();
      }),
      this.#client.onNotification(CorpusStatusNotification.method, (params: CorpusStatusParams) => {
        if (params.state === 'indexing') this.#indexing.set(params.folder, params);
        else {
          this.#indexing.delete(params.folder);
          this.#corpora.set(params.folder, params);
          this.#indexedAt = new Date();
        }
        this.render();
        this.#onCorpusStatus.fire(params);
      }),
    );
    this.render();
  }

  /** The counts shown for the active draft, for tests and the report command. */
  current(): StatusParams | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document ? this.#byUri.get(document.uri.toString()) : undefined;
  }

  /** Whether Corroborate is turned off in this workspace (the `corroborate.enable` setting). */
  set enabled(value: boolean) {
    this.#enabled = value;
    if (!value) {
      this.#byUri.clear();
      this.#indexing.clear();
    }
    this.render();
  }

  /** The state shown for the active editor (the text comes from statusText.ts). */
  state(): StatusState | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !DRAFT_LANGUAGES.has(document.languageId)) return undefined;
    if (!this.#enabled) return { kind: 'off' };
    const indexing = [...this.#indexing.values()][0];
    if (indexing) return { kind: 'indexing', done: indexing.done, total: indexing.total };
    const corpora = [...this.#corpora.values()];
    const status = this.#byUri.get(document.uri.toString());
    if (corpora.length > 0 && corpora.every((corpus) => corpus.missing)) return { kind: 'noCorpus', corpusPaths: corpora.flatMap((corpus) => corpus.corpusPaths ?? []) };
    if (!status) return { kind: 'waiting' };
    return {
      kind: 'counts',
      counts: status.counts,
      documents: corpora.reduce((sum, corpus) => sum + corpus.documents, 0),
      problems: corpora.reduce((sum, corpus) => sum + corpus.problems, 0),
      indexedAt: this.#indexedAt,
    };
  }

  render(): void {
    const state = this.state();
    if (!state) {
      this.#item.hide();
      return;
    }
    const view = statusView(state);
    this.#item.text = view.text;
    this.#item.accessibilityInformation = { label: view.accessibleLabel, role: 'button' };
    this.#item.tooltip = new vscode.MarkdownString(view.tooltip.join('\n\n'), true);
    this.#item.command = state.kind === 'off' ? ClientCommands.enable : state.kind === 'noCorpus' ? ClientCommands.chooseCorpus : ClientCommands.showReport;
    this.#item.show();
  }

  dispose(): void {
    this.#item.dispose();
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
