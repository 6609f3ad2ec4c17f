// @vscode/test-cli configuration: the extension integration suite in test/e2e/suite.
//
// `npx vscode-test` (or `npm run test:editor`, which also runs the other editor tiers):
//   1. compiles test/e2e (its own tsconfig, CommonJS) into out/e2e/;
//   2. copies test/e2e/fixture + the demo corpus into a fresh temporary workspace;
//   3. runs the suite in a real VS Code extension host.
//
// Here that VS Code is code-server (VS Code 1.100.3 from npm) driven by headless Chromium, through
// scripts/e2e/code-server-test-shim.mjs, because desktop VS Code cannot be downloaded offline.
// On a desktop with network access, run the same suite under Electron VS Code with
//   VSCODE_TEST_DESKTOP=1 npx vscode-test
// which drops `useInstallation` so test-electron downloads VS Code as usual (see test/e2e/README.md).
import { defineConfig } from '@vscode/test-cli';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'test', 'e2e')],
  { stdio: 'inherit' });
// out/ sits under a "type": "module" package; the suite is CommonJS.
writeFileSync(join(root, 'out', 'e2e', 'package.json'), '{ "type": "commonjs" }\n');

const workspace = process.env.E2E_WORKSPACE || mkdtempSync(join(tmpdir(), 'corroborate-e2e-ws-'));
// A workspace we made is ours to remove when vscode-test ends (the runner passes E2E_WORKSPACE and cleans up itself).
if (!process.env.E2E_WORKSPACE) process.on('exit', () => rmSync(workspace, { recursive: true, force: true }));
mkdirSync(join(workspace, 'corpus'), { recursive: true });
cpSync(join(root, 'test', 'e2e', 'fixture'), workspace, { recursive: true });
for (const file of readdirSync(join(root, 'corpus'))) {
  if (file.endsWith('.txt')) cpSync(join(root, 'corpus', file), join(workspace, 'corpus', file));
}

const desktop = process.env.VSCODE_TEST_DESKTOP === '1';

export default defineConfig({
  label: 'corroborate-e2e',
  files: 'out/e2e/**/*.test.js',
  extensionDevelopmentPath: root,
  workspaceFolder: workspace,
  ...(desktop
    ? { version: process.env.VSCODE_TEST_VERSION || '1.100.3' }
    : { useInstallation: { fromPath: join(root, 'scripts', 'e2e', 'code-server-test-shim.mjs') } }),
  // Other extensions would make test-cli download VS Code to install them: keep to none.
  skipExtensionDependencies: true,
  launchArgs: ['--disable-extensions'],
  mocha: { ui: 'tdd', timeout: 120_000, color: false },
  env: { E2E_WORKSPACE: workspace },
});
