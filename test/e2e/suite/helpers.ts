// Helpers for the extension integration suite. Every wait is driven by a VS Code event and bounded
// by a timeout that fails with a message saying what was expected and what was there instead.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'corroborate.corroborate';
export const DEFAULT_WAIT_MS = Number(process.env.E2E_WAIT_MS || 30_000);

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open the fixture workspace folder (see .vscode-test.mjs)');
  return folder.uri;
}

export const inWorkspace = (...parts: string[]) => vscode.Uri.joinPath(workspaceRoot(), ...parts);

/** The diagnostic's verdict: `code` is the verdict, possibly as `{ value, target }`. */
export function verdictOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export const ours = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'corroborate');

export function describeDiagnostics(doc: vscode.TextDocument): string {
  const list = ours(doc.uri);
  if (list.length === 0) return '(no corroborate diagnostics)';
  return list
    .map((d) => `  L${d.range.start.line + 1} [${verdictOf(d)}] "${doc.getText(d.range).slice(0, 70)}" — ${d.message.slice(0, 120)}`)
    .join('\n');
}

/** Race `promise` against a timeout that fails with `what()`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolve when `predicate(diagnostics of doc)` holds: checked now and on every
 * `languages.onDidChangeDiagnostics` for the document. No polling, no sleeps.
 */
export async function waitForDiagnostics(
  doc: vscode.TextDocument,
  predicate: (diags: vscode.Diagnostic[]) => boolean,
  expectation: string,
  ms = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const check = () => {
    const diags = ours(doc.uri);
    return predicate(diags) ? diags : undefined;
  };
  const now = check();
  if (now) return now;
  let sub: vscode.Disposable | undefined;
  const done = new Promise<vscode.Diagnostic[]>((resolve) => {
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === doc.uri.toString())) return;
      const hit = check();
      if (hit) resolve(hit);
    });
  });
  try {
    return await withTimeout(done, ms, () =>
      `${expectation} in ${vscode.workspace.asRelativePath(doc.uri)}; diagnostics now:\n${describeDiagnostics(doc)}`);
  } finally {
    sub?.dispose();
  }
}

/** Document range of the first occurrence of `snippet`. */
export function rangeOf(doc: vscode.TextDocument, snippet: string): vscode.Range {
  const at = doc.getText().indexOf(snippet);
  assert.ok(at >= 0, `"${snippet}" not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + snippet.length));
}

/** The corroborate diagnostic on the sentence containing `snippet`, if any. */
export function diagnosticOn(doc: vscode.TextDocument, snippet: string, diags = ours(doc.uri)): vscode.Diagnostic | undefined {
  const range = rangeOf(doc, snippet);
  return diags.find((d) => d.range.intersection(range) !== undefined && !d.range.intersection(range)!.isEmpty);
}

/** Predicate: the sentence containing `snippet` carries a diagnostic with this verdict. */
export const hasVerdict = (doc: vscode.TextDocument, snippet: string, verdict: string) =>
  (diags: vscode.Diagnostic[]) => verdictOf(diagnosticOn(doc, snippet, diags) ?? ({} as vscode.Diagnostic)) === verdict;

/**
 * Write the fixture draft under a new name into the workspace (not the fixture folder itself) and open it,
 * so each test that changes a draft starts from the same text.
 */
export async function openDraftCopy(name: string, append = ''): Promise<vscode.TextDocument> {
  const source = Buffer.from(await vscode.workspace.fs.readFile(inWorkspace('draft.md'))).toString('utf8');
  const target = inWorkspace(name);
  await vscode.workspace.fs.writeFile(target, Buffer.from(source + append, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export async function codeActionsAt(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The 4th argument resolves up to that many actions (codeAction/resolve) so lazily computed edits are present.
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', doc.uri, range, undefined, 20);
  // A bare Command has a string `command`; a CodeAction has an optional Command object there.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Find the code action whose title matches, with a message listing what was offered instead. */
export async function codeAction(doc: vscode.TextDocument, snippet: string, title: RegExp): Promise<vscode.CodeAction> {
  const range = rangeOf(doc, snippet);
  const actions = await codeActionsAt(doc, range);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no code action matching ${title} on "${snippet}"; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

/** Apply a code action as the light-bulb menu does: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    assert.ok(ok, `workspace.applyEdit refused the edit of "${action.title}"`);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}

/** Resolve on the next change of `doc` that satisfies `predicate` (or at once if it already does). */
export async function waitForText(doc: vscode.TextDocument, predicate: (text: string) => boolean, expectation: string,
  ms = DEFAULT_WAIT_MS): Promise<string> {
  if (predicate(doc.getText())) return doc.getText();
  let sub: vscode.Disposable | undefined;
  const done = new Promise<string>((resolve) => {
    sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && predicate(doc.getText())) resolve(doc.getText());
    });
  });
  try {
    return await withTimeout(done, ms, () => `${expectation}; text now:\n${doc.getText()}`);
  } finally {
    sub?.dispose();
  }
}

/** Resolve once `uri` exists (checked now, then on file-system-watcher events). */
export async function waitForFile(uri: vscode.Uri, expectation: string, ms = DEFAULT_WAIT_MS): Promise<Uint8Array> {
  const tryRead = async () => {
    try { return await vscode.workspace.fs.readFile(uri); } catch { return undefined; }
  };
  const now = await tryRead();
  if (now) return now;
  const watcher = vscode.workspace.createFileSystemWatcher(
    new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.slice(uri.path.lastIndexOf('/') + 1)));
  const done = new Promise<Uint8Array>((resolve) => {
    const onEvent = async () => { const data = await tryRead(); if (data) resolve(data); };
    watcher.onDidCreate(onEvent);
    watcher.onDidChange(onEvent);
  });
  try {
    // The file may have appeared between the first read and the watcher starting.
    const again = await tryRead();
    if (again) return again;
    return await withTimeout(done, ms, () => expectation);
  } finally {
    watcher.dispose();
  }
}
