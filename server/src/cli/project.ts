// What `corroborate check` shares with the language server: the committed
// `.corroborate.json`, the decisions file and the ignore comments and patterns,
// so CI fails on exactly the claims the editor shows; and `--fix`.

import { resolve } from 'node:path';
import { compilePatterns, draftIgnores, type CompiledPatterns, type IgnoreReason } from '../core/ignores.js';
import type { ClaimResult } from '../core/types.js';
import { findConfig, loadConfig, type ProjectConfig } from '../node/config.js';
import { DecisionSet, DecisionStore, evidenceHash } from '../node/decisions.js';
import { applyEdits, citationEdits, trimEnd, type OffsetEdit } from '../lsp/citations.js';
import { displayPath, supportingSources } from '../lsp/claimView.js';
import type { Settings } from '../lsp/protocol.js';
import { mergeSettingsSources, parseSettings, validSettingsFields } from '../lsp/settings.js';

export interface Project {
  /** The folder of .corroborate.json, else the working directory: decisions live in `<root>/.corroborate/`, SARIF URIs start here. */
  root: string;
  config?: ProjectConfig;
  settings: Settings;
  patterns: CompiledPatterns;
  /** Messages about the config (unknown keys, bad fields, bad patterns): said on stderr, never fatal. */
  messages: string[];
}

export type ProjectResult = { ok: true; project: Project } | { ok: false; error: string };

/** Reads `--config FILE`, else the nearest .corroborate.json above `cwd` (up to the repository root). */
export async function loadProject(cwd: string, configPath: string | undefined): Promise<ProjectResult> {
  const path = configPath !== undefined ? resolve(cwd, configPath) : await findConfig(cwd);
  let config: ProjectConfig | undefined;
  const messages: string[] = [];
  if (path !== undefined) {
    const loaded = await loadConfig(path);
    if (!loaded.ok) return { ok: false, error: loaded.error };
    config = loaded.config;
    messages.push(...config.messages);
  }
  const file = config ? validSettingsFields(config.settings, `${config.path}: `) : undefined;
  messages.push(...(file?.messages ?? []));
  const { settings } = parseSettings(mergeSettingsSources(file?.fields));
  const patterns = compilePatterns(settings.ignore);
  return { ok: true, project: { root: config?.root ?? cwd, config, settings, patterns, messages } };
}

export async function loadDecisions(project: Project): Promise<{ ok: true; decisions: DecisionSet } | { ok: false; error: string }> {
  return new DecisionStore(project.root).load();
}

/** The evidence hash the editor records for this claim (sources relative to the project root). */
export function cliEvidenceHash(claim: ClaimResult, cwd: string, root: string): string {
  return evidenceHash(
    claim.evidence.map((item) => ({ source: displayPath(resolve(cwd, item.source), root), quote: item.quote, stance: item.stance })),
  );
}

/** Why each claim of a draft is hidden (decision, inline comment, off block, ignore pattern), aligned with `claims`. */
export function judge(
  text: string,
  claims: readonly ClaimResult[],
  ignores: ReturnType<typeof draftIgnores>,
  decisions: DecisionSet,
  cwd: string,
  root: string,
): Array<IgnoreReason | undefined> {
  return claims.map((claim) =>
    decisions.size > 0 && decisions.has(claim.key, cliEvidenceHash(claim, cwd, root))
      ? 'decision'
      : ignores.reason(claim.offsets.start, claim.offsets.end, claim.verdict),
  );
}

export type FixKind = 'values' | 'citations';

/** `--fix` → values; `--fix=values,citations`. Undefined on an unknown kind. */
export function parseFixKinds(raw: string): Set<FixKind> | undefined {
  const words = raw === '' ? ['values'] : raw.split(',').map((word) => word.trim()).filter(Boolean);
  if (!words.every((word) => word === 'values' || word === 'citations')) return undefined;
  return new Set(words as FixKind[]);
}

/** Whether the sentence already carries a citation (footnote marker, Pandoc key or link right after or in it). */
function alreadyCited(text: string, claim: ClaimResult): boolean {
  const end = trimEnd(text, claim.offsets.start, claim.offsets.end);
  const sentence = text.slice(claim.offsets.start, end);
  return /\[\^[^\]\s]+\]|\[@[^\]\s]+\]|\]\([^)]*\)/.test(sentence) || /^\s*\[\^/.test(text.slice(end, end + 10));
}

/**
 * Applies fixes to a draft: `values` takes the sources' value for contradicted
 * claims (all sources agree on it), `citations` cites the best supporting
 * source of supported claims that cite nothing yet. Claims are edited from the
 * last to the first so earlier offsets stay valid. Returns the new text and
 * how many claims changed.
 */
export function applyFixes(
  text: string,
  claims: readonly ClaimResult[],
  ignored: ReadonlyArray<IgnoreReason | undefined>,
  kinds: Set<FixKind>,
  context: { cwd: string; style: Settings['citation']['style']; baseDir: string; markdown: boolean },
): { text: string; values: number; citations: number } {
  let current = text;
  let values = 0;
  let citations = 0;
  const order = claims.map((claim, index) => ({ claim, index })).sort((a, b) => b.claim.offsets.start - a.claim.offsets.start);
  for (const { claim, index } of order) {
    if (ignored[index]) continue;
    let edits: OffsetEdit[] = [];
    if (kinds.has('values') && claim.verdict === 'contradicted' && claim.fixes.length > 0) {
      // One value per claim; several fixes of one claim replace different spans (value and unit), all from the first source.
      const source = claim.fixes[0]!.source;
      edits = claim.fixes.filter((fix) => fix.source === source).map((fix) => ({ start: fix.offsets.start, end: fix.offsets.end, newText: fix.replacement }));
      values++;
    } else if (kinds.has('citations') && context.markdown && claim.verdict === 'supported' && !alreadyCited(current, claim)) {
      const [source] = supportingSources(claim, context.cwd);
      if (!source) continue;
      edits = citationEdits(current, claim.offsets.start, claim.offsets.end, source, { style: context.style, baseDir: context.baseDir });
      citations++;
    }
    if (edits.length > 0) current = applyEdits(current, edits);
  }
  return { text: current, values, citations };
}
