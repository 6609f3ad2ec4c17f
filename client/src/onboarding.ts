/**
 * Turning Corroborate on and off per workspace (`corroborate.enable`), choosing
 * a corpus folder, the walkthrough, and the one-time hint when a workspace has
 * no corpus folder. The server knows nothing of this: when off, the language
 * client is stopped, so no diagnostics remain and nothing is indexed.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, type CorpusStatusParams } from '../../server/src/lsp/protocol.js';
import type { StatusBar } from './status.js';

export const WALKTHROUGH_ID = 'corroborate.corroborate#gettingStarted';
const NO_CORPUS_HINT_KEY = 'corroborate.noCorpusHintShown';

/**
 * What completes the walkthrough's steps besides their own commands (package.json
 * completionEvents): context keys set when a corpus was found and when a draft
 * was checked, and a command run after a citation was inserted.
 */
export const WALKTHROUGH_EVENTS = {
  corpusFound: 'corroborate.corpusFound',
  draftChecked: 'corroborate.draftChecked',
  citationInserted: 'corroborate.citationInserted',
} as const;

/** The quick fix that inserts a citation (server/src/lsp/convert.ts titles it "Insert citation: <source>"). */
export function isCitationAction(title: string): boolean {
  return title.startsWith('Insert citation');
}

export function isEnabled(): boolean {
  return vscode.workspace.getConfiguration('corroborate').get<boolean>('enable', true) !== false;
}

export function registerOnboarding(context: vscode.ExtensionContext, client: LanguageClient, status: StatusBar): vscode.Disposable[] {
  const setEnabled = async (enabled: boolean) => {
    // Workspace scope: turning Corroborate off in one project leaves the others alone.
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('corroborate').update('enable', enabled, target);
  };
  const apply = async () => {
    const enabled = isEnabled();
    status.enabled = enabled;
    if (enabled && !client.isRunning()) await client.start();
    else if (!enabled && client.isRunning()) await client.stop();
  };
  const chooseCorpus = async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      defaultUri: folder?.uri,
      openLabel: 'Use as Corpus',
      title: 'Corroborate: choose the folder of source documents',
    });
    if (!picked?.[0]) return;
    const relative = folder ? vscode.workspace.asRelativePath(picked[0], false) : picked[0].fsPath;
    const path = folder && relative === picked[0].fsPath ? picked[0].fsPath : relative;
    await vscode.workspace.getConfiguration('corroborate', folder?.uri).update('corpus.paths', [path], vscode.ConfigurationTarget.Workspace);
  };
  const offerCorpus = async (params: CorpusStatusParams) => {
    if (params.state !== 'ready' || !params.missing || context.workspaceState.get<boolean>(NO_CORPUS_HINT_KEY)) return;
    // Once per workspace, whatever the answer: a dismissed hint must not come back.
    await context.workspaceState.update(NO_CORPUS_HINT_KEY, true);
    const where = (params.corpusPaths ?? ['corpus']).map((path) => `${path}/`).join(', ');
    const answer = await vscode.window.showInformationMessage(`Corroborate found no corpus folder (${where}).`, 'Choose Folder…', 'Open Walkthrough');
    if (answer === 'Choose Folder…') await chooseCorpus();
    else if (answer === 'Open Walkthrough') await vscode.commands.executeCommand(ClientCommands.openWalkthrough);
  };
  status.enabled = isEnabled();
  const found = new Map<string, boolean>();
  let checked = false;
  const contextValues = new Map<string, boolean>();
  const setContext = (key: string, value: boolean) => {
    contextValues.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  /**
   * VS Code loads the walkthrough lazily (often only when it is first shown) and takes an
   * `onContext` completion event that already holds at that moment as seen, without ticking
   * the step off. So the keys that hold are false while it opens and set again afterwards,
   * which ticks off the steps already done (a corpus found, a draft checked).
   */
  const openWalkthrough = async () => {
    const holding = [...contextValues].filter(([, value]) => value).map(([key]) => key);
    for (const key of holding) await vscode.commands.executeCommand('setContext', key, false);
    try {
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
    } finally {
      for (const key of holding) if (contextValues.get(key)) await vscode.commands.executeCommand('setContext', key, true);
    }
  };
  return [
    status.onCorpusStatus((params) => {
      if (params.state !== 'ready') return;
      found.set(params.folder, !params.missing);
      setContext(WALKTHROUGH_EVENTS.corpusFound, [...found.values()].some(Boolean));
    }),
    status.onDraftStatus(() => {
      if (checked) return;
      checked = true;
      setContext(WALKTHROUGH_EVENTS.draftChecked, true);
    }),
    // Runs after VS Code applied the citation's edit (see extension.ts); it only marks the walkthrough step done.
    vscode.commands.registerCommand(WALKTHROUGH_EVENTS.citationInserted, () => undefined),
    vscode.commands.registerCommand(ClientCommands.enable, () => setEnabled(true)),
    vscode.commands.registerCommand(ClientCommands.disable, () => setEnabled(false)),
    vscode.commands.registerCommand(ClientCommands.chooseCorpus, chooseCorpus),
    vscode.commands.registerCommand(ClientCommands.openWalkthrough, openWalkthrough),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('corroborate.enable')) void apply();
    }),
    status.onCorpusStatus((params) => void offerCorpus(params)),
  ];
}
