/**
 * The public `corroborate.*` commands. They forward to the server (its
 * `_corroborate.*` commands and custom requests) and show the results; the
 * claim report is a webview panel beside the draft (report/panel.ts).
 */

import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  ClientCommands,
  EvidenceAtRequest,
  ServerCommands,
  type EvidenceAtParams,
  type EvidenceLocation,
  type OpenSourceArgs,
} from '../../server/src/lsp/protocol.js';
import { ClaimReports } from './report/panel.js';
import { sourceDocumentUri } from './sourceDocuments.js';

function isOpenSourceArgs(value: unknown): value is OpenSourceArgs {
  return typeof value === 'object' && value !== null && typeof (value as OpenSourceArgs).uri === 'string' && typeof (value as OpenSourceArgs).line === 'number';
}

async function openAt(uri: string, line: number, character = 0, viewColumn?: number): Promise<void> {
  const position = new vscode.Position(line, character);
  const column = typeof viewColumn === 'number' && Number.isInteger(viewColumn) && viewColumn >= 1 && viewColumn <= 9 ? viewColumn : undefined;
  // HTML, PDF and DOCX evidence: its line is one of the extracted text (sourceDocuments.ts).
  await vscode.window.showTextDocument(sourceDocumentUri(vscode.Uri.parse(uri)), { selection: new vscode.Range(position, position), preview: true, viewColumn: column });
}

export function registerCommands(client: LanguageClient, output: vscode.LogOutputChannel, extensionUri: vscode.Uri): vscode.Disposable[] {
  const reports = new ClaimReports(extensionUri, client, output);

  const activeDraft = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !['markdown', 'plaintext'].includes(editor.document.languageId)) {
      void vscode.window.showInformationMessage('Corroborate: open a Markdown or plain-text draft first.');
      return undefined;
    }
    return editor;
  };

  return [
    reports,

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

    // Answers the report's model (rows and counts) once the server has answered: for tests and other extensions.
    vscode.commands.registerCommand(ClientCommands.showReport, async (target?: vscode.Uri) => {
      const uri = target instanceof vscode.Uri ? target : activeDraft()?.document.uri;
      return uri ? reports.show(uri) : undefined;
    }),

    vscode.commands.registerCommand(ClientCommands.openSource, async (args?: unknown) => {
      if (isOpenSourceArgs(args)) return openAt(args.uri, args.line, args.character, args.viewColumn);
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
