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
import type { CheckResult, JudgedClaim } from './checks.js';
import {
  citationEdits,
  inlineIgnoreEdit,
  type CitationSource,
  type OffsetEdit,
} from './citations.js';
import { cachedEvidenceView, CITATION_ACTIONS, claimData, claimMessage, offeredValueFixes, perEvidence, supportingSources } from './claimView.js';
import { encodedOnce } from './transport.js';
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
      // Names the claim only: its fixes are built from the server's check when asked for (claimActions).
      data: claimData(claim, result.version),
    };
    if (context.relatedInformation && claim.evidence.length > 0) diagnostic.relatedInformation = relatedInformation(claim.evidence, context);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

// Built once per evidence array (see perEvidence), for each way of pointing at a source, and encoded once (transport.ts).
const relatedToFiles = perEvidence((evidence: readonly Evidence[], folderPath: string) => encodedOnce(relatedOf(evidence, folderPath, false)));
const relatedToSourceDocuments = perEvidence((evidence: readonly Evidence[], folderPath: string) => encodedOnce(relatedOf(evidence, folderPath, true)));

function relatedInformation(evidence: readonly Evidence[], context: ConvertContext): DiagnosticRelatedInformation[] {
  return (context.sourceDocuments ? relatedToSourceDocuments : relatedToFiles)(evidence, context.folderPath);
}

function relatedOf(evidence: readonly Evidence[], folderPath: string, sourceDocuments: boolean): DiagnosticRelatedInformation[] {
  return evidence.map((item): DiagnosticRelatedInformation => {
    const view = cachedEvidenceView(item, folderPath);
    const side = view.stance === 'supports' ? 'Agrees' : 'Disagrees';
    return {
      // A copy: the array is frozen (encodedOnce), the engine's evidence is not this module's to freeze.
      location: {
        uri: sourceDocuments && view.format ? sourceDocumentUri(view.uri) : view.uri,
        range: { start: { ...item.range.start }, end: { ...item.range.end } },
      },
      message: `${side}${view.detail ? ` (${view.detail})` : ''}: "${truncate(view.quote, 160)}"`,
    };
  });
}

export interface ActionContext {
  settings: Settings;
  folderPath: string;
  /** The client resolves edits (`codeAction/resolve` with `edit`): actions carry ActionData instead. */
  resolveEdits: boolean;
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

/** The claim of a check a code action is for, as the server knows it. */
export interface ActionClaim {
  uri: string;
  /** The document version the check (and so every offset of the claim) is of. */
  version: number;
  markdown: boolean;
  judged: JudgedClaim;
}

/** `CodeAction.data` of an action whose edit comes with `codeAction/resolve`. */
export interface ActionData {
  kind: 'corroborate.action';
  uri: string;
  version: number;
  key: string;
  /** The claim's start offset (a draft may hold the same sentence twice). */
  start: number;
  verdict: Verdict;
  /** Which of the claim's actions: `value:N`, `cite:N`, `ignore-here`. */
  id: string;
}

export function isActionData(value: unknown): value is ActionData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<ActionData>;
  return (
    data.kind === 'corroborate.action' &&
    typeof data.uri === 'string' &&
    typeof data.version === 'number' &&
    typeof data.key === 'string' &&
    typeof data.start === 'number' &&
    typeof data.verdict === 'string' &&
    typeof data.id === 'string'
  );
}

/** An action that edits the draft, its edits computed only when wanted. */
interface EditAction {
  id: string;
  title: string;
  isPreferred?: boolean;
  edits: () => OffsetEdit[];
}

/** Every editing quick fix of a claim, in menu order. `text` is the checked version's text. */
function editActions(text: string, target: ActionClaim, context: ActionContext): EditAction[] {
  const { claim } = target.judged;
  const actions: EditAction[] = [];
  if (VALUE_FIX_VERDICTS.includes(claim.verdict)) {
    const fixes = offeredValueFixes(claim, context.folderPath, text);
    fixes.forEach((fix, index) => {
      actions.push({
        id: `value:${index}`,
        title: `Use the source's value: ${fix.replacement} (${fix.source})`,
        isPreferred: claim.fixes.length === 1 && fixes.length === 1,
        edits: () => [{ start: fix.offsets.start, end: fix.offsets.end, newText: fix.replacement }],
      });
    });
  }
  supportingSources(claim, context.folderPath)
    .slice(0, CITATION_ACTIONS)
    .forEach((source, index) => {
      const edits = citationEdits(text, claim.offsets.start, claim.offsets.end, source, {
        style: context.settings.citation.style,
        baseDir: context.baseDir,
      });
      if (edits.length === 0) return;
      actions.push({ id: `cite:${index}`, title: `Insert citation: ${sourceLabel(source)}`, edits: () => edits });
    });
  return actions;
}

/**
 * Quick fixes for one claim of the server's check of the document's current
 * version. Edits are eager, or left to `codeAction/resolve` (the action then
 * carries ActionData) when the client resolves them.
 */
export function claimActions(
  document: TextDocument,
  target: ActionClaim,
  diagnostic: Diagnostic | undefined,
  context: ActionContext,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const diagnostics = diagnostic ? [diagnostic] : undefined;
  const { claim, evidenceHash } = target.judged;
  // Offsets are the check's: they hold for this text only.
  if (target.version !== document.version || target.uri !== document.uri) return actions;
  const text = document.getText();
  const edited = editActions(text, target, context);
  if (target.markdown && diagnostic) {
    edited.push({
      id: 'ignore-here',
      title: 'Ignore this claim here (<!-- corroborate-ignore -->)',
      edits: () => [inlineIgnoreEdit(text, claim.offsets.start, claim.offsets.end)],
    });
  }
  for (const action of edited) {
    const data: ActionData = {
      kind: 'corroborate.action',
      uri: target.uri,
      version: target.version,
      key: claim.key,
      start: claim.offsets.start,
      verdict: claim.verdict,
      id: action.id,
    };
    actions.push({
      title: action.title,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      ...(action.isPreferred ? { isPreferred: true } : {}),
      ...(context.resolveEdits ? { data } : { edit: workspaceEdit(document, action.edits(), context.documentChanges) }),
    });
  }
  if (diagnostic && context.canWriteDecisions) {
    const args: IgnoreClaimArgs = { uri: target.uri, key: claim.key, text: claim.text, evidenceHash };
    actions.push({
      title: 'Ignore this claim (record in .corroborate/decisions.json)',
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: 'Ignore this claim', command: ServerCommands.ignoreClaim, arguments: [args] },
    });
  }
  return actions;
}

/**
 * The edit of a resolved action (`codeAction/resolve`), or undefined when the
 * claim it was offered for is not the one checked any more (another version,
 * verdict or action list): a stale action gets no edit rather than a wrong one.
 */
export function resolveEdit(document: TextDocument, target: ActionClaim, data: ActionData, title: string, context: ActionContext): WorkspaceEdit | undefined {
  const { claim } = target.judged;
  if (document.uri !== data.uri || document.version !== data.version || target.version !== data.version) return undefined;
  if (claim.key !== data.key || claim.offsets.start !== data.start || claim.verdict !== data.verdict) return undefined;
  const text = document.getText();
  let action: EditAction | undefined;
  if (data.id === 'ignore-here') {
    if (target.markdown) action = { id: data.id, title, edits: () => [inlineIgnoreEdit(text, claim.offsets.start, claim.offsets.end)] };
  } else {
    action = editActions(text, target, context).find((candidate) => candidate.id === data.id);
  }
  if (!action || action.title !== title) return undefined;
  return workspaceEdit(document, action.edits(), context.documentChanges);
}
