/**
 * The status bar item: the active draft's counts (from `corroborate/status`)
 * or the indexing state (from `corroborate/corpusStatus`); a click opens the
 * claim report.
 */

import * as vscode from 'vscode';
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

  constructor(client: LanguageClient) {
    this.#client = client;
    this.#item.name = 'Corroborate';
    this.#item.command = ClientCommands.showReport;
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
        }
        this.render();
      }),
    );
    this.render();
  }

  /** The counts shown for the active draft, for tests and the report command. */
  current(): StatusParams | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document ? this.#byUri.get(document.uri.toString()) : undefined;
  }

  render(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !DRAFT_LANGUAGES.has(document.languageId)) {
      this.#item.hide();
      return;
    }
    const indexing = [...this.#indexing.values()][0];
    const status = this.#byUri.get(document.uri.toString());
    if (indexing) {
      const progress = indexing.total > 0 ? ` ${indexing.done.toLocaleString('en-US')} / ${indexing.total.toLocaleString('en-US')}` : '';
      this.#item.text = `$(sync~spin) Corroborate: indexing${progress}`;
      this.#item.tooltip = 'Corroborate is indexing the corpus; verdicts follow when it is done.';
    } else if (status) {
      const { supported, contradicted, disputed, unsupported, ignored } = status.counts;
      const corpora = [...this.#corpora.values()];
      const documents = corpora.reduce((sum, corpus) => sum + corpus.documents, 0);
      const problems = corpora.reduce((sum, corpus) => sum + corpus.problems, 0);
      this.#item.text = `$(check) ${supported} $(warning) ${contradicted + disputed} $(question) ${unsupported}`;
      const tooltip = new vscode.MarkdownString(
        [
          '**Corroborate** — claims in this draft checked against the corpus',
          '',
          `$(check) ${supported} supported by a source`,
          `$(warning) ${contradicted} contradicted, ${disputed} disputed (sources disagree)`,
          `$(question) ${unsupported} not found in any source`,
          ignored > 0 ? `$(eye-closed) ${ignored} ignored` : '',
          '',
          `Corpus: ${documents.toLocaleString('en-US')} source documents` +
            (problems > 0 ? `, ${problems} file(s) skipped or with problems (see the Corroborate output)` : ''),
          '',
          'Click for the claim report.',
        ].filter((line, index, lines) => line !== '' || lines[index - 1] !== '').join('\n\n'),
        true,
      );
      this.#item.tooltip = tooltip;
    } else {
      this.#item.text = '$(check) Corroborate';
      this.#item.tooltip = 'Corroborate: waiting for the first check of this draft.';
    }
    this.#item.show();
  }

  dispose(): void {
    this.#item.dispose();
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
