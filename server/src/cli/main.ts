// `corroborate` command line: `check` for people, CI and scripts; `lsp` starts
// the language server for any LSP editor. A thin adapter over the engine.

import { readFile } from 'node:fs/promises';
import { parseArgs } from './args.js';
import { formatJson, formatSarif, formatText, type CheckRun } from './format.js';
import { resolve } from 'node:path';
import { CorpusStamps } from '../node/corpusStamps.js';
import { IndexCache } from '../node/indexCache.js';
import { loadCorpus } from '../node/loadCorpus.js';
import { Engine } from '../core/engine.js';
import type { Verdict } from '../core/types.js';

const USAGE = `Usage:
  corroborate check [--corpus DIR]... [--format text|json|sarif] [--fail-on VERDICTS] [--lang CODE] FILE...
  corroborate lsp --stdio

check     Checks every factual sentence of each FILE (Markdown or plain text) against the corpus.
          --corpus DIR        a corpus folder or file (repeatable; default ./corpus)
          --format FORMAT     text (default), json or sarif (SARIF 2.1.0)
          --fail-on VERDICTS  comma-separated verdicts that make the exit code 1
                              (default: contradicted,disputed; "none" never fails)
          --lang CODE         the drafts' language (default: detected per sentence)
          --max-file-mb N     skip corpus files larger than N MB (default 5)
          --cache DIR         keep the corpus index in DIR: the next run reads and
                              re-indexes only the files that changed
          --show-supported    text format: list supported claims too
lsp       Starts the language server (--stdio).

Exit codes: 0 no failing verdicts, 1 some failing verdicts, 2 usage or corpus error.`;

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
    values: ['format', 'fail-on', 'lang', 'max-file-mb', 'cache'],
    flags: ['show-supported', 'help'],
  });
  if ('error' in parsed) {
    process.stderr.write(`corroborate: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.flags.has('help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const format = parsed.values.get('format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) {
    process.stderr.write(`corroborate: --format must be text, json or sarif (got '${format}')\n`);
    return 2;
  }
  const failOnRaw = parsed.values.get('fail-on') ?? 'contradicted,disputed';
  const failOn = failOnRaw === 'none' ? [] : failOnRaw.split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = failOn.filter((v) => !VERDICTS.includes(v as Verdict));
  if (unknown.length) {
    process.stderr.write(`corroborate: --fail-on: unknown verdict(s) ${unknown.join(', ')} (use ${VERDICTS.join(', ')} or none)\n`);
    return 2;
  }
  const maxMb = Number(parsed.values.get('max-file-mb') ?? '5');
  if (!Number.isFinite(maxMb) || maxMb <= 0) {
    process.stderr.write(`corroborate: --max-file-mb must be a positive number\n`);
    return 2;
  }
  if (parsed.positional.length === 0) {
    process.stderr.write(`corroborate: no draft file given\n\n${USAGE}\n`);
    return 2;
  }
  const roots = parsed.multi.get('corpus') ?? ['corpus'];
  const engine = new Engine({ maxFileBytes: Math.round(maxMb * 1024 * 1024) });
  const cacheDir = parsed.values.get('cache');
  const cache = cacheDir
    ? IndexCache.forFolder(process.cwd(), { storagePath: resolve(cacheDir), trusted: true, log: cliLogger, key: JSON.stringify([process.cwd(), roots]) })
    : undefined;
  const cached = cache ? await cache.load(engine) : undefined;
  const stamps = cache ? new CorpusStamps(cached) : undefined;
  const loaded = await loadCorpus(engine, roots, undefined, stamps);
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
  const run: CheckRun = { engine, drafts: [], failOn: failOn as Verdict[] };
  for (const path of parsed.positional) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      process.stderr.write(`corroborate: cannot read draft '${path}': ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return 2;
    }
    const markdown = !/\.txt$/i.test(path);
    // Positions count from after a byte order mark (as in editors), for claims and fixes alike.
    text = text.replace(/^\uFEFF/, '');
    const report = engine.checkDraft(text, { markdown, languageHint: parsed.values.get('lang') });
    run.drafts.push({ path, text, report });
  }
  for (const problem of engine.problems()) process.stderr.write(`corroborate: ${problem.severity}: ${problem.message}\n`);
  const output =
    format === 'json' ? formatJson(run) : format === 'sarif' ? formatSarif(run) : formatText(run, { showSupported: parsed.flags.has('show-supported'), color: !!process.stdout.isTTY });
  process.stdout.write(output);
  const failing = run.drafts.some((d) => d.report.claims.some((c) => run.failOn.includes(c.verdict)));
  return failing ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`corroborate: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
