/**
 * Request handlers other than diagnostics: hover, code actions, commands and
 * the custom report/evidence requests. Each answers empty for unknown or
 * closed documents and for requests that went stale while waiting.
 */

import { basename } from 'node:path';
import {
  CodeActionKind,
  MarkupKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type ExecuteCommandParams,
  type Hover,
  type HoverParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { claimAt, countClaims, type CheckResult, type JudgedClaim } from './checks.js';
import { cachedEvidenceView, claimMessage, evidenceView, isClaimData, type ClaimData } from './claimView.js';
import { claimActions, DIAGNOSTIC_SOURCE, isActionData, resolveEdit, type ActionContext } from './convert.js';
import type { CorpusFolder } from './corpusFolder.js';
import type { Diagnostics } from './diagnostics.js';
import { hoverMarkdown, reportMarkdown } from './markdown.js';
import {
  ServerCommands,
  type ClaimJson,
  type ClaimsParams,
  type ClaimsResult,
  type EvidenceAtParams,
  type EvidenceLocation,
  type IgnoreClaimArgs,
  type ReportParams,
  type ReportResult,
  type SourceTextParams,
  type SourceTextResult,
} from './protocol.js';
import { uriToPath, type World } from './world.js';
import { sourceLabel } from '../core/verify/report.js';

/** The current version's check result, computing it if needed (cheap: the engine caches per sentence). */
async function currentResult(
  world: World,
  document: TextDocument,
  folder: CorpusFolder,
  token: CancellationToken,
): Promise<CheckResult | undefined> {
  const settings = await world.settingsFor(document.uri);
  const { uri, version } = document;
  const current = world.documents.get(uri);
  if (!current || current.version !== version) return undefined;
  return world.checker.check(current, folder, settings, {
    get isCancellationRequested() {
      return token.isCancellationRequested || world.documents.get(uri)?.version !== version;
    },
  });
}

export async function hover(world: World, params: HoverParams, token: CancellationToken): Promise<Hover | null> {
  const document = world.documents.get(params.textDocument.uri);
  const folder = world.folderFor(params.textDocument.uri);
  if (!document || !folder || !world.isDraft(document.uri)) return null;
  const offset = document.offsetAt(params.position);
  if (!folder.isReady) {
    // Answer at once while the first index runs, rather than judge against half a corpus.
    return { contents: { kind: MarkupKind.Markdown, value: '_Corroborate: indexing the corpus…_' } };
  }
  const result = await currentResult(world, document, folder, token);
  if (!result || token.isCancellationRequested) return null;
  const judged = claimAt(result.claims, offset);
  if (!judged) return null;
  const { claim } = judged;
  return {
    contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(claim, { folderPath: folder.path, ignored: judged.ignored, sourceDocuments: world.initOptions.sourceDocuments === true }) },
    range: { start: document.positionAt(claim.offsets.start), end: document.positionAt(claim.offsets.end) },
  };
}

/** The claim `key` with this verdict nearest `offset` (a draft may hold the same sentence twice); undefined when it is gone. */
function claimFor(result: CheckResult, data: ClaimData, offset: number): JudgedClaim | undefined {
  let best: JudgedClaim | undefined;
  for (const judged of result.claims) {
    if (judged.claim.key !== data.key) continue;
    if (!best || Math.abs(judged.claim.offsets.start - offset) < Math.abs(best.claim.offsets.start - offset)) best = judged;
  }
  // A verdict that changed since the diagnostic was made: its fixes would not be the ones shown.
  return best?.claim.verdict === data.verdict ? best : undefined;
}

async function actionContext(world: World, uri: string, folder: CorpusFolder): Promise<ActionContext> {
  return {
    settings: await world.settingsFor(uri),
    folderPath: folder.path,
    baseDir: world.baseDirFor(uri),
    documentChanges: world.capabilities.documentChanges,
    resolveEdits: world.capabilities.codeActionResolve,
    canWriteDecisions: world.canWriteDecisions,
  };
}

/**
 * Quick fixes for the diagnostics in the request, from the server's check of
 * the document's current version (the one the diagnostics came from, or a new
 * one: the engine re-judges only changed sentences). A diagnostic names its
 * claim by key and verdict (ClaimData): a claim that is gone or was judged
 * otherwise since gets no action.
 */
export async function codeActions(world: World, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const document = world.documents.get(uri);
  const folder = world.folderFor(uri);
  if (!document || !folder || !world.isDraft(uri)) return [];
  if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const version = document.version;
  const context = await actionContext(world, uri, folder);
  // Every edit is computed against the version the request was for.
  if (token.isCancellationRequested || world.documents.get(uri)?.version !== version) return [];
  // While the corpus is (re)indexed, only a check of this very version (made before) answers.
  const last = world.checker.last(uri);
  const result = folder.isReady ? await currentResult(world, document, folder, token) : last?.version === version ? last : undefined;
  if (!result || result.version !== version || world.documents.get(uri)?.version !== version) return [];
  const actions: CodeAction[] = [];
  const covered = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isClaimData(diagnostic.data)) continue;
    covered.add(diagnostic.data.key);
    const judged = claimFor(result, diagnostic.data, document.offsetAt(diagnostic.range.start));
    if (!judged) continue;
    actions.push(...claimActions(document, { uri, version, markdown: result.markdown, judged }, diagnostic, context));
  }
  // Supported sentences have no diagnostic by default; offer their citation from the current check.
  if (actions.length === 0 && folder.isReady) {
    const judged = claimAt(result.claims, document.offsetAt(params.range.start));
    if (judged && !covered.has(judged.claim.key) && judged.claim.evidence.some((item) => item.stance === 'supports')) {
      actions.push(...claimActions(document, { uri, version, markdown: result.markdown, judged }, undefined, context));
    }
  }
  return actions;
}

/**
 * `codeAction/resolve`: the edit of an action offered lazily, computed from the
 * server's last check if it is still of the action's document version and
 * holds the same claim and verdict. Otherwise the action comes back without an
 * edit: nothing is applied rather than a stale fix.
 */
export async function resolveCodeAction(world: World, action: CodeAction): Promise<CodeAction> {
  if (!isActionData(action.data) || action.edit) return action;
  const data = action.data;
  const document = world.documents.get(data.uri);
  const folder = world.folderFor(data.uri);
  if (!document || !folder || document.version !== data.version) return action;
  const context = await actionContext(world, data.uri, folder);
  const current = world.documents.get(data.uri);
  const result = world.checker.last(data.uri);
  if (!current || current.version !== data.version || !result || result.version !== data.version) return action;
  const judged = result.claims.find((candidate) => candidate.claim.key === data.key && candidate.claim.offsets.start === data.start);
  if (!judged) return action;
  const edit = resolveEdit(current, { uri: data.uri, version: data.version, markdown: result.markdown, judged }, data, action.title, context);
  return edit ? { ...action, edit } : action;
}

function isIgnoreArgs(value: unknown): value is IgnoreClaimArgs {
  if (typeof value !== 'object' || value === null) return false;
  const args = value as Partial<IgnoreClaimArgs>;
  return typeof args.uri === 'string' && typeof args.key === 'string' && typeof args.evidenceHash === 'string';
}

export async function executeCommand(world: World, diagnostics: Diagnostics, params: ExecuteCommandParams): Promise<unknown> {
  const [argument] = params.arguments ?? [];
  switch (params.command) {
    case ServerCommands.reindex: {
      await Promise.all([...world.folders.values()].map((folder) => folder.reindex()));
      return { folders: world.folders.size };
    }
    case ServerCommands.checkDocument: {
      const uri = (argument as { uri?: unknown } | undefined)?.uri;
      if (typeof uri === 'string') diagnostics.checkNow(uri);
      return null;
    }
    case ServerCommands.ignoreClaim: {
      if (!isIgnoreArgs(argument)) {
        world.log.error(`Corroborate: ${params.command}: bad arguments ${JSON.stringify(params.arguments)}`);
        return null;
      }
      if (!world.canWriteDecisions) {
        void world.connection.window.showWarningMessage('Corroborate: the workspace is not trusted; decisions are not written.');
        return null;
      }
      const folder = world.folderFor(argument.uri);
      if (!folder) return null;
      const result = await folder.recordDecision({
        key: argument.key,
        text: typeof argument.text === 'string' ? argument.text : '',
        evidenceHash: argument.evidenceHash,
        date: new Date().toISOString().slice(0, 10),
        // The server starts no process (no `git config user.name`): `by` comes with the command, when the client knows it.
        by: typeof argument.by === 'string' ? argument.by : undefined,
        reason: typeof argument.reason === 'string' ? argument.reason : undefined,
      });
      if (!result.ok) {
        world.log.error(`Corroborate: ${result.error}`);
        void world.connection.window.showErrorMessage(`Corroborate: cannot record the decision: ${result.error}`);
      }
      return null;
    }
    default:
      world.log.warn(`Corroborate: unknown command ${params.command}`);
      return null;
  }
}

export async function report(world: World, params: ReportParams, token: CancellationToken): Promise<ReportResult | null> {
  const document = world.documents.get(params.uri);
  const folder = world.folderFor(params.uri);
  if (!document || !folder || !world.isDraft(params.uri)) return null;
  await folder.ready;
  const result = await currentResult(world, document, folder, token);
  if (!result) return null;
  const title = basename(document.uri.replace(/^[a-z]+:/, '')) || document.uri;
  return {
    uri: document.uri,
    version: result.version,
    markdown: reportMarkdown(decodeURIComponent(title), result.claims, folder.path),
  };
}

/** `corroborate/claims`: the claims of the current check as data (the same cached result the diagnostics use). */
export async function claims(world: World, params: ClaimsParams, token: CancellationToken): Promise<ClaimsResult | null> {
  const uri = typeof params?.uri === 'string' ? params.uri : undefined;
  const document = uri === undefined ? undefined : world.documents.get(uri);
  const folder = uri === undefined ? undefined : world.folderFor(uri);
  if (!document || !folder || !world.isDraft(document.uri)) return null;
  await folder.ready;
  const result = await currentResult(world, document, folder, token);
  if (!result) return null;
  return {
    uri: document.uri,
    version: result.version,
    counts: countClaims(result.claims),
    claims: result.claims.map(({ claim, ignored }): ClaimJson => ({
      key: claim.key,
      verdict: claim.verdict,
      ...(ignored ? { ignored } : {}),
      range: { start: { ...claim.range.start }, end: { ...claim.range.end } },
      sentence: claim.text,
      message: claimMessage(claim, folder.path),
      evidence: claim.evidence.map((item) => {
        const view = cachedEvidenceView(item, folder.path);
        return {
          uri: view.uri,
          path: view.relPath,
          range: { start: { ...item.range.start }, end: { ...item.range.end } },
          quote: view.quote,
          stance: view.stance,
          ...(view.detail ? { detail: view.detail } : {}),
          lang: view.lang,
          meta: {
            ...(view.title ? { title: view.title } : {}),
            ...(view.outlet ? { outlet: view.outlet } : {}),
            ...(view.date ? { date: view.date } : {}),
            ...(view.url ? { url: view.url } : {}),
          },
        };
      }),
    })),
  };
}

export async function evidenceAt(world: World, params: EvidenceAtParams, token: CancellationToken): Promise<EvidenceLocation[]> {
  const document = world.documents.get(params.uri);
  const folder = world.folderFor(params.uri);
  if (!document || !folder || !world.isDraft(params.uri)) return [];
  const result = await currentResult(world, document, folder, token);
  const judged = result ? claimAt(result.claims, document.offsetAt(params.position)) : undefined;
  if (!judged) return [];
  return judged.claim.evidence.map((item) => {
    const view = evidenceView(item, folder.path);
    return {
      uri: view.uri,
      line: view.line,
      character: view.character,
      label: `${view.label} (${view.fileName}:${view.line + 1})`,
      detail: `${view.stance === 'supports' ? 'agrees' : 'disagrees'}: ${view.quote}`,
    };
  });
}

/** The text of a corpus file as indexed (extracted text for HTML, PDF and DOCX), for the client's read-only source documents. */
export async function sourceText(world: World, params: SourceTextParams): Promise<SourceTextResult | null> {
  const path = uriToPath(params.uri);
  if (path === undefined) return null;
  for (const folder of world.folders.values()) {
    if (!folder.underCorpusRoot(path) && !folder.isCorpusFile(path)) continue;
    await folder.ready;
    await folder.idle();
    const doc = folder.engine.source(path);
    if (!doc) continue;
    return { uri: params.uri, text: doc.text, ...(doc.format ? { format: doc.format } : {}), ...doc.meta, label: sourceLabel(path, doc.meta) };
  }
  return null;
}
