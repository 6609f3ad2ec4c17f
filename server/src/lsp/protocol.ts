/**
 * Custom LSP messages, command ids and the settings shape shared by the server
 * and the VS Code client (the client imports this file; esbuild bundles it into
 * both sides). Types and constants only: no runtime imports, so each side
 * sends these with its own vscode-jsonrpc version by method name.
 * Documented for other editors in docs/editors.md.
 */

import type { Verdict } from '../core/types.js';

export type { Verdict };

/** Per-verdict counts of one draft. `ignored` counts claims hidden by a decision or an inline comment. */
export interface ClaimCounts {
  supported: number;
  contradicted: number;
  disputed: number;
  unsupported: number;
  ignored: number;
}

/**
 * `corroborate/status` — notification, server → client, after every check of a draft.
 * Drives the status bar item (counts of the active draft).
 */
export const StatusNotification = { method: 'corroborate/status' } as const;
export interface StatusParams {
  uri: string;
  version: number;
  counts: ClaimCounts;
  /** The corpus version the counts were computed against. */
  corpusVersion: number;
}

/**
 * `corroborate/corpusStatus` — notification, server → client, when indexing
 * starts, progresses (throttled) and ends for a workspace folder.
 */
export const CorpusStatusNotification = { method: 'corroborate/corpusStatus' } as const;
export interface CorpusStatusParams {
  /** Workspace folder URI, or '' for the root-less workspace. */
  folder: string;
  state: 'indexing' | 'ready';
  done: number;
  total: number;
  documents: number;
  sentences: number;
  problems: number;
  /** The configured corpus folders, relative to the workspace folder. */
  corpusPaths?: string[];
  /** True when none of them exists: the client offers to choose a folder. */
  missing?: boolean;
}

/**
 * `corroborate/report` — request, client → server: a Markdown report (a table
 * of every claim with verdict and sources) for one open draft. `null` when the
 * document is not open or not a draft.
 */
export const ReportRequest = { method: 'corroborate/report' } as const;
export interface ReportParams {
  uri: string;
}
export interface ReportResult {
  uri: string;
  version: number;
  markdown: string;
}

/**
 * `corroborate/claims` — request, client → server: every claim of one open
 * draft as data (the VS Code claim report webview; any editor may use it).
 * The result of the check the diagnostics already use (cached per version):
 * no second check. Answered once the corpus is indexed; `null` when the
 * document is not open or not a draft.
 */
export const ClaimsRequest = { method: 'corroborate/claims' } as const;
export interface ClaimsParams {
  uri: string;
}
export interface ClaimsResult {
  uri: string;
  /** The document version the ranges refer to. */
  version: number;
  counts: ClaimCounts;
  /** In document order. */
  claims: ClaimJson[];
}
/** A 0-based LSP range. */
export interface RangeJson {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export interface ClaimJson {
  /** Hash of the normalised sentence (stable across edits elsewhere in the draft). */
  key: string;
  verdict: Verdict;
  /** Set when a decision, an inline comment, a `corroborate-off` block or an ignore pattern hides the claim. */
  ignored?: 'decision' | 'inline' | 'block' | 'pattern';
  range: RangeJson;
  sentence: string;
  message: string;
  evidence: EvidenceJson[];
}
export interface EvidenceJson {
  /** file: URI of the source. */
  uri: string;
  /** Relative to the workspace folder when inside it, else absolute; '/'-separated. */
  path: string;
  /** Line range of the evidence sentence in the source (0-based). */
  range: RangeJson;
  quote: string;
  stance: 'supports' | 'contradicts';
  /** For `contradicts`: the source's value as written (`60 km/h`). */
  detail?: string;
  lang: string;
  /** Front matter / metadata of the source file, when it has any. */
  meta: { title?: string; outlet?: string; date?: string; url?: string };
}

/**
 * `corroborate/evidenceAt` — request, client → server: the evidence locations
 * of the claim at a position (for "Open Source at Evidence" without arguments).
 */
export const EvidenceAtRequest = { method: 'corroborate/evidenceAt' } as const;
export interface EvidenceAtParams {
  uri: string;
  position: { line: number; character: number };
}
export interface EvidenceLocation {
  uri: string;
  /** 0-based line of the evidence sentence. */
  line: number;
  character: number;
  label: string;
  detail: string;
}

/**
 * Commands the server executes (`workspace/executeCommand`). The underscore keeps
 * them apart from the client's public `corroborate.*` commands, because
 * vscode-languageclient registers every server command with VS Code itself.
 */
export const ServerCommands = {
  /** Re-index the corpus of every workspace folder (no arguments). */
  reindex: '_corroborate.reindex',
  /** Record "ignore this claim" in .corroborate/decisions.json; argument: {@link IgnoreClaimArgs}. */
  ignoreClaim: '_corroborate.ignoreClaim',
  /** Check a draft now (the trigger for `corroborate.run: manual`); argument: `{ uri }`. */
  checkDocument: '_corroborate.checkDocument',
} as const;

/** Public commands contributed by the VS Code client. */
export const ClientCommands = {
  reindex: 'corroborate.reindex',
  showReport: 'corroborate.showReport',
  openSource: 'corroborate.openSource',
  check: 'corroborate.check',
  enable: 'corroborate.enable',
  disable: 'corroborate.disable',
  chooseCorpus: 'corroborate.chooseCorpus',
  openWalkthrough: 'corroborate.openWalkthrough',
} as const;

export interface IgnoreClaimArgs {
  uri: string;
  key: string;
  text: string;
  evidenceHash: string;
  /** Optional: who decided (default: `git config user.name` in the folder) and why. */
  by?: string;
  reason?: string;
}

/** Arguments of `corroborate.openSource` (also used in hover command links). */
export interface OpenSourceArgs {
  uri: string;
  /** 0-based. */
  line: number;
  character?: number;
  /** VS Code only: the editor group to open it in (the claim report opens sources next to the draft, not over itself). */
  viewColumn?: number;
}

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type CitationStyle = 'footnote' | 'link' | 'pandoc';
export type RunMode = 'onType' | 'onSave' | 'manual';

/** The `corroborate.*` settings after validation (see settings.ts for defaults). */
export interface Settings {
  corpus: { paths: string[]; include: string[]; exclude: string[] };
  language: string;
  citation: { style: CitationStyle };
  severity: Record<Verdict, SeveritySetting>;
  run: RunMode;
  debounceMs: number;
  maxFileSizeMB: number;
  /** Regular expressions whose matches are not checked (see core/ignores.ts). */
  ignore: { blocks: string[]; tokens: string[] };
}

/** Sent by the VS Code client as `initializationOptions`. Every field optional: other editors send nothing. */
export interface InitializationOptions {
  /** False in an untrusted VS Code workspace: the server then never writes the decisions file. */
  workspaceTrusted?: boolean;
  /**
   * A directory the server may write its index cache to (VS Code: the
   * extension's workspace storage). Without it the cache goes to
   * `.corroborate/cache/` in each workspace folder (trusted workspaces only).
   */
  storagePath?: string;
  /** False: no index cache at all (every start indexes the corpus from scratch). */
  indexCache?: boolean;
  /**
   * True: the client shows the extracted text of HTML, PDF and DOCX sources
   * (through {@link SourceTextRequest}) and runs `corroborate.openSource`, so
   * hovers link evidence in those files to that command instead of to the file.
   */
  sourceDocuments?: boolean;
}

/**
 * `corroborate/sourceText` — request, client → server: the text of a corpus
 * file as the engine indexed it. For HTML, PDF and DOCX files that is the
 * extracted plain text, the text evidence line numbers refer to (VS Code shows
 * it as a read-only `corroborate-source:` document). `null` when the file is
 * not in any folder's corpus (or could not be read).
 */
export const SourceTextRequest = { method: 'corroborate/sourceText' } as const;

export interface SourceTextParams {
  /** The corpus file's `file:` URI. */
  uri: string;
}

export interface SourceTextResult {
  uri: string;
  text: string;
  /** `html`, `pdf`, `docx`; absent for text and Markdown files. */
  format?: string;
  title?: string;
  outlet?: string;
  author?: string;
  date?: string;
  url?: string;
  /** How messages name the source (outlet or title, and date; else the file name). */
  label: string;
}
