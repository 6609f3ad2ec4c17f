/**
 * Conversions between the engine's offset-based results and LSP shapes:
 * diagnostics, code actions and workspace edits. The only place (with the
 * handlers) where protocol types meet claim data.
 */

import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Evidence, Verdict } from '../core/types.js';
import type { CheckResult } from './checks.js';
import {
  citationEdits,
  inlineIgnoreEdit,
  type CitationSource,
  type OffsetEdit,
} from './citations.js';
import { cachedEvidenceView, CITATION_ACTIONS, claimData, claimMessage, perEvidence, type ClaimData } from './claimView.js';
import { ServerCommands, type IgnoreClaimArgs, type Settings, type SeveritySetting } from './protocol.js';

export const DIAGNOSTIC_SOURCE = 'corroborate';

const SEVERITY: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface ConvertContext {
  folderPath: string;
  relatedInformation: boolean;
  /** The client shows extracted text (InitializationOptions.sourceDocuments): related locations in HTML, PDF and DOCX files point at it. */
  sourceDocuments?: boolean;
}

/** The `corroborate-source:` twin of a file URI (the client's read-only document of the extracted text). */
export function sourceDocumentUri(fileUri: string): string {
  return fileUri.replace(/^file:/, 'corroborate-source:');
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function toDiagnostics(
  document: TextDocument,
  result: CheckResult,
  settings: Settings,
  context: ConvertContext,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const draftText = document.getText();
  for (const judged of result.claims) {
    const { claim } = judged;
    const severity = settings.severity[claim.verdict];
    if (severity === 'off' || judged.ignored) continue;
    const diagnostic: Diagnostic = {
      range: { start: document.positionAt(claim.offsets.start), end: document.positionAt(claim.offsets.end) },
      severity: SEVERITY[severity],
      source: DIAGNOSTIC_SOURCE,
      code: claim.verdict,
      message: claimMessage(claim, context.folderPath),
      data: claimData(claim, {
        uri: result.uri,
        version: result.version,
        folderPath: context.folderPath,
        markdown: result.markdown,
        draftText,
        evidenceHash: judged.evidenceHash,
      }),
    };
    if (context.relatedInformation && claim.evidence.length > 0) diagnostic.relatedInformation = relatedInformation(claim.evidence, context);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** Whether a diagnostic's offsets still describe the current text (same version, or the claim has not moved). */
// Built once per evidence array (see perEvidence), for each way of pointing at a source.
const relatedToFiles = perEvidence((evidence: readonly Evidence[], folderPath: string) => relatedOf(evidence, folderPath, false));
const relatedToSourceDocuments = perEvidence((evidence: readonly Evidence[], folderPath: string) => relatedOf(evidence, folderPath, true));

function relatedInformation(evidence: readonly Evidence[], context: ConvertContext): DiagnosticRelatedInformation[] {
  return (context.sourceDocuments ? relatedToSourceDocuments : relatedToFiles)(evidence, context.folderPath);
}

function relatedOf(evidence: readonly Evidence[], folderPath: string, sourceDocuments: boolean): DiagnosticRelatedInformation[] {
  return evidence.map((item): DiagnosticRelatedInformation => {
    const view = cachedEvidenceView(item, folderPath);
    const side = view.stance === 'supports' ? 'Agrees' : 'Disagrees';
    return {
      location: { uri: sourceDocuments && view.format ? sourceDocumentUri(view.uri) : view.uri, range: item.range },
      message: `${side}${view.detail ? ` (${view.detail})` : ''}: "${truncate(view.quote, 160)}"`,
    };
  });
}

export function dataMatches(document: TextDocument, data: ClaimData): boolean {
  if (data.uri !== document.uri) return false;
  if (data.version === document.version) return true;
  const { start, end } = data.offsets;
  return document.getText().slice(start, end) === data.raw;
}

export interface ActionContext {
  settings: Settings;
  /** Directory relative citation links start from ('/'-separated). */
  baseDir: string;
  /** Whether the client wants versioned `documentChanges`. */
  documentChanges: boolean;
  /** False in an untrusted workspace: no action writes the decisions file. */
  canWriteDecisions: boolean;
}

function workspaceEdit(document: TextDocument, edits: OffsetEdit[], documentChanges: boolean): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((edit) => ({
    range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
    newText: edit.newText,
  }));
  // A versioned edit is refused by the client if the document moved on after this answer.
  return documentChanges
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] }
    : { changes: { [document.uri]: textEdits } };
}

function sourceLabel(source: CitationSource): string {
  const name = source.path.slice(source.path.lastIndexOf('/') + 1);
  return source.title ? `${source.title} (${name})` : name;
}

const VALUE_FIX_VERDICTS: readonly Verdict[] = ['contradicted', 'disputed'];

/** Quick fixes for one claim, from its diagnostic data alone. */
export function claimActions(
  document: TextDocument,
  data: ClaimData,
  diagnostic: Diagnostic | undefined,
  context: ActionContext,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const diagnostics = diagnostic ? [diagnostic] : undefined;
  // Stale data (the sentence moved or changed since the check) gets no edit.
  if (dataMatches(document, data)) {
    const text = document.getText();
    if (VALUE_FIX_VERDICTS.includes(data.verdict)) {
      const fixes = data.fixes.filter(
        (fix) => fix.offsets.start >= data.offsets.start && fix.offsets.end <= data.offsets.end && fix.offsets.start < fix.offsets.end,
      );
      for (const fix of fixes) {
        const current = text.slice(fix.offsets.start, fix.offsets.end);
        if (current === fix.replacement) continue;
        actions.push({
          title: `Use the source's value: ${fix.replacement} (${fix.source})`,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          isPreferred: fixes.length === 1,
          edit: workspaceEdit(document, [{ start: fix.offsets.start, end: fix.offsets.end, newText: fix.replacement }], context.documentChanges),
        });
      }
    }
    for (const source of data.citations.slice(0, CITATION_ACTIONS)) {
      const edits = citationEdits(text, data.offsets.start, data.offsets.end, source, {
        style: context.settings.citation.style,
        baseDir: context.baseDir,
      });
      if (edits.length === 0) continue;
      actions.push({
        title: `Insert citation: ${sourceLabel(source)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        edit: workspaceEdit(document, edits, context.documentChanges),
      });
    }
    if (data.markdown && diagnostic) {
      actions.push({
        title: 'Ignore this claim here (<!-- corroborate-ignore -->)',
        kind: CodeActionKind.QuickFix,
        diagnostics,
        edit: workspaceEdit(document, [inlineIgnoreEdit(text, data.offsets.start, data.offsets.end)], context.documentChanges),
      });
    }
  }
  if (diagnostic && context.canWriteDecisions) {
    const args: IgnoreClaimArgs = { uri: data.uri, key: data.key, text: data.text, evidenceHash: data.evidenceHash };
    actions.push({
      title: 'Ignore this claim (record in .corroborate/decisions.json)',
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: 'Ignore this claim', command: ServerCommands.ignoreClaim, arguments: [args] },
    });
  }
  return actions;
}
