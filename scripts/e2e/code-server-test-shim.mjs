#!/usr/bin/env node
// A drop-in "VS Code executable" for @vscode/test-electron (vscodeExecutablePath) and
// @vscode/test-cli (useInstallation.fromPath). Instead of desktop Electron VS Code, which cannot be
// downloaded offline, it:
//   1. starts code-server (VS Code 1.100.3 workbench + Node extension host) on a free loopback port
//      with its own --config and a fresh user-data-dir (files.autoSave off, telemetry off, ...);
//   2. opens the workbench in headless Chromium (playwright-core + Debian /usr/bin/chromium) with the
//      `payload` query that makes the window an Extension Development Host running extensionTestsPath;
//   3. relays the extension host's console (Mocha's reporter) to stdout;
//   4. exits with the suite's result (window.codeAutomationExit(code)), and always stops code-server.
//
// Understood arguments (desktop CLI style, `--x=v` or `--x v`): --extensionDevelopmentPath (repeatable),
// --extensionTestsPath, and one positional folder/workspace to open. Desktop-only flags are ignored;
// the given --user-data-dir / --extensions-dir are ignored in favour of fresh temporary ones.
// The environment is passed through to code-server, so test-cli's VSCODE_TEST_OPTIONS reaches the
// extension host.
//
// Environment: CODE_SERVER_BIN, CHROMIUM_BIN, E2E_SHIM_TIMEOUT (seconds, default 240),
// E2E_ARTIFACTS (folder for code-server.log + failure screenshot, default test-results/),
// E2E_SHIM_VERBOSE=1 (relay all workbench console output, noise included).
import { mkdtempSync, mkdirSync, rmSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, launchChromium, makeUserDataDir, isNoise, consoleLine } from './lib.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIMEOUT_MS = Number(process.env.E2E_SHIM_TIMEOUT || 240) * 1000;
const VERBOSE = process.env.E2E_SHIM_VERBOSE === '1';
const artifacts = resolve(process.env.E2E_ARTIFACTS || join(repoRoot, 'test-results'));
// Workbench start-up chatter that shares the console with the extension host's (forwarded) output.
const WORKBENCH_CHATTER = [/connection token/, /^Creating a socket/, /builtin extensions cache/, /\[Service Worker\]/,
  /ChatSessionStore/, /^Overwriting extension/, /same-origin iframe/, /allow-scripts and allow-same-origin/,
  /^Started local extension host/, /^\[\w+\] (INFO|WARN)/, /^Extension host \(\w+\) is/, /Creation of workbench contribution/];
const say = (s) => process.stdout.write(`[shim] ${s}\n`);

function parseArgs(argv) {
  const out = { dev: [], tests: undefined, folder: undefined, ignored: [] };
  const withValue = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'locale', 'log']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      let [k, v] = a.slice(2).split(/=(.*)/s);
      if (v === undefined && withValue.has(k) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) v = argv[++i];
      if (k === 'extensionDevelopmentPath') out.dev.push(v);
      else if (k === 'extensionTestsPath') out.tests = v;
      else out.ignored.push(a);
    } else {
      out.folder = a;
    }
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (args.version || process.argv.includes('--version')) { console.log('1.100.3\ncode-server-test-shim'); process.exit(0); }
if (!args.tests || args.dev.length === 0) {
  console.error('code-server-test-shim: need --extensionDevelopmentPath and --extensionTestsPath');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'corroborate-shim-'));
mkdirSync(artifacts, { recursive: true });
const logFile = join(artifacts, 'code-server-tests.log');
let server; let context; let finished = false;

async function cleanup() {
  try { await context?.close(); } catch { /* browser gone */ }
  try { await server?.stop(); } catch { /* */ }
  rmSync(work, { recursive: true, force: true });
}
async function finish(code, why) {
  if (finished) return;
  finished = true;
  if (why) say(why);
  await cleanup();
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(1, `received ${sig}: stopping code-server`));
process.on('uncaughtException', (e) => finish(1, `error: ${e?.stack || e}`));
process.on('unhandledRejection', (e) => finish(1, `error: ${e?.stack || e}`));

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const userDataDir = makeUserDataDir(work);
const extensionsDir = join(work, 'extensions');
mkdirSync(extensionsDir);
server = await startCodeServer({ workDir: work, userDataDir, extensionsDir, logFile });
say(`code-server up on ${server.base} (${elapsed()}); log: ${logFile}`);

const authority = `127.0.0.1:${server.port}`;
const remote = (p) => `vscode-remote://${authority}${realpathSync(resolve(p))}`;
const payload = [
  ...args.dev.map((p) => ['extensionDevelopmentPath', remote(p)]),
  ['extensionTestsPath', remote(args.tests)],
];
const query = new URLSearchParams();
if (args.folder) query.set('folder', realpathSync(resolve(args.folder)));
else query.set('ew', 'true');
query.set('payload', JSON.stringify(payload));
const url = `${server.base}/?${query}`;

const suiteDone = new Promise((resolveDone) => {
  (async () => {
    context = await launchChromium(join(work, 'chromium-profile'));
    const page = context.pages()[0] || await context.newPage();
    await page.exposeFunction('codeAutomationExit', (code) => { resolveDone(Number(code) || 0); });
    page.on('console', async (msg) => {
      const line = await consoleLine(msg);
      if (line === undefined) return;
      if (!VERBOSE && (isNoise(line) || WORKBENCH_CHATTER.some((re) => re.test(line)))) return;
      process.stdout.write(`${line}\n`);
    });
    page.on('pageerror', (e) => { if (VERBOSE) say(`page error: ${e.message}`); });
    say(`opening workbench (${elapsed()})`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    // If the window never gets to run the tests, the overall timeout below reports it.
  })().catch((e) => finish(1, `could not open the workbench: ${e?.stack || e}`));
});

const timer = setTimeout(async () => {
  try {
    const page = context?.pages()[0];
    if (page) await page.screenshot({ path: join(artifacts, 'shim-timeout.png') });
  } catch { /* */ }
  finish(1, `TIMEOUT: the test run did not finish within ${TIMEOUT_MS / 1000} s `
    + `(screenshot: ${join(artifacts, 'shim-timeout.png')}, code-server log: ${logFile})`);
}, TIMEOUT_MS);

const code = await suiteDone;
clearTimeout(timer);
await finish(code, `extension tests finished with exit code ${code} (${elapsed()})`);
