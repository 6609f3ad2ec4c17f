// Shared helpers for the code-server based editor tests (shim + UI smoke test).
// code-server is VS Code's own workbench and Node extension host, installed from npm
// (scripts/e2e/install-code-server.sh); Debian's Chromium drives it headless through playwright-core.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
export const CACHE_DIR = process.env.CORROBORATE_E2E_CACHE || join(homedir(), '.cache', 'corroborate-e2e');
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

export function codeServerBin() {
  const bin = process.env.CODE_SERVER_BIN
    || join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) {
    throw new Error(`code-server not found at ${bin}: run scripts/e2e/install-code-server.sh `
      + `${join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`)} (or set CODE_SERVER_BIN)`);
  }
  return bin;
}

/** Known harmless console noise of an offline code-server (gallery, vsda, auth providers). */
const NOISE = [
  /open-vsx\.org/i, /ENOTFOUND/, /vsda/, /Failed to load resource/i, /authentication provider/i,
  /marketplace|gallery/i, /\[Deprecation\]/, /Download the React DevTools/i, /service ?worker/i,
  /webview/i, /Long running operations during shutdown/i, /ResizeObserver/i,
];
export const isNoise = (text) => NOISE.some((re) => re.test(text));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const DEFAULT_SETTINGS = {
  'files.autoSave': 'off', // code-server's web default is afterDelay: edits would reach the fixture on disk
  'files.hotExit': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.hover.delay': 100,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'window.restoreWindows': 'none',
};

/** Fresh user-data-dir with the test settings. */
export function makeUserDataDir(base, extraSettings = {}) {
  const dir = mkdtempSync(join(base || tmpdir(), 'corroborate-ud-'));
  mkdirSync(join(dir, 'User'), { recursive: true });
  writeFileSync(join(dir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...extraSettings }, null, 2));
  return dir;
}

/** Remember a started code-server so the runner's trap can stop it if we are killed hard. */
function recordPid(pid) {
  const dir = process.env.CORROBORATE_E2E_PIDDIR;
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `code-server-${pid}.pid`), `${pid}\n`);
  } catch { /* best effort */ }
}

/**
 * Start code-server on a free loopback port with its own --config (no password, no TLS),
 * a fresh user-data-dir and extensions-dir. Resolves once /healthz answers.
 * Returns { port, base, stop(), logFile, userDataDir, extensionsDir }.
 */
export async function startCodeServer({ workDir, userDataDir, extensionsDir, logFile, env = {}, timeoutMs = 60_000 }) {
  const bin = codeServerBin();
  const port = await freePort();
  const cfg = join(workDir, 'code-server.yaml');
  writeFileSync(cfg, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = ['--config', cfg, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened'];
  const log = createWriteStream(logFile);
  const child = spawn(bin, args, {
    detached: true, // own process group, so stop() takes down the extension host and language server too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      // code-server >= 4.10x honours the test payload only with the smoke-test driver; 4.100 ignores this.
      VSCODE_OPTIONS: 'enable-smoke-test-driver',
      XDG_CONFIG_HOME: join(workDir, 'xdg-config'),
      XDG_DATA_HOME: join(workDir, 'xdg-data'),
    },
  });
  recordPid(child.pid);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));

  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exitPromise;
    clearTimeout(t);
    // The extension host / language server may linger briefly in the group; make sure they go.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    const dir = process.env.CORROBORATE_E2E_PIDDIR;
    if (dir) { try { (await import('node:fs')).rmSync(join(dir, `code-server-${child.pid}.pid`), { force: true }); } catch { /* */ } }
  };

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  // Poll /healthz: each try is a real request; the loop ends on success, exit or the deadline.
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${logFile}`);
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer ${base}/healthz within ${timeoutMs} ms; see ${logFile}`); }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { port, base, stop, child, logFile, exitPromise };
}

/** Headless Debian Chromium through playwright-core, with a throw-away profile. */
export async function launchChromium(profileDir, opts = {}) {
  const { chromium } = await import('playwright-core');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_BIN)`);
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    ...opts,
  });
}

/**
 * Render a workbench console message as one text line. The extension host's console.* arrives as
 * ['%c INFO', 'color: #33f', fmt, ...args] (or ' ERR'/' WARN'): drop the styling, apply the format.
 * Returns undefined for empty messages (console.group and the like).
 */
export async function consoleLine(msg) {
  const vals = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => String(a))));
  if (vals.length === 0) return undefined;
  let level = '';
  if (typeof vals[0] === 'string' && vals[0].startsWith('%c') && vals.length >= 2) {
    level = vals[0].slice(2).trim();
    vals.splice(0, 2);
  }
  const { format } = await import('node:util');
  const text = format(...vals);
  return level && level !== 'INFO' ? `[${level}] ${text}` : text;
}
