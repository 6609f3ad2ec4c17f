/**
 * Read-only `corroborate-source:` documents: the text the server extracted
 * from an HTML, PDF or DOCX corpus file (`corroborate/sourceText`), which is
 * the text evidence line numbers refer to. `corroborate.openSource` and the
 * hover links open evidence in such files here; plain text and Markdown
 * sources still open as the real files.
 *
 * The URI is the file's own with the scheme swapped
 * (`corroborate-source:/work/corpus/report.pdf`), so the tab shows the file name.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SourceTextRequest, type SourceTextParams, type SourceTextResult } from '../../server/src/lsp/protocol.js';

export const SOURCE_SCHEME = 'corroborate-source';

/** File endings whose text is extracted (server/src/node/formats/index.ts DOCUMENT_EXTENSIONS). */
const EXTRACTED = /\.(?:html?|pdf|docx)$/i;

/** The document to open for evidence at `uri`: the extracted text for HTML, PDF and DOCX files, else the file. */
export function sourceDocumentUri(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === 'file' && EXTRACTED.test(uri.path) ? uri.with({ scheme: SOURCE_SCHEME }) : uri;
}

class SourceTextProvider implements vscode.TextDocumentContentProvider {
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;

  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const file = uri.with({ scheme: 'file' });
    const params: SourceTextParams = { uri: file.toString() };
    const result = await this.client.sendRequest<SourceTextResult | null>(SourceTextRequest.method, params, token);
    if (!result) return `(${file.fsPath} is not in the corpus, or could not be read: see the Corroborate output channel.)\n`;
    return result.text;
  }

  /** The corpus changed: open source documents are read again. */
  refresh(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === SOURCE_SCHEME) this.#changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.#changed.dispose();
  }
}

export function registerSourceDocuments(client: LanguageClient): vscode.Disposable[] {
  const provider = new SourceTextProvider(client);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{html,htm,pdf,docx}', true, false, true);
  return [provider, watcher, vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, provider), watcher.onDidChange(() => provider.refresh())];
}
