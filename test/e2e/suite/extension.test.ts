// Corroborate extension integration suite: runs inside a real VS Code extension host (code-server's,
// through scripts/e2e/code-server-test-shim.mjs, or desktop Electron VS Code) against a temporary copy
// of test/e2e/fixture + the demo corpus (see .vscode-test.mjs). Mocha TDD UI, as test-cli sets it up.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, inWorkspace, ours, verdictOf, describeDiagnostics, waitForDiagnostics, diagnosticOn, hasVerdict,
  rangeOf, openDraftCopy, codeAction, applyCodeAction, waitForText, waitForFile, withTimeout, DEFAULT_WAIT_MS,
} from './helpers';

const SUPPORTED = 'Kim will pay an official visit to Russia in the coming days, the Kremlin said.';
const DISPUTED = 'The armoured train can reach a maximum speed of 88 km/h.';
const CONTRADICTED = 'The journey from Pyongyang to Vladivostok takes about 40 hours.';
const UNSUPPORTED = 'The train has a gym for the bodyguards.';
/** The corpus file that gives 88 km/h (the others say 60) and the one the supported sentence quotes. */
const SOURCE_88 = '003_976d5ce9b1f43219.txt';
const SOURCE_VISIT = '004_56ddb15eeb98ed00.txt';

/** All three flagged sentences carry their verdicts: the check of this draft is complete. */
const fullyChecked = (doc: vscode.TextDocument) => (diags: vscode.Diagnostic[]) =>
  hasVerdict(doc, DISPUTED, 'disputed')(diags)
  && hasVerdict(doc, CONTRADICTED, 'contradicted')(diags)
  && hasVerdict(doc, UNSUPPORTED, 'unsupported')(diags);

async function openChecked(name: string): Promise<vscode.TextDocument> {
  const doc = await openDraftCopy(name);
  await waitForDiagnostics(doc, fullyChecked(doc), 'expected the disputed, contradicted and unsupported verdicts');
  return doc;
}

suite('Corroborate in a real VS Code', function () {
  this.timeout(DEFAULT_WAIT_MS + 30_000);
  let draft: vscode.TextDocument;

  suiteSetup(async function () {
    this.timeout(120_000); // first activation also indexes the corpus
    draft = await vscode.workspace.openTextDocument(inWorkspace('draft.md'));
    await vscode.window.showTextDocument(draft, { preview: false });
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath = repo root?)`);
    await withTimeout(Promise.resolve(ext.activate()), 60_000, () => `activating ${EXTENSION_ID}`);
  });

  suite('diagnostics', () => {
    test('the draft gets the right verdicts, with source and code', async () => {
      const diags = await waitForDiagnostics(draft, fullyChecked(draft),
        'expected disputed (88 km/h), contradicted (40 hours) and unsupported (gym)', 90_000);
      for (const d of diags) assert.equal(d.source, 'corroborate');
      assert.equal(verdictOf(diagnosticOn(draft, DISPUTED, diags)!), 'disputed');
      assert.equal(verdictOf(diagnosticOn(draft, CONTRADICTED, diags)!), 'contradicted');
      assert.equal(verdictOf(diagnosticOn(draft, UNSUPPORTED, diags)!), 'unsupported');
    });

    test('a correct sentence has no diagnostic', () => {
      const d = diagnosticOn(draft, SUPPORTED);
      assert.equal(d, undefined, `the supported sentence should carry no diagnostic; got:\n${describeDiagnostics(draft)}`);
    });

    test('warnings for disputed and contradicted claims, and messages that name the disagreement', () => {
      const disputed = diagnosticOn(draft, DISPUTED)!;
      const contradicted = diagnosticOn(draft, CONTRADICTED)!;
      assert.equal(disputed.severity, vscode.DiagnosticSeverity.Warning, 'disputed is a warning by default');
      assert.equal(contradicted.severity, vscode.DiagnosticSeverity.Warning, 'contradicted is a warning by default');
      assert.match(disputed.message, /60/, `the disputed message should mention the other value (60): "${disputed.message}"`);
      assert.match(contradicted.message, /20/, `the contradicted message should mention the source's value (20): "${contradicted.message}"`);
    });
  });

  suite('hover', () => {
    test('hover on a supported sentence shows the citation: file name and quote', async () => {
      const pos = rangeOf(draft, 'official visit').start.translate(0, 3);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft.uri, pos);
      const text = (hovers ?? []).flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c))).join('\n');
      assert.ok(text.includes(SOURCE_VISIT), `hover should name ${SOURCE_VISIT}; hover text:\n${text || '(no hover)'}`);
      assert.match(text, /official visit to Russia/i, `hover should quote the source; hover text:\n${text}`);
    });
  });

  suite('quick fixes', () => {
    test('Insert citation adds a footnote marker and its definition', async () => {
      const doc = await openChecked('draft-citation.md');
      const before = doc.getText();
      const action = await codeAction(doc, SUPPORTED, /insert citation/i);
      await applyCodeAction(action);
      const text = await waitForText(doc, (t) => /\[\^[^\]\s]+\]:/.test(t), 'expected a footnote definition [^key]: after Insert citation');
      const marker = /\[\^([^\]\s]+)\](?!:)/.exec(text);
      assert.ok(marker, `no footnote marker [^key] in:\n${text}`);
      const key = marker[1];
      const sentenceEnd = text.indexOf(SUPPORTED) + SUPPORTED.length;
      assert.ok(text.indexOf(`[^${key}]`) >= text.indexOf(SUPPORTED) && text.indexOf(`[^${key}]`) <= sentenceEnd + 1,
        `the marker [^${key}] should sit at the cited sentence:\n${text}`);
      const definition = new RegExp(`^\\[\\^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]:(.*)$`, 'm').exec(text);
      assert.ok(definition, `no definition [^${key}]: in:\n${text}`);
      assert.ok(text.lastIndexOf(`[^${key}]:`) > text.indexOf(UNSUPPORTED), 'the definition goes at the end of the document');
      assert.ok(definition[1].includes(SOURCE_VISIT) || /official visit|Kremlin/i.test(definition[1]),
        `the definition should point at the source (${SOURCE_VISIT}): "${definition[1]}"`);
      // Nothing else of the draft changed.
      assert.equal(text.replace(/\[\^[^\]\s]+\](?!:)/g, '').replace(/\n+\[\^[^\]\s]+\]:.*$/gms, '').trimEnd(), before.trimEnd());
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test("Use the source's value replaces just the number", async () => {
      const doc = await openChecked('draft-value.md');
      const before = doc.getText();
      const action = await codeAction(doc, CONTRADICTED, /source.?s value/i);
      await applyCodeAction(action);
      const expected = before.replace('takes about 40 hours', 'takes about 20 hours');
      const text = await waitForText(doc, (t) => t !== before, "expected the draft to change after Use the source's value");
      assert.equal(text, expected, 'only 40 should have become 20');
      // The claim now agrees with the sources: its diagnostic goes.
      await waitForDiagnostics(doc, (diags) => diagnosticOn(doc, 'takes about 20 hours', diags) === undefined,
        'expected no diagnostic on the corrected journey time');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('Ignore this claim hides the diagnostic and writes .corroborate/decisions.json', async () => {
      const doc = await openChecked('draft-ignore.md');
      const decisions = inWorkspace('.corroborate', 'decisions.json');
      const action = await codeAction(doc, UNSUPPORTED, /ignore this claim/i);
      await applyCodeAction(action);
      await waitForDiagnostics(doc, (diags) => diagnosticOn(doc, UNSUPPORTED, diags) === undefined,
        'expected the ignored claim\'s diagnostic to disappear');
      assert.ok(diagnosticOn(doc, DISPUTED), 'ignoring one claim must leave the others flagged');
      const raw = Buffer.from(await waitForFile(decisions, 'expected .corroborate/decisions.json to be written')).toString('utf8');
      const json = JSON.parse(raw);
      assert.ok(Array.isArray(json.ignored) && json.ignored.length >= 1, `decisions.json should list the ignored claim:\n${raw}`);
      assert.ok(raw.includes('gym'), `decisions.json should record the claim text:\n${raw}`);
      // The document text itself is untouched (the decision lives in the file, not in the draft).
      assert.ok(!doc.isDirty, 'Ignore this claim should not edit the draft');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  suite('commands', () => {
    test('the contributed commands are registered', async () => {
      const all = await vscode.commands.getCommands(true);
      for (const id of ['corroborate.reindex', 'corroborate.showReport', 'corroborate.openSource']) {
        assert.ok(all.includes(id), `command ${id} is not registered`);
      }
    });

    test('Show Claim Report opens a report of the draft\'s claims', async () => {
      await vscode.window.showTextDocument(draft, { preview: false });
      const isReport = (d: vscode.TextDocument) => d !== draft && d.getText().includes('88 km/h') && /disputed/i.test(d.getText());
      let sub: vscode.Disposable | undefined;
      const opened = new Promise<vscode.TextDocument>((resolve) => {
        sub = vscode.workspace.onDidOpenTextDocument((d) => { if (isReport(d)) resolve(d); });
      });
      await vscode.commands.executeCommand('corroborate.showReport');
      const already = vscode.workspace.textDocuments.find(isReport);
      try {
        const report = already ?? await withTimeout(opened, DEFAULT_WAIT_MS, () =>
          `expected corroborate.showReport to open a document listing the claims; open documents: ${
            vscode.workspace.textDocuments.map((d) => d.uri.toString()).join(', ')}`);
        const text = report.getText();
        for (const verdict of ['disputed', 'contradicted', 'unsupported', 'supported']) {
          assert.match(text, new RegExp(verdict, 'i'), `the report should list a ${verdict} claim:\n${text}`);
        }
      } finally {
        sub?.dispose();
      }
    });

    test('Reindex runs and the verdicts come back', async () => {
      await vscode.commands.executeCommand('corroborate.reindex');
      await waitForDiagnostics(draft, fullyChecked(draft), 'expected the verdicts after corroborate.reindex');
    });
  });

  // Last: it changes the corpus on disk for everyone after it.
  suite('corpus changes', () => {
    test('saving a corpus file (88 → 60) refreshes the open draft without reopening it', async () => {
      assert.equal(verdictOf(diagnosticOn(draft, DISPUTED)!), 'disputed', 'precondition: 88 km/h is disputed');
      const source = await vscode.workspace.openTextDocument(inWorkspace('corpus', SOURCE_88));
      const at = source.getText().indexOf('88 kilometers');
      assert.ok(at >= 0, `"88 kilometers" not found in ${SOURCE_88}`);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(source.uri, new vscode.Range(source.positionAt(at), source.positionAt(at + 2)), '60');
      assert.ok(await vscode.workspace.applyEdit(edit), 'could not edit the corpus file');
      assert.ok(await source.save(), 'could not save the corpus file');
      const diags = await waitForDiagnostics(draft, hasVerdict(draft, DISPUTED, 'contradicted'),
        'expected 88 km/h to become contradicted once every source says 60');
      assert.ok(diagnosticOn(draft, CONTRADICTED, diags), 'the other verdicts stay');
      assert.ok(ours(draft.uri).length >= 3);
    });
  });
});
