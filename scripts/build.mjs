// Build: type-check + compile everything to out/ (ESM, for tests and scripts),
// then bundle the three entry points to dist/ (CommonJS, for VS Code and the bin).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', root], { stdio: 'inherit', cwd: root });

mkdirSync(join(root, 'dist'), { recursive: true });
// dist/ holds CommonJS bundles while the package itself is "type": "module".
writeFileSync(join(root, 'dist', 'package.json'), '{ "type": "commonjs" }\n');

// The bundles' build id: a hash of the server sources. An index snapshot saved by
// one build is only loaded by the same build (server/src/node/buildId.ts).
const sourceHash = createHash('sha256');
for (const entry of readdirSync(join(root, 'server', 'src'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => join(e.parentPath ?? e.path, e.name))
  .sort()) {
  sourceHash.update(entry).update(readFileSync(entry));
}
const buildId = sourceHash.digest('hex').slice(0, 16);

const entries = [
  ['server/src/cli/main.ts', 'dist/cli.js'],
  ['server/src/server.ts', 'dist/server.js'],
  ['client/src/extension.ts', 'dist/extension.js'],
].filter(([input]) => existsSync(join(root, input)));

await Promise.all(entries.map(([input, output]) => build({
  entryPoints: [join(root, input)],
  outfile: join(root, output),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  define: { 'process.env.CORROBORATE_BUILD_ID': JSON.stringify(buildId) },
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
})));
