/**
 * The public `corroborate.*` commands. They forward to the server (its
 * `_corroborate.*` commands and custom requests) and show the results; the
 * claim report is a generated Markdown document shown in the Markdown preview,
 * so corpus text never reaches a webview of ours.
 */

import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  ClientCommands,
  EvidenceAtRequest,
  ReportRequest,
  ServerCommands,
  type EvidenceAtParams,
  type EvidenceLocation,
  type OpenSourceArgs,
  type ReportParams,
  type ReportResult,
} from '../../server/src/lsp/protocol.js';

import { sourceDocumentUri } from './sourceDocuments.js';

const REPORT_SCHEME = 'corroborate-report';

/** Read-only documents with the generated reports (a scheme the language client does not check). */
class ReportProvider implements vscode.TextDocumentContentProvider {
  readonly #reports = new Map<string, string>();
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.#reports.set(uri.toString(), markdown);
    this.#changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.#reports.get(uri.toString()) ?? '# Claim report\n\nRun "Corroborate: Show Claim Report" on a draft.\n';
  }
}

function isOpenSourceArgs(value: unknown): value is OpenSourceArgs {
  return typeof value === 'object' && value !== null && typeof (value as OpenSourceArgs).uri === 'string' && typeof (value as OpenSourceArgs).line === 'number';
}

async function openAt(uri: string, line: number, character = 0): Promise<void> {
  const position = new vscode.Position(line, character);
  // HTML, PDF and DOCX evidence: its line is one of the extracted text (sourceDocuments.ts).
  await vscode.window.showTextDocument(sourceDocumentUri(vscode.Uri.parse(uri)), { selection: new vscode.Range(position, position), preview: true });
}

export function registerCommands(client: LanguageClient, output: vscode.LogOutputChannel): vscode.Disposable[] {
  const reports = new ReportProvider();

  const activeDraft = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !['markdown', 'plaintext'].includes(editor.document.languageId)) {
      void vscode.window.showInformationMessage('Corroborate: open a Markdown or plain-text draft first.');
      return undefined;
    }
    return editor;
  };

  return [
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),

    vscode.commands.registerCommand(ClientCommands.reindex, async () => {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Corroborate: re-indexing corpus' },
        () => client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.reindex, arguments: [] }),
      );
    }),

    vscode.commands.registerCommand(ClientCommands.check, async () => {
      const editor = activeDraft();
      if (!editor) return;
      await client.sendRequest(ExecuteCommandRequest.type, {
        command: ServerCommands.checkDocument,
        arguments: [{ uri: editor.document.uri.toString() }],
      });
    }),

    vscode.commands.registerCommand(ClientCommands.showReport, async (target?: vscode.Uri) => {
      const uri = target instanceof vscode.Uri ? target : activeDraft()?.document.uri;
      if (!uri) return undefined;
      const params: ReportParams = { uri: uri.toString() };
      const result = await client.sendRequest<ReportResult | null>(ReportRequest.method, params);
      if (!result) {
        void vscode.window.showInformationMessage('Corroborate: no claims to report for this document.');
        return undefined;
      }
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1) || 'draft';
      const reportUri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/Claim report - ${name}.md`, query: uri.toString() });
      reports.set(reportUri, result.markdown);
      try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', reportUri);
      } catch (error) {
        output.warn(`Markdown preview unavailable (${(error as Error).message}); opening the report as text`);
        const document = await vscode.workspace.openTextDocument(reportUri);
        await vscode.languages.setTextDocumentLanguage(document, 'markdown');
        await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      }
      return reportUri;
    }),

    vscode.commands.registerCommand(ClientCommands.openSource, async (args?: unknown) => {
      if (isOpenSourceArgs(args)) return openAt(args.uri, args.line, args.character);
      const editor = activeDraft();
      if (!editor) return;
      const params: EvidenceAtParams = {
        uri: editor.document.uri.toString(),
        position: { line: editor.selection.active.line, character: editor.selection.active.character },
      };
      const locations = await client.sendRequest<EvidenceLocation[]>(EvidenceAtRequest.method, params);
      if (locations.length === 0) {
        void vscode.window.showInformationMessage('Corroborate: no evidence for the sentence at the cursor.');
        return;
      }
      const picked =
        locations.length === 1
          ? locations[0]
          : (await vscode.window.showQuickPick(
              locations.map((location) => ({ label: location.label, detail: location.detail, location })),
              { placeHolder: 'Open which source?', matchOnDetail: true },
            ))?.location;
      if (picked) await openAt(picked.uri, picked.line, picked.character);
    }),
  ];
}
