/**
 * VS Code entry point: starts the Corroborate language server (dist/server.js
 * over Node IPC) for Markdown and plain-text drafts, and wires the status bar
 * item and the commands. No checking logic lives here.
 */

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands.js';
import { isCitationAction, isEnabled, registerOnboarding, WALKTHROUGH_EVENTS } from './onboarding.js';
import { registerSourceDocuments } from './sourceDocuments.js';
import { StatusBar } from './status.js';
import { ServerCommands, type InitializationOptions } from '../../server/src/lsp/protocol.js';
import { SETTING_KEYS } from '../../server/src/lsp/settings.js';

/**
 * The `corroborate` settings a user actually set (user, workspace or folder):
 * VS Code would otherwise send every default, and a default must not hide a
 * value from the committed .corroborate.json (which the server reads).
 */
function explicitSettings(scopeUri: string | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('corroborate', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const inspected = config.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

let client: LanguageClient | undefined;

/** What activate() returns: the status model, for tests and other extensions. */
export interface CorroborateApi {
  statusBar: StatusBar;
}

export async function activate(context: vscode.ExtensionContext): Promise<CorroborateApi> {
  const output = vscode.window.createOutputChannel('Corroborate', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  // stdio, as every other editor: the server's --stdio connection encodes the
  // related information of a kept verdict once (server/src/lsp/transport.ts),
  // where Node's IPC channel would stringify it again on every keystroke.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = {
    workspaceTrusted: vscode.workspace.isTrusted,
    // The index cache (warm start) lives in the extension's storage, never in the workspace.
    storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
    // Evidence in HTML, PDF and DOCX sources opens as their extracted text (sourceDocuments.ts).
    sourceDocuments: true,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    outputChannel: output,
    initializationOptions,
    diagnosticPullOptions: { onChange: true, onSave: true },
    markdown: { isTrusted: { enabledCommands: ['corroborate.openSource'] }, supportHtml: false },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, index) => (item.section === 'corroborate' ? explicitSettings(item.scopeUri) : result[index]));
        },
      },
      // Untrusted workspaces never write the decisions file (see package.json capabilities).
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        if (!actions) return actions;
        // Inserting a citation completes the walkthrough's last step (a command VS Code runs after the edit).
        for (const action of actions) {
          if (action instanceof vscode.CodeAction && !action.command && isCitationAction(action.title)) {
            action.command = { title: action.title, command: WALKTHROUGH_EVENTS.citationInserted };
          }
        }
        if (vscode.workspace.isTrusted) return actions;
        const commandOf = (action: vscode.Command | vscode.CodeAction) =>
          action instanceof vscode.CodeAction ? action.command?.command : action.command;
        return actions.filter((action) => commandOf(action) !== ServerCommands.ignoreClaim);
      },
    },
  };

  client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);
  const status = new StatusBar(client);
  context.subscriptions.push(status, ...registerCommands(client, output, context.extensionUri), ...registerSourceDocuments(client));
  context.subscriptions.push(...registerOnboarding(context, client, status));
  status.listen();
  // Turned off in this workspace (corroborate.enable): the server is not started until turned on.
  if (isEnabled()) await client.start();
  return { statusBar: status };
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
