/**
 * The claim report: a webview panel per draft, beside it, titled
 * "Claims — draft.md". Each panel is pinned to its draft (it keeps showing
 * that draft's claims whichever editor is active, like a locked preview;
 * "Show Claim Report" on another draft opens that draft's own panel). It
 * stays open when the writer clicks back into the draft and redraws, without
 * reloading, when the server has new verdicts: after a change of the draft's
 * diagnostics or (with `corroborate.run: onType`) its text, debounced, it asks
 * `corroborate/claims` for the check the server made for the diagnostics.
 *
 * Security: the page loads only media/report.js (with a nonce) and
 * media/report.css under a strict CSP, from the media folder alone; every
 * text is set through DOM APIs by the script; messages from the page are
 * parsed (model.ts) and must name a row of the model this host sent.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClaimsRequest, ClientCommands, type ClaimsParams, type ClaimsResult, type OpenSourceArgs } from '../../../server/src/lsp/protocol.js';
import { nonce, reportHtml } from './html.js';
import { buildModel, draftOfSavedState, fileName, parseWebviewMessage, reportTitle, rowFor, type HostMessage, type ReportModel, type WebviewMessage } from './model.js';

const VIEW_TYPE = 'corroborate.claimReport';
/** Pause after the last diagnostics or text change before asking for the claims again. */
const DEBOUNCE_MS = 250;

class ReportPanel implements vscode.Disposable {
  readonly draft: vscode.Uri;
  readonly panel: vscode.WebviewPanel;
  model: ReportModel | undefined;
  notice: string | undefined;
  readonly #client: LanguageClient;
  readonly #output: vscode.LogOutputChannel;
  readonly #disposables: vscode.Disposable[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sequence = 0;
  #disposed = false;

  /** `restored`: a panel VS Code brings back after a window reload (see ClaimReports' serializer). */
  constructor(draft: vscode.Uri, extensionUri: vscode.Uri, client: LanguageClient, output: vscode.LogOutputChannel, onDispose: () => void, restored?: vscode.WebviewPanel) {
    this.draft = draft;
    this.#client = client;
    this.#output = output;
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const options = { enableScripts: true, localResourceRoots: [media], enableFindWidget: true };
    this.panel =
      restored ??
      vscode.window.createWebviewPanel(VIEW_TYPE, reportTitle(draft.toString()), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, options);
    if (restored) {
      restored.webview.options = options;
      restored.title = reportTitle(draft.toString());
    }
    const webview = this.panel.webview;
    webview.html = reportHtml({
      cspSource: webview.cspSource,
      nonce: nonce(),
      script: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js')).toString(),
      style: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css')).toString(),
    });
    this.#disposables.push(
      webview.onDidReceiveMessage((message: unknown) => void this.#receive(message)),
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
  }

  /** Asks for the claims again after a pause (changes in a burst make one request). */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  /** Fetches the draft's claims and posts them; an answer overtaken by a newer request is dropped. */
  async refresh(): Promise<ReportModel | undefined> {
    clearTimeout(this.#timer);
    const sequence = ++this.#sequence;
    let result: ClaimsResult | null;
    try {
      const params: ClaimsParams = { uri: this.draft.toString() };
      result = await this.#client.sendRequest<ClaimsResult | null>(ClaimsRequest.method, params);
    } catch (error) {
      this.#output.warn(`Corroborate: claim report for ${this.draft.toString()}: ${(error as Error).message}`);
      result = null;
    }
    if (this.#disposed || sequence !== this.#sequence) return this.model;
    if (result) {
      this.model = buildModel(result);
      this.notice = undefined;
    } else {
      // Closed, or no longer a draft: keep the last rows, say that they are old.
      this.notice = this.model
        ? `${fileName(this.draft.toString())} is not open: these are the claims of the last check.`
        : 'No claims: the document is not open as a draft of a workspace folder with a corpus.';
    }
    this.#post();
    return this.model;
  }

  #post(): void {
    const message: HostMessage = this.model ? { type: 'update', model: this.model, notice: this.notice } : { type: 'notice', notice: this.notice ?? '' };
    void this.panel.webview.postMessage(message);
  }

  async #receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.#output.warn(`Corroborate: claim report: ignored an unexpected message ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    try {
      await this.#handle(message);
    } catch (error) {
      this.#output.error(`Corroborate: claim report: ${message.type} failed: ${(error as Error).message}`);
    }
  }

  async #handle(message: WebviewMessage): Promise<void> {
    if (message.type === 'ready') {
      // A new page (first load, or shown again after being hidden): give it the current model.
      if (this.model || this.notice) this.#post();
      return;
    }
    const row = this.model && rowFor(this.model, message);
    if (!row) return; // A row of a list this host never sent (or no longer has).
    if (message.type === 'reveal') {
      const document = await vscode.workspace.openTextDocument(this.draft);
      const range = document.validateRange(
        new vscode.Range(row.range.start.line, row.range.start.character, row.range.end.line, row.range.end.character),
      );
      const column = this.#draftColumn();
      const editor = await vscode.window.showTextDocument(document, {
        viewColumn: column,
        selection: new vscode.Selection(range.start, range.end),
        preview: false,
      });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return;
    }
    const source = row.sources.find((cell) => cell.index === message.source);
    if (!source) return;
    // In the draft's group: the report stays in view (its own group would cover it with the source).
    const args: OpenSourceArgs = { uri: source.uri, line: source.start.line, character: source.start.character, viewColumn: this.#draftColumn() };
    await vscode.commands.executeCommand(ClientCommands.openSource, args);
  }

  /** The group showing the draft, else one that is not the report's. */
  #draftColumn(): vscode.ViewColumn {
    return (
      vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.draft.toString())?.viewColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One)
    );
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    clearTimeout(this.#timer);
    for (const disposable of this.#disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

/** The open claim reports, one per draft, and what makes them refresh. */
export class ClaimReports implements vscode.Disposable {
  readonly #panels = new Map<string, ReportPanel>();
  readonly #disposables: vscode.Disposable[];
  readonly #extensionUri: vscode.Uri;
  readonly #client: LanguageClient;
  readonly #output: vscode.LogOutputChannel;

  constructor(extensionUri: vscode.Uri, client: LanguageClient, output: vscode.LogOutputChannel) {
    this.#extensionUri = extensionUri;
    this.#client = client;
    this.#output = output;
    this.#disposables = [
      // New verdicts arrive as diagnostics (also after corpus changes); supported sentences have none
      // by default, so text changes count too. Both are debounced into one request.
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) this.#panels.get(uri.toString())?.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        // Asking for the claims checks the current text: not while the writer chose to check on save or by hand.
        const run = vscode.workspace.getConfiguration('corroborate', event.document.uri).get<string>('run', 'onType');
        if (run === 'onType') this.#panels.get(event.document.uri.toString())?.schedule();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.#panels.get(document.uri.toString())?.schedule()),
      vscode.workspace.onDidCloseTextDocument((document) => this.#panels.get(document.uri.toString())?.schedule()),
      // After a window reload, the reports that were open come back pinned to their drafts.
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => {
          const draft = draftOfSavedState(state);
          if (!draft || this.#panels.has(draft)) {
            panel.dispose();
            return;
          }
          const restored = new ReportPanel(vscode.Uri.parse(draft), this.#extensionUri, this.#client, this.#output, () => this.#panels.delete(draft), panel);
          this.#panels.set(draft, restored);
          await restored.refresh();
        },
      }),
    ];
  }

  /** Opens (or reveals) the draft's report beside it and answers its model once the server has answered. */
  async show(draft: vscode.Uri): Promise<ReportModel | undefined> {
    const key = draft.toString();
    let panel = this.#panels.get(key);
    if (panel) {
      panel.panel.reveal(undefined, true);
    } else {
      panel = new ReportPanel(draft, this.#extensionUri, this.#client, this.#output, () => this.#panels.delete(key));
      this.#panels.set(key, panel);
    }
    return panel.refresh();
  }

  dispose(): void {
    for (const panel of this.#panels.values()) panel.dispose();
    this.#panels.clear();
    for (const disposable of this.#disposables.splice(0)) disposable.dispose();
  }
}
