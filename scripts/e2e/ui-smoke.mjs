#!/usr/bin/env node
// UI smoke test: what a writer sees. Packages the extension as a .vsix (vsce, offline), installs it
// into code-server (VS Code 1.100.3 from npm), opens a throw-away copy of test/e2e/fixture + the demo
// corpus in headless Chromium (playwright-core + Debian /usr/bin/chromium), and checks through the UI:
//   squiggle   a warning squiggle appears in draft.md
//   problems   the Problems panel (Ctrl+Shift+M) lists corroborate's disputed/contradicted messages
//   hover      hovering the supported sentence shows the citation (file name + quote)
//   quickfix   the light-bulb menu on the disputed top speed offers "Use the source's value"; applying it
//              turns "88 km/h" into "60 km/h" in the editor
//   report-restore after a window reload the claim report comes back with its rows
//   html-source a saved web page added to the corpus: the hover cites its outlet; its link opens the extracted text
//   walkthrough "Corroborate: Get Started" opens the walkthrough with its four steps (ui-walkthrough.png)
//   walkthrough-progress  the corpus and draft steps are ticked off (a corpus found and a draft checked before the
//              walkthrough was first shown); running "Show Claim Report" ticks off "Read a verdict" (ui-walkthrough-progress.png)
//   status-tooltip  hovering the status item explains each count and the corpus with its index time (ui-status.png)
//   statusbar  the status bar item "Corroborate: ✓ 1 ⚠ 2 ? 1" shows the claim counts (1 supported, 2 warnings, 1 unsupported), and
//              after the fix follows the new verdicts (2, 1, 1)
//   report-*   "Corroborate: Show Claim Report" (command palette) opens the webview "Claims — draft.md"
//              beside the draft: a table of the 4 claims with per-verdict counts, no sideways scrolling;
//              the Contradicted filter (keyboard) leaves the one contradicted row; clicking it selects that
//              sentence in the draft (the report stays open); a source opens at its evidence line beside
//              it; typing a new sentence in the draft updates the counts and keeps the filter; wide, a table;
//              in dark, high-contrast and high-contrast light themes it takes the theme's colours
// Screenshots go to test-results/ui-*.png. Prints one line per check and `N passed, N failed`.
//
// Usage: node scripts/e2e/ui-smoke.mjs [--vsix path] [--keep]
// Environment: CODE_SERVER_BIN, CHROMIUM_BIN, UI_STEP_TIMEOUT (ms per wait, default 45000).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerBin, launchChromium, makeUserDataDir, startCodeServer } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'test-results');
const STEP = Number(process.env.UI_STEP_TIMEOUT || 30_000);
const argv = process.argv.slice(2);
const keep = argv.includes('--keep');
const vsixArg = argv.includes('--vsix') ? resolve(argv[argv.indexOf('--vsix') + 1]) : undefined;

const SOURCE_VISIT = '004_56ddb15eeb98ed00.txt';
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (s) => console.log(`[ui-smoke ${elapsed()}] ${s}`);
const results = [];
function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok    ' : 'FAILED'} ui-smoke: ${name}${detail ? ` — ${detail}` : ''}`);
}

mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'corroborate-ui-'));
let server; let context; let page;

async function shot(name) {
  try { await page?.screenshot({ path: join(outDir, `ui-${name}.png`) }); } catch (e) { log(`screenshot ${name} failed: ${e.message}`); }
}
async function cleanup() {
  try { await context?.close(); } catch { /* */ }
  try { await server?.stop(); } catch { /* */ }
  if (!keep) rmSync(work, { recursive: true, force: true });
}
let exiting = false;
async function exit(code) {
  if (exiting) return;
  exiting = true;
  await cleanup();
  const passed = results.filter((r) => r.ok).length;
  console.log(`ui-smoke: ${passed} passed, ${results.length - passed} failed (${elapsed()})`);
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { log(`received ${sig}`); exit(1); });

/**
 * `npx @vscode/vsce package --allow-missing-repository --skip-license --no-rewrite-relative-links -o VSIX`
 * (offline; vsce 3.9.2 on Node 20). package.json has no `repository`, so vsce cannot turn README's
 * relative links into absolute ones and refuses; for a local test package they stay relative.
 */
function packageVsix(vsix) {
  try {
    execFileSync('npx', ['--no-install', '@vscode/vsce', 'package', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', vsix],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    throw new Error(`vsce package failed:\n${e.stdout || ''}${e.stderr || ''}`);
  }
}

/** Run a check: failures are recorded (with a screenshot) and later checks still run where they can. */
async function check(name, fn) {
  try {
    const detail = await fn();
    record(name, true, typeof detail === 'string' ? detail : '');
    return true;
  } catch (e) {
    await shot(`${name}-failure`);
    record(name, false, String(e?.message || e).split('\n').slice(0, 12).join(' | '));
    return false;
  }
}

try {
  // 1. Package the extension (offline; vsce 3.9.2 is the last release for Node 20).
  let vsix = vsixArg;
  if (!vsix) {
    vsix = join(work, 'corroborate.vsix');
    log('packaging .vsix');
    packageVsix(vsix);
  }
  if (!existsSync(vsix)) throw new Error(`no .vsix at ${vsix}`);

  // 2. Fixture workspace: the draft + the demo corpus, in a temp folder.
  const ws = join(work, 'workspace');
  cpSync(join(root, 'test', 'e2e', 'fixture'), ws, { recursive: true });
  mkdirSync(join(ws, 'corpus'));
  for (const f of readdirSync(join(root, 'corpus'))) if (f.endsWith('.txt')) cpSync(join(root, 'corpus', f), join(ws, 'corpus', f));

  // 3. Install the .vsix into a fresh extensions dir, then start code-server.
  const userDataDir = makeUserDataDir(work, { 'workbench.colorTheme': 'Default Light Modern' });
  const extensionsDir = join(work, 'extensions');
  mkdirSync(extensionsDir);
  const bin = codeServerBin();
  log('installing the .vsix into code-server');
  execFileSync(bin, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, XDG_CONFIG_HOME: join(work, 'xdg-config') } });
  server = await startCodeServer({ workDir: work, userDataDir, extensionsDir, logFile: join(outDir, 'code-server-ui.log') });
  log(`code-server up at ${server.base}`);

  context = await launchChromium(join(work, 'chromium-profile'));
  page = context.pages()[0] || await context.newPage();
  await page.goto(`${server.base}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded', timeout: STEP });
  await page.locator('.monaco-workbench').waitFor({ timeout: STEP });
  log('workbench loaded');

  const editor = page.locator('.editor-instance .monaco-editor').first();
  const lineWith = (text) => editor.locator('.view-line', { hasText: text }).first();

  // 4. Open draft.md from the Explorer.
  const opened = await check('open-draft', async () => {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^draft\.md$/ }).first();
    await row.waitFor({ timeout: STEP });
    await row.click();
    await lineWith('maximum speed').waitFor({ timeout: STEP });
  });
  if (!opened) await exit(1);

  const shown = await check('squiggle', async () => {
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 90_000 }); // extension host + server + corpus index
    await shot('squiggle');
    return `warning squiggle shown ${elapsed()} after start`;
  });

  const needsDiagnostics = () => { if (!shown) throw new Error('no diagnostic was shown (see squiggle); not waiting again'); };
  await check('problems', async () => {
    needsDiagnostics();
    await lineWith('maximum speed').click(); // focus the editor so the keybinding reaches the workbench
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: STEP });
    const row = panel.locator('.monaco-list-row', { hasText: /corroborate/ }).first();
    await row.waitFor({ timeout: STEP });
    const text = (await panel.innerText()).replace(/\s+/g, ' ');
    await shot('problems');
    if (!/corroborate/.test(text) || !/disputed|contradicted/.test(text)) throw new Error(`Problems panel: ${text}`);
    return text.slice(0, 160);
  });

  await check('hover', async () => {
    const target = lineWith('official visit').locator('span span', { hasText: /official/ }).first();
    await target.waitFor({ timeout: STEP });
    const box = await target.boundingBox();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: SOURCE_VISIT });
    // Move in, then a few pixels, so the editor sees a hover gesture at a stable position.
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    await hover.first().waitFor({ timeout: STEP });
    const text = (await hover.first().innerText()).replace(/\s+/g, ' ');
    await shot('hover');
    if (!/official visit to Russia/i.test(text)) throw new Error(`hover has no quote: ${text}`);
    return text.slice(0, 160);
  });

  // Hovering the status item explains each count and names the corpus with its index time (ui-status.png).
  async function statusTooltip(item) {
    await page.mouse.move(5, 5);
    const box = await item.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2);
    const tooltip = page.locator('.monaco-hover:not(.hidden)', { hasText: 'indexed at' }).first();
    await tooltip.waitFor({ timeout: STEP });
    const text = (await tooltip.innerText()).replace(/\s+/g, ' ');
    await page.screenshot({ path: join(outDir, 'ui-status.png') }).catch(() => {});
    await page.mouse.move(5, 5);
    for (const want of [/1 supported: a source says it/, /1 contradicted \(a source says otherwise\), 1 disputed \(the sources disagree\)/, /1 unsupported: no source says it/, /Corpus: [\d,]+ source documents?, indexed at \d\d:\d\d/]) {
      if (!want.test(text)) throw new Error(`tooltip lacks ${want}: ${text}`);
    }
    return text.slice(0, 200);
  }

  // Completion events tick steps off on the Welcome page: the corpus found and the draft checked before the
  // walkthrough was first shown (context keys) complete their steps; "Show Claim Report" completes "Read a verdict".
  // (VS Code keeps step progress in storage that a page reload may drop, so the command runs here.)
  async function walkthroughProgress() {
    const steps = ['Open a corpus folder', 'Check a draft', 'Read a verdict', 'Insert a citation'];
    const step = (title) => page.locator('.gettingStartedContainer .getting-started-step', { hasText: title }).first();
    const states = async () => (await Promise.all(steps.map(async (title) => `${title}: ${(await step(title).getAttribute('aria-checked')) === 'true' ? 'done' : 'open'}`))).join('; ');
    const done = (title) => page.locator('.gettingStartedContainer .getting-started-step[aria-checked="true"]', { hasText: title }).first();
    const before = await states();
    for (const title of ['Open a corpus folder', 'Check a draft']) {
      await done(title).waitFor({ timeout: 10_000 }).catch(async () => { throw new Error(`"${title}" not ticked off though it happened: ${await states()}`); });
    }
    await page.locator('.tabs-container .tab .label-name', { hasText: /^draft\.md$/ }).first().click();
    await runCommand('Show Claim Report');
    await runCommand('Get Started');
    await done('Read a verdict').waitFor({ timeout: STEP }).catch(async () => { throw new Error(`"Read a verdict" not ticked off after Show Claim Report: ${await states()}`); });
    await page.screenshot({ path: join(outDir, 'ui-walkthrough-progress.png') }).catch(() => {});
    return `before: ${before}; after Show Claim Report: ${await states()}`;
  }

  // The fixture has 1 supported, 2 contradicted/disputed and 1 unsupported claim: "$(check) 1 $(warning) 2 $(question) 1".
  const statusItem = page.locator('.statusbar-item', { has: page.locator('.codicon-check') }).first();
  async function statusShows(re, shotName) {
    await statusItem.waitFor({ timeout: STEP });
    try {
      await page.waitForFunction(([el, src]) => new RegExp(src).test((el.textContent || '').replace(/\s+/g, ' ')),
        [await statusItem.elementHandle(), re.source], { timeout: STEP });
    } finally {
      await page.locator('.part.statusbar').screenshot({ path: join(outDir, `ui-${shotName}.png`) }).catch(() => {});
    }
    const label = ((await statusItem.getAttribute('aria-label')) ?? '').split('\n')[0];
    return `"${(await statusItem.innerText()).replace(/\s+/g, ' ').trim()}" (${label})`;
  }
  // The item names itself ("Corroborate: ✓ 1 ⚠ 2 ? 1", unlike the Problems counter beside it) and spells the counts out for screen readers.
  await check('statusbar', async () => {
    const shown = await statusShows(/^\s*Corroborate:\s*1\D+2\D+1\s*$/, 'statusbar');
    if (!/1 supported, 2 contradicted or disputed, 1 unsupported/.test(shown)) throw new Error(`accessible name: ${shown}`);
    return shown;
  });
  await check('status-tooltip', () => statusTooltip(statusItem));

  await check('quickfix', async () => {
    needsDiagnostics();
    await page.mouse.move(5, 5); // drop any hover
    await page.keyboard.press('Escape');
    // The disputed top speed: the sources' other value is offered as "Use the source's value: 60 (…)".
    const number = lineWith('maximum speed').locator('span span', { hasText: /88/ }).first();
    await number.click();
    // The light bulb appears for the caret's line once the code actions are known; click it.
    const bulb = page.locator('.lightBulbWidget .codicon, .lightBulbWidget').first();
    let via = 'light bulb';
    try {
      await bulb.waitFor({ state: 'visible', timeout: 15_000 });
      await bulb.click();
    } catch {
      via = 'Ctrl+. (no light bulb seen)';
      await page.keyboard.press('Control+.');
    }
    const menu = page.locator('.action-widget');
    const item = menu.locator('.action-item, .monaco-list-row', { hasText: /source.?s value/i }).first();
    await item.waitFor({ timeout: STEP });
    const items = (await menu.innerText()).replace(/\s+/g, ' ');
    await shot('quickfix-menu');
    // While the menu opens, VS Code lays a transparent .context-view-pointerBlock over the page that goes
    // away on the first pointer move: move onto the item as a person would, then click it.
    const box = await item.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('.context-view-pointerBlock').waitFor({ state: 'detached', timeout: STEP });
    await item.click();
    await lineWith('maximum speed of 60 km/h').waitFor({ timeout: STEP });
    await shot('after-fix');
    return `via ${via}; menu: ${items.slice(0, 160)}`;
  });

  // Taking one side's value does not hide a dispute: the sentence stays disputed, now
  // with 60 km/h as the draft's side (the counts stay 1 supported, 2 warnings, 1 unsupported).
  await check('statusbar-after-fix', async () => {
    const status = await statusShows(/^\s*Corroborate:\s*1\D+2\D+1\s*$/, 'statusbar-after-fix');
    await lineWith('maximum speed of 60 km/h').click();
    await page.keyboard.press('Control+Shift+M');
    await page.waitForFunction(
      () => /disagree on the maximum speed: 60 km\/h/.test((document.querySelector('.markers-panel')?.textContent || '').replace(/\s+/g, ' ')),
      undefined,
      { timeout: STEP },
    );
    await shot('after-fix-problems');
    return `${status}; still disputed with 60 km/h as the draft's value`;
  });

  // The claim report webview. Webviews are nested iframes (the workbench's iframe.webview, then #active-frame).
  const report = page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
  const reportTab = page.locator('.tabs-container .tab', { hasText: 'Claims — draft.md' });
  const claimRows = report.locator('tbody tr.claim');
  const summaryShows = async (re) => {
    const summary = report.locator('#summary');
    await summary.filter({ hasText: re }).waitFor({ timeout: STEP });
    return (await summary.innerText()).trim();
  };
  const draftTabActive = page.locator('.editor-group-container.active .tab.active .label-name', { hasText: /^draft\.md$/ });
  const reportShot = (name) => page.screenshot({ path: join(outDir, `ui-report-${name}.png`) }).catch((e) => log(`screenshot report-${name} failed: ${e.message}`));

  /** Runs "Corroborate: <title>" from the command palette (F1). */
  async function runCommand(title) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: STEP });
    await input.fill(`>Corroborate: ${title}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP });
    await page.keyboard.press('Enter');
  }

  const reportOpen = await check('report-open', async () => {
    needsDiagnostics();
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await lineWith('official visit').click();
    // Close the Problems panel (Ctrl+J toggles it) so the report gets the height.
    if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
    await runCommand('Show Claim Report');
    await reportTab.first().waitFor({ timeout: STEP });
    // After the quick fix: 60 km/h is still disputed; 40 hours contradicted; the gym unsupported; the visit supported.
    const summary = await summaryShows(/4 claims: 1 contradicted · 1 disputed · 1 unsupported · 1 supported/);
    const rows = await claimRows.count();
    if (rows !== 4) throw new Error(`${rows} rows, expected 4`);
    const counts = await report.locator('#filters .filter .count').allInnerTexts();
    if (counts.slice(0, 4).join(',') !== '1,1,1,1') throw new Error(`filter counts ${counts}`);
    const verdicts = (await report.locator('td.verdict').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    if (!verdicts.some((v) => /✓ Supported/.test(v)) || !verdicts.some((v) => /✗ Contradicted/.test(v))) throw new Error(`verdict cells: ${verdicts}`);
    // The draft kept the focus (the report opened with preserveFocus) and sits in another group.
    if (!(await draftTabActive.count())) throw new Error('the draft lost the focus');
    const layout = await report.locator('body').evaluate(() => ({ width: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth }));
    if (layout.scroll > layout.width) throw new Error(`horizontal overflow: ${layout.scroll} > ${layout.width} px`);
    await reportShot('open');
    return `${summary}; ${layout.width} px wide, no horizontal overflow`;
  });
  const needsReport = () => { if (!reportOpen) throw new Error('the report did not open (see report-open)'); };

  await check('report-narrow', async () => {
    needsReport();
    // Narrow the window so the report group is about 600 px (the sidebar and draft take the rest).
    const wide = await report.locator('body').evaluate(() => document.documentElement.clientWidth);
    await page.setViewportSize({ width: 1400 - (wide - 600) * 2, height: 900 });
    await page.waitForTimeout(500); // the workbench lays out on the resize event
    const layout = await report.locator('body').evaluate(() => ({ width: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth }));
    await reportShot('narrow');
    await page.setViewportSize({ width: 1400, height: 900 });
    if (Math.abs(layout.width - 600) > 60) throw new Error(`could not size the report to ~600 px: ${layout.width} px`);
    if (layout.scroll > layout.width) throw new Error(`horizontal overflow at ${layout.width} px: ${layout.scroll} px`);
    return `${layout.width} px: no horizontal overflow`;
  });

  await check('report-filter', async () => {
    needsReport();
    const button = report.locator('button.filter.verdict-contradicted');
    await button.focus();
    await page.keyboard.press('Enter'); // keyboard accessible: a real <button>
    await report.locator('button.filter.verdict-contradicted[aria-pressed="true"]').waitFor({ timeout: STEP });
    await report.locator('tbody tr.claim.verdict-supported').waitFor({ state: 'detached', timeout: STEP });
    const rows = await claimRows.allInnerTexts();
    if (rows.length !== 1 || !/40 hours/.test(rows[0])) throw new Error(`rows after the filter: ${JSON.stringify(rows)}`);
    await reportShot('filter');
    return rows[0].replace(/\s+/g, ' ').slice(0, 120);
  });

  await check('report-reveal', async () => {
    needsReport();
    await claimRows.first().locator('button.go').click();
    // The draft's selection is the sentence on line 7 (status bar: "Ln 7, Col …(63 selected)").
    const selection = page.locator('.statusbar-item[id="status.editor.selection"]');
    await selection.filter({ hasText: /Ln 7,.*selected/ }).waitFor({ timeout: STEP });
    // The draft is the shown tab of its group (which group has the keyboard focus right after a
    // click in the webview depends on timing: not what this check is about).
    await page.locator('.tab.active .label-name', { hasText: /^draft\.md$/ }).first().waitFor({ timeout: STEP });
    if (!(await reportTab.count())) throw new Error('the report closed when the draft got the focus');
    if (!(await claimRows.count())) throw new Error('the report is empty after clicking back into the draft');
    await reportShot('reveal');
    return (await selection.innerText()).trim();
  });

  await check('report-source', async () => {
    needsReport();
    await report.locator('button.filter.verdict-contradicted').click(); // filter off again
    await report.locator('button.filter.verdict-supported').click();
    const open = report.locator('tbody tr.claim.verdict-supported button.open').first();
    const where = await report.locator('tbody tr.claim.verdict-supported .where').first().innerText();
    const line = Number(/line (\d+) ·/.exec(where)?.[1]);
    await open.click();
    await page.locator('.tab.active', { hasText: SOURCE_VISIT }).waitFor({ timeout: STEP });
    await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor({ timeout: STEP });
    if (!(await page.locator('.editor-group-container', { has: reportTab }).locator('.tab.active', { hasText: 'Claims' }).count())) {
      throw new Error('the source covered the report');
    }
    await reportShot('source');
    // Back to the draft for the next check; the filter returns to Contradicted.
    await report.locator('button.filter.verdict-supported').click();
    await report.locator('button.filter.verdict-contradicted').click();
    await page.locator('.tabs-container .tab .label-name', { hasText: /^draft\.md$/ }).first().click();
    return `${SOURCE_VISIT} at line ${line}`;
  });

  await check('report-update', async () => {
    needsReport();
    await lineWith('gym for the bodyguards').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' The train also carries a small cinema for the crew.');
    const summary = await summaryShows(/5 claims: 1 contradicted · 1 disputed · 2 unsupported · 1 supported/);
    // The filter survived the redraw: still only the contradicted row.
    const pressed = await report.locator('button.filter.verdict-contradicted').getAttribute('aria-pressed');
    const rows = await claimRows.count();
    if (pressed !== 'true' || rows !== 1) throw new Error(`after the update: filter pressed=${pressed}, ${rows} rows`);
    await report.locator('button.filter.all').click();
    await claimRows.nth(4).waitFor({ timeout: STEP });
    await reportShot('update');
    return summary;
  });

  await check('report-wide', async () => {
    needsReport();
    // A wide window: the report is a four-column table (README's images/report.png comes from this shot).
    await page.setViewportSize({ width: 1920, height: 1000 });
    await page.waitForTimeout(500);
    const layout = await report.locator('body').evaluate(() => ({
      width: document.documentElement.clientWidth,
      scroll: document.documentElement.scrollWidth,
      header: getComputedStyle(document.querySelector('thead')).display,
    }));
    await reportShot('wide');
    await page.setViewportSize({ width: 1400, height: 900 });
    if (layout.header === 'none') throw new Error(`no table header at ${layout.width} px`);
    if (layout.scroll > layout.width) throw new Error(`horizontal overflow at ${layout.width} px: ${layout.scroll} px`);
    return `${layout.width} px: a table, no horizontal overflow`;
  });

  await check('report-themes', async () => {
    needsReport();
    // The report takes every colour from the theme: pick themes as a writer would (Ctrl+K Ctrl+T).
    const input = page.locator('.quick-input-widget input');
    // Only a shown picker counts: an earlier quick pick stays in the page, hidden, with the same rows.
    const widget = page.locator('.quick-input-widget');
    const themeRows = page.locator('.quick-input-widget:visible .monaco-list-row:visible', { hasText: /Default (Light|Dark) Modern/ });
    const pickTheme = async (theme, label) => {
      // The Ctrl+K chord is sometimes swallowed, and a picker that is still closing can look open:
      // each attempt starts from a closed picker and ends when the chosen theme's picker has closed.
      for (let attempt = 1; ; attempt++) {
        const wait = attempt < 3 ? 8_000 : STEP;
        try {
          await widget.waitFor({ state: 'hidden', timeout: wait });
          // Focus the workbench through the draft's tab (a click into the text can land on the cursor layer).
          await page.locator('.tabs-container .tab .label-name', { hasText: /^draft\.md$/ }).first().click();
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+T'); // Preferences: Color Theme
          await themeRows.first().waitFor({ timeout: wait });
          await input.fill(theme, { timeout: wait });
          // Click the theme's row ("Browse Additional Color Themes…" stays first in the list).
          const row = page.locator('.quick-input-widget:visible .monaco-list-row:visible', { hasText: new RegExp(`^\\s*${label}`) }).first();
          await row.waitFor({ timeout: wait });
          await row.click();
          await widget.waitFor({ state: 'hidden', timeout: wait });
          return;
        } catch (error) {
          if (attempt >= 3) throw error;
          await page.keyboard.press('Escape');
        }
      }
    };
    const seen = [];
    try {
      for (const [theme, label, kind, name] of [
        ['Default Dark Modern', 'Dark Modern', 'vscode-dark', 'dark'],
        ['Default High Contrast', 'Dark High Contrast', 'vscode-high-contrast', 'hc'],
        ['Default High Contrast Light', 'Light High Contrast', 'vscode-high-contrast-light', 'hc-light'],
      ]) {
        await pickTheme(theme, label);
        await report.locator(`body[data-vscode-theme-kind="${kind}"]`).waitFor({ state: 'attached', timeout: STEP });
        const colours = await report.locator('body').evaluate(() => {
          const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
          return {
            background: style('body', 'backgroundColor'),
            text: style('button.go', 'color'),
            link: style('button.open', 'color'),
            filter: style('button.filter', 'color'),
            filterBackground: style('button.filter', 'backgroundColor'),
          };
        });
        if (colours.text === colours.background || colours.link === colours.background || colours.filter === colours.filterBackground) {
          throw new Error(`${theme}: text on its own background ${JSON.stringify(colours)}`);
        }
        await reportShot(name);
        seen.push(`${name}: text ${colours.text} on ${colours.background}`);
      }
    } finally {
      await page.keyboard.press('Escape');
    }
    return seen.join('; ');
  });

  // Reloading the window brings the claim report back, pinned to its draft, with its rows.
  await check('report-restore', async () => {
    needsReport();
    await page.reload({ waitUntil: 'domcontentloaded', timeout: STEP });
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP });
    await reportTab.first().waitFor({ timeout: 60_000 });
    await reportTab.first().click();
    await claimRows.first().waitFor({ timeout: 60_000 });
    // VS Code saves a webview's state on its own schedule: a reload right after a filter change can
    // restore the filter before it ("Contradicted" from report-filter, one row). Show every row.
    // ("Show all" is disabled when no filter is on.)
    const showAll = report.locator('button.filter.all');
    if (await showAll.isEnabled()) await showAll.click();
    // The restored page fills its table as the claims arrive: wait for all of them.
    let rows = await claimRows.count();
    for (const deadline = Date.now() + 60_000; rows < 4 && Date.now() < deadline; rows = await claimRows.count()) await page.waitForTimeout(250);
    if (rows < 4) throw new Error(`${rows} rows after the reload`);
    await reportShot('restored');
    return `after a reload: the report tab is back with ${rows} rows`;
  });

  // The walkthrough: "Corroborate: Get Started" opens its four steps on the Welcome page.
  await check('walkthrough', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.tabs-container .tab .label-name', { hasText: /^draft\.md$/ }).first().click();
    await runCommand('Get Started');
    const steps = ['Open a corpus folder', 'Check a draft', 'Read a verdict', 'Insert a citation'];
    await page.locator('.gettingStartedContainer', { hasText: 'Get started with Corroborate' }).first().waitFor({ timeout: STEP });
    for (const step of steps) await page.locator('.gettingStartedContainer .getting-started-step', { hasText: step }).first().waitFor({ timeout: STEP });
    await page.screenshot({ path: join(outDir, 'ui-walkthrough.png') }).catch(() => {});
    return `Welcome page shows "Get started with Corroborate" and ${steps.length} steps`;
  });
  await check('walkthrough-progress', walkthroughProgress);

  // A saved web page as a source: written into the corpus while the editor runs, the hover of a
  // draft sentence it states names the page's outlet, and its link opens the extracted text (no markup).
  await check('html-source', async () => {
    needsDiagnostics();
    const fact = 'The new Narva river bridge carries 14,000 cars a day since it opened in May 2024.';
    writeFileSync(join(ws, 'corpus', 'bridge-opening.html'), '<!DOCTYPE html><html lang="en"><head><title>Bridge opens | Baltic Daily</title>'
      + '<meta property="og:site_name" content="Baltic Daily"><meta property="article:published_time" content="2024-05-02T09:00:00Z">'
      + '<script>var tracking = 1;</script></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Bridge opens</h1>'
      + '<p>Engineers finished the crossing after three years of work on both banks of the river.</p>'
      + `<p>${fact}</p></article><footer>Subscribe to our newsletter.</footer></body></html>`);
    writeFileSync(join(ws, 'bridge.md'), `# Bridge\n\n${fact}\n`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: STEP });
    await input.fill('bridge.md');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'bridge.md' }).first().waitFor({ timeout: STEP });
    await page.keyboard.press('Enter');
    const target = lineWith('Narva river bridge').locator('span span', { hasText: /Narva/ }).first();
    await target.waitFor({ timeout: STEP });
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Baltic Daily' });
    // The watcher indexes the new page; hover until the hover cites it.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const box = await target.boundingBox();
      await page.mouse.move(5, 5);
      await page.mouse.move(box.x + 5, box.y + box.height / 2);
      await page.mouse.move(box.x + 30, box.y + box.height / 2);
      if (await hover.first().waitFor({ timeout: 4_000 }).then(() => true, () => false)) break;
      if (Date.now() > deadline) throw new Error('no hover citing Baltic Daily');
    }
    await shot('html-hover');
    await hover.first().locator('a', { hasText: 'Baltic Daily' }).first().click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'bridge-opening.html' }).first();
    await tab.waitFor({ timeout: STEP });
    const sourceEditor = page.locator('.editor-instance .monaco-editor', { has: page.locator('.view-line', { hasText: 'Narva river bridge' }) }).first();
    await sourceEditor.waitFor({ timeout: STEP });
    const text = (await sourceEditor.locator('.view-lines').innerText()).replace(/\s+/g, ' ');
    await page.screenshot({ path: join(outDir, 'ui-html-source.png') }).catch(() => {});
    for (const junk of ['tracking', 'Subscribe', '<p>']) if (text.includes(junk)) throw new Error(`"${junk}" in the extracted text: ${text}`);
    return `hover cites Baltic Daily; bridge-opening.html opened as extracted text: ${text.slice(0, 100)}`;
  });

  await exit(results.every((r) => r.ok) ? 0 : 1);
} catch (e) {
  await shot('error');
  record('setup', false, String(e?.stack || e));
  await exit(1);
}
