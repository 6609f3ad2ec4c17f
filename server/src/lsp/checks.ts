/**
 * Checking one draft: runs the Engine on the buffer text (ignore.tokens patterns
 * blanked), marks claims hidden by a decision, an inline
 * `<!-- corroborate-ignore -->`, a `corroborate-off` block or an ignore.blocks
 * pattern (core/ignores.ts, shared with the CLI), and caches the result
 * per document version and corpus stamp. A failed check logs and yields
 * nothing; it never takes the server down.
 */

import { CancelledError } from '../core/engine.js';
import type { CancellationSignal, ClaimResult, Logger } from '../core/types.js';
import { compilePatterns, draftIgnores, type CompiledPatterns, type IgnoreReason } from '../core/ignores.js';
import { draftSources } from './draftSources.js';
import { claimEvidenceHash } from './claimView.js';
import type { CorpusFolder } from './corpusFolder.js';
import type { ClaimCounts, Settings } from './protocol.js';

export interface JudgedClaim {
  claim: ClaimResult;
  evidenceHash: string;
  ignored?: IgnoreReason;
}

const compiledPatterns = new WeakMap<Settings['ignore'], CompiledPatterns>();

/** The settings' ignore patterns, compiled once per settings object (invalid ones were reported by parseSettings). */
export function patternsOf(settings: Settings): CompiledPatterns {
  let compiled = compiledPatterns.get(settings.ignore);
  if (!compiled) {
    compiled = compilePatterns(settings.ignore);
    compiledPatterns.set(settings.ignore, compiled);
  }
  return compiled;
}

export interface CheckResult {
  uri: string;
  version: number;
  /** Corpus + decisions stamp of the folder when checked. */
  stamp: string;
  languageKey: string;
  markdown: boolean;
  claims: JudgedClaim[];
  corpusVersion: number;
}

/** The parts of a TextDocument a check reads. */
export interface DraftSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
}

/** What, besides the text and the corpus, a cached result depends on. */
function languageKey(settings: Settings): string {
  return JSON.stringify([settings.language, settings.ignore]);
}

export function isMarkdown(document: { uri: string; languageId: string }): boolean {
  if (document.languageId === 'markdown') return true;
  if (document.languageId === 'plaintext' || document.languageId === 'text') return false;
  return /\.(md|markdown|mdx|mkd)$/i.test(document.uri);
}

export function countClaims(claims: readonly JudgedClaim[]): ClaimCounts {
  const counts: ClaimCounts = { supported: 0, contradicted: 0, disputed: 0, unsupported: 0, ignored: 0 };
  for (const judged of claims) {
    if (judged.ignored) counts.ignored++;
    else counts[judged.claim.verdict]++;
  }
  return counts;
}

/** The claim whose sentence contains `offset` (the innermost if several do). */
export function claimAt(claims: readonly JudgedClaim[], offset: number): JudgedClaim | undefined {
  let best: JudgedClaim | undefined;
  for (const judged of claims) {
    const { start, end } = judged.claim.offsets;
    if (offset < start || offset > end) continue;
    if (!best || end - start < best.claim.offsets.end - best.claim.offsets.start) best = judged;
  }
  return best;
}

export class DraftChecker {
  readonly #log: Logger;
  readonly #cache = new Map<string, CheckResult>();

  constructor(log: Logger) {
    this.#log = log;
  }

  /** The cached result for exactly this version and corpus state, if any. */
  cached(document: DraftSnapshot, folder: CorpusFolder, settings: Settings): CheckResult | undefined {
    const hit = this.#cache.get(document.uri);
    return hit && hit.version === document.version && hit.stamp === folder.stamp && hit.languageKey === languageKey(settings)
      ? hit
      : undefined;
  }

  /** The last result for the document, whatever its version. */
  last(uri: string): CheckResult | undefined {
    return this.#cache.get(uri);
  }

  forget(uri: string): void {
    this.#cache.delete(uri);
  }

  /** Checks the draft; `undefined` when cancelled or failed (logged). */
  async check(
    document: DraftSnapshot,
    folder: CorpusFolder,
    settings: Settings,
    signal: CancellationSignal,
  ): Promise<CheckResult | undefined> {
    const hit = this.cached(document, folder, settings);
    if (hit) return hit;
    const stamp = folder.stamp;
    const markdown = isMarkdown(document);
    const started = Date.now();
    const text = document.getText();
    const ignores = draftIgnores(text, patternsOf(settings));
    // The draft's own sources (`sources:` front matter), relative to the workspace folder or a corpus root.
    const sources = markdown ? draftSources(text, [folder.path, ...folder.roots.map((root) => root.path)]) : undefined;
    if (sources?.problem) this.#log.warn(`Corroborate: ${document.uri}: ${sources.problem}`);
    let claims: ClaimResult[];
    try {
      // `await` keeps this correct if checkDraft becomes asynchronous.
      const report = await folder.engine.checkDraft(ignores.text, {
        markdown,
        languageHint: settings.language === 'auto' ? undefined : settings.language,
        token: signal,
        sources: sources?.scope,
      });
      claims = report.claims;
    } catch (error) {
      if (error instanceof CancelledError || signal.isCancellationRequested) return undefined;
      this.#log.error(`Corroborate: checking ${document.uri} failed: ${(error as Error).stack ?? error}`);
      return undefined;
    }
    if (signal.isCancellationRequested) return undefined;
    const judged = claims.map((claim): JudgedClaim => {
      const evidenceHash = claimEvidenceHash(claim, folder.path);
      const ignored = folder.decisions.has(claim.key, evidenceHash)
        ? 'decision'
        : ignores.reason(claim.offsets.start, claim.offsets.end, claim.verdict);
      return { claim, evidenceHash, ignored };
    });
    const result: CheckResult = {
      uri: document.uri,
      version: document.version,
      stamp,
      languageKey: languageKey(settings),
      markdown,
      claims: judged,
      corpusVersion: folder.engine.corpusVersion,
    };
    this.#cache.set(document.uri, result);
    const elapsed = Date.now() - started;
    if (elapsed > 200) this.#log.info(`Corroborate: checked ${document.uri} (${claims.length} claims) in ${elapsed} ms`);
    return result;
  }
}
