// `corroborate` command line: `check` for people, CI and scripts; `lsp` starts
// the language server for any LSP editor. A thin adapter over the engine.

import { writeFile } from 'node:fs/promises';
import { parseArgs } from './args.js';
import { expandDrafts, readDraft, readStdin, STDIN } from './drafts.js';
import { formatJson, formatSarif, formatText, hasFailures, type CheckRun } from './format.js';
import { applyFixes, judge, loadDecisions, loadProject, parseFixKinds } from './project.js';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { draftIgnores } from '../core/ignores.js';
import { compileFilter } from '../lsp/glob.js';
import { CorpusStamps } from '../node/corpusStamps.js';
import { IndexCache } from '../node/indexCache.js';
import { loadCorpus } from '../node/loadCorpus.js';
import { favourMemoryOverHeapGrowth } from '../node/memoryPolicy.js';
import { CORPUS_FILE_EXTENSIONS } from '../node/formats/index.js';
import { draftSources } from '../lsp/draftSources.js';
import { Engine } from '../core/engine.js';
import type { Verdict } from '../core/types.js';

const VERSION = process.env.CORROBORATE_VERSION ?? '0.0.0-dev';

const USAGE = `Usage:
  corroborate check [options] [DRAFT...]
  corroborate lsp --stdio
  corroborate --version

check     Checks every factual sentence of each DRAFT (Markdown or plain text) against the corpus.
          A DRAFT is a file, a folder (its .md, .markdown, .mdx and .txt files outside the corpus),
          a glob ("drafts/**/*.md", quoted) or - for standard input. Without DRAFT: the
          "drafts" globs of .corroborate.json.
          --config FILE       the configuration (default: the nearest .corroborate.json
                              from the working directory up to the repository root)
          --corpus DIR        a corpus folder or file (repeatable; default: corpus.paths
                              of the configuration, else ./corpus)
          --format FORMAT     text (default), json or sarif (SARIF 2.1.0)
          --fail-on VERDICTS  comma-separated verdicts that make the exit code 1
                              (default: failOn of the configuration, else
                              contradicted,disputed; "none" never fails)
          --lang CODE         the drafts' language (default: detected per sentence)
          --max-file-mb N     skip corpus files larger than N MB (default 5)
          --cache DIR         keep the corpus index in DIR: the next run reads and
                              re-indexes only the files that changed
          --show-supported    text format: list supported claims too
          --fix[=KINDS]       rewrite the drafts: "values" (default) takes the sources'
                              value for contradicted claims, "citations" cites a source
                              for supported claims; --fix=values,citations does both.
                              Files are written only with --fix.
          --stdin-filename NAME  the name to report standard input under (default <stdin>;
                              .txt is read as plain text, anything else as Markdown)
lsp       Starts the language server (--stdio).

Claims hidden in the editor are hidden here too: decisions in .corroborate/decisions.json,
<!-- corroborate-ignore [VERDICTS] --> after a sentence, <!-- corroborate-off --> …
<!-- corroborate-on --> around a passage, and the ignore patterns of the configuration.

Exit codes: 0 no failing verdicts, 1 some failing verdicts, 2 usage, configuration or corpus error.`;

const VERDICTS: readonly Verdict[] = ['supported', 'contradicted', 'disputed', 'unsupported'];

/** Index cache messages: a cache that cannot be used is said on stderr; the rest is quiet. */
const cliLogger = {
  info(): void {},
  warn(message: string): void {
    process.stderr.write(`${message.replace(/^Corroborate: /, 'corroborate: ')}\n`);
  },
  error(message: string): void {
    process.stderr.write(`${message.replace(/^Corroborate: /, 'corroborate: ')}\n`);
  },
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'lsp') {
    const { startServer } = await import('../lsp/startServer.js');
    startServer();
    return -1; // keep running
  }
  if (command !== 'check') {
    process.stderr.write(`corroborate: unknown command '${command}'\n\n${USAGE}\n`);
    return 2;
  }
  const parsed = parseArgs(rest, {
    multi: ['corpus'],
    values: ['format', 'fail-on', 'lang', 'max-file-mb', 'cache', 'config', 'stdin-filename'],
    flags: ['show-supported', 'help', 'version'],
    optional: ['fix'],
    short: { h: 'help', V: 'version' },
  });
  if ('error' in parsed) {
    process.stderr.write(`corroborate: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.flags.has('help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (parsed.flags.has('version')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const loadedProject = await loadProject(cwd, parsed.values.get('config'));
  if (!loadedProject.ok) {
    process.stderr.write(`corroborate: ${loadedProject.error}\n`);
    return 2;
  }
  const project = loadedProject.project;
  for (const message of project.messages) process.stderr.write(`corroborate: warning: ${message}\n`);
  const fixKinds = parsed.values.has('fix') ? parseFixKinds(parsed.values.get('fix')!) : undefined;
  if (parsed.values.has('fix') && !fixKinds) {
    process.stderr.write(`corroborate: --fix takes values, citations or both (got '${parsed.values.get('fix')}')\n`);
    return 2;
  }
  const format = parsed.values.get('format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) {
    process.stderr.write(`corroborate: --format must be text, json or sarif (got '${format}')\n`);
    return 2;
  }
  const failOnRaw = parsed.values.get('fail-on') ?? (project.config?.failOn ? project.config.failOn.join(',') || 'none' : 'contradicted,disputed');
  const failOn = failOnRaw === 'none' ? [] : failOnRaw.split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = failOn.filter((v) => !VERDICTS.includes(v as Verdict));
  if (unknown.length) {
    process.stderr.write(`corroborate: --fail-on: unknown verdict(s) ${unknown.join(', ')} (use ${VERDICTS.join(', ')} or none)\n`);
    return 2;
  }
  const maxMb = Number(parsed.values.get('max-file-mb') ?? String(project.settings.maxFileSizeMB));
  if (!Number.isFinite(maxMb) || maxMb <= 0) {
    process.stderr.write(`corroborate: --max-file-mb must be a positive number\n`);
    return 2;
  }
  const draftArgs = parsed.positional.length > 0 ? parsed.positional : (project.config?.drafts ?? []).map((glob) => fromRoot(project.root, cwd, glob));
  if (draftArgs.length === 0) {
    process.stderr.write(`corroborate: no draft given (name files, folders or globs, or set "drafts" in .corroborate.json)\n\n${USAGE}\n`);
    return 2;
  }
  if (fixKinds && draftArgs.includes(STDIN)) {
    process.stderr.write(`corroborate: --fix cannot rewrite standard input\n`);
    return 2;
  }
  // Corpus paths of the configuration are relative to its folder; shown relative to the working directory.
  const roots = parsed.multi.get('corpus') ?? project.settings.corpus.paths.map((path) => fromRoot(project.root, cwd, path));
  const corpusFilter = corpusPathFilter(roots.map((root) => resolve(cwd, root)), project.settings.corpus.include, project.settings.corpus.exclude);
  const engine = new Engine({ maxFileBytes: Math.round(maxMb * 1024 * 1024) });
  const cacheDir = parsed.values.get('cache');
  const cache = cacheDir
    ? IndexCache.forFolder(process.cwd(), { storagePath: resolve(cacheDir), trusted: true, log: cliLogger, key: JSON.stringify([process.cwd(), roots]) })
    : undefined;
  const cached = cache ? await cache.load(engine) : undefined;
  const stamps = cache ? new CorpusStamps(cached) : undefined;
  const loaded = await loadCorpus(engine, roots, corpusFilter, stamps);
  if (cache && stamps && (!cached || loaded.changed > 0)) {
    cache.scheduleSave(() => ({ engine, stamps: stamps.current }), 0);
    await cache.flush();
  }
  if (engine.stats().documents === 0) {
    const reasons = engine.problems().map((p) => `  ${p.message}`).join('\n');
    process.stderr.write(`corroborate: the corpus (${roots.join(', ')}) has no readable documents.\n${reasons}\n`);
    return 2;
  }
  void loaded;
  const decisions = await loadDecisions(project);
  if (!decisions.ok) {
    process.stderr.write(`corroborate: ${decisions.error}\n`);
    return 2;
  }
  const drafts = await expandDrafts(draftArgs, cwd, roots.map((root) => resolve(cwd, root)));
  if (drafts.missing.length > 0) {
    process.stderr.write(`corroborate: no draft matches ${drafts.missing.map((arg) => `'${arg}'`).join(', ')}\n`);
    return 2;
  }
  const run: CheckRun = { engine, drafts: [], failOn: failOn as Verdict[], root: project.root, cwd, severity: project.settings.severity, version: VERSION };
  const language = parsed.values.get('lang') ?? (project.settings.language === 'auto' ? undefined : project.settings.language);
  const stdinName = parsed.values.get('stdin-filename') ?? '<stdin>';
  for (const path of drafts.paths) {
    const read = await readDraft(path, cwd, readStdin);
    if (!read.ok) {
      process.stderr.write(`corroborate: ${read.error}\n`);
      return 2;
    }
    if (read.warning) process.stderr.write(`corroborate: warning: ${read.warning}\n`);
    const name = path === STDIN ? stdinName : path;
    const markdown = !/\.txt$/i.test(name);
    // The draft's own sources (`sources:` front matter), relative to the project folder or a corpus root.
    const sourceBases = [project.root, ...roots.map((root) => resolve(cwd, root))];
    const check = (text: string) => {
      const ignores = draftIgnores(text, project.patterns);
      const sources = markdown ? draftSources(text, sourceBases) : undefined;
      if (sources?.problem) process.stderr.write(`corroborate: warning: ${name}: ${sources.problem}\n`);
      const report = engine.checkDraft(ignores.text, { markdown, languageHint: language, sources: sources?.scope });
      return { path: name, text, report, ignored: judge(text, report.claims, ignores, decisions.decisions, cwd, project.root) };
    };
    let draft = check(read.text);
    if (fixKinds && (read.encoding === 'utf-8' || read.encoding === 'utf-8-bom')) {
      const fixed = applyFixes(draft.text, draft.report.claims, draft.ignored, fixKinds, {
        cwd,
        style: project.settings.citation.style,
        baseDir: dirname(resolve(cwd, path)).replace(/\\/g, '/'),
        markdown,
      });
      if (fixed.text !== draft.text) {
        await writeFile(resolve(cwd, path), (read.encoding === 'utf-8-bom' ? '\uFEFF' : '') + fixed.text, 'utf8');
        process.stderr.write(`corroborate: ${path}: fixed ${fixed.values} value(s), added ${fixed.citations} citation(s)\n`);
        draft = check(fixed.text);
      }
    } else if (fixKinds) {
      process.stderr.write(`corroborate: warning: ${path}: not rewritten (${read.encoding}; --fix writes UTF-8 files only)\n`);
    }
    run.drafts.push(draft);
  }
  for (const problem of engine.problems()) process.stderr.write(`corroborate: ${problem.severity}: ${problem.message}\n`);
  const output =
    format === 'json' ? formatJson(run) : format === 'sarif' ? formatSarif(run) : formatText(run, { showSupported: parsed.flags.has('show-supported'), color: !!process.stdout.isTTY });
  process.stdout.write(output);
  return hasFailures(run) ? 1 : 0;
}

/** A path of the configuration (relative to its folder) as seen from the working directory. */
function fromRoot(root: string, cwd: string, path: string): string {
  if (isAbsolute(path)) return path;
  const rel = relative(cwd, resolve(root, path)).replace(/\\/g, '/');
  return rel === '' ? '.' : rel;
}

/** The corpus.include / exclude globs (relative to each corpus root) as the loader's exclude callback. */
function corpusPathFilter(roots: string[], include: string[], exclude: string[]): ((path: string) => boolean) | undefined {
  const defaultInclude = include.length === 0 || (include.length === 1 && include[0] === '**/*');
  if (defaultInclude && exclude.length === 0) return undefined;
  const filter = compileFilter(include, exclude);
  const excluded = compileFilter(['**/*'], exclude);
  return (path) => {
    const absolute = resolve(path);
    for (const root of roots) {
      const rel = relative(root, absolute);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) continue;
      const slashed = rel.replace(/\\/g, '/');
      // Folders are only pruned by exclude patterns; include patterns apply to files (by their corpus extensions).
      const lower = slashed.toLowerCase();
      return CORPUS_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension)) ? !filter(slashed) : !excluded(slashed);
    }
    return false;
  };
}

favourMemoryOverHeapGrowth();
main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`corroborate: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
