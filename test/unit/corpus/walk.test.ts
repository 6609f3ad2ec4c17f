import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkCorpus, type CorpusFileSystem, type WalkItem } from '../../../server/src/core/corpus/walk.js';
import { NodeFileSystem } from '../../../server/src/node/nodeFileSystem.js';

function fsError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

/** An in-memory tree: folders are objects, files strings, links `{ link: target }`. */
type Tree = { [name: string]: Tree | string | { link: string } };

class MemoryFileSystem implements CorpusFileSystem {
  readonly reads: string[] = [];
  constructor(
    private readonly root: Tree,
    private readonly failures: Record<string, string> = {},
  ) {}

  private resolve(path: string, depth = 0): { node: Tree | string; real: string } {
    if (depth > 20) throw fsError('ELOOP');
    let node: Tree | string = this.root;
    const real: string[] = [];
    for (const part of path.split('/').filter((p) => p && p !== '.')) {
      if (typeof node === 'string') throw fsError('ENOTDIR');
      const child: Tree[string] | undefined = node[part];
      if (child === undefined) throw fsError('ENOENT');
      if (typeof child === 'object' && 'link' in child && typeof child.link === 'string') {
        const target = this.resolve(child.link, depth + 1);
        node = target.node;
        real.splice(0, real.length, ...target.real.split('/').filter(Boolean));
      } else {
        node = child as Tree | string;
        real.push(part);
      }
    }
    return { node, real: real.join('/') };
  }

  async readDirectory(path: string) {
    const { node } = this.resolve(path);
    if (typeof node === 'string') throw fsError('ENOTDIR');
    // Unsorted on purpose: the walk sorts.
    return Object.entries(node).reverse().map(([name, child]) => {
      const isLink = typeof child === 'object' && 'link' in child && typeof child.link === 'string';
      return { name, isDirectory: !isLink && typeof child === 'object', isFile: typeof child === 'string', isSymbolicLink: isLink };
    });
  }

  async stat(path: string) {
    const { node } = this.resolve(path);
    return { size: typeof node === 'string' ? node.length : 0, mtimeMs: 1000, isDirectory: typeof node !== 'string', isFile: typeof node === 'string' };
  }

  async readFile(path: string) {
    if (this.failures[path]) throw fsError(this.failures[path]);
    const { node } = this.resolve(path);
    if (typeof node !== 'string') throw fsError('EISDIR');
    this.reads.push(path);
    return new TextEncoder().encode(node);
  }

  async realPath(path: string) {
    return '/' + this.resolve(path).real;
  }
}

async function collect(generator: AsyncGenerator<WalkItem>): Promise<{ files: string[]; problems: { code: string; path: string; message: string }[] }> {
  const files: string[] = [];
  const problems: { code: string; path: string; message: string }[] = [];
  for await (const item of generator) {
    if (item.kind === 'file') files.push(item.path);
    else problems.push({ code: item.problem.code, path: item.problem.path, message: item.problem.message });
  }
  return { files, problems };
}

test('sorted walk, relative paths, extensions, hidden folders and node_modules skipped', async () => {
  const fs = new MemoryFileSystem({
    corpus: {
      'b.md': '# B',
      'a.txt': 'A',
      'c.pdf': 'binary',
      '.hidden.txt': 'no',
      '.git': { 'x.txt': 'no' },
      node_modules: { 'y.txt': 'no' },
      sub: { 'z.markdown': 'Z', 'A.TXT': 'upper' },
      skipme: { 'q.txt': 'excluded' },
    },
  });
  const { files, problems } = await collect(walkCorpus(fs, ['corpus'], { maxBytes: 100, exclude: (path) => path.endsWith('/skipme') }));
  assert.deepEqual(files, ['corpus/a.txt', 'corpus/b.md', 'corpus/sub/A.TXT', 'corpus/sub/z.markdown']);
  assert.deepEqual(problems, []);
  const txtOnly = await collect(walkCorpus(fs, ['corpus/'], { maxBytes: 100, extensions: ['.txt'], exclude: (path) => path.includes('skipme') }));
  assert.deepEqual(txtOnly.files, ['corpus/a.txt', 'corpus/sub/A.TXT']);
});

test('missing root, a root that is a corpus file, a root that is another file', async () => {
  const fs = new MemoryFileSystem({ corpus: { 'a.txt': 'A' }, 'notes.pdf': 'x' });
  const { files, problems } = await collect(walkCorpus(fs, ['nowhere', 'corpus/a.txt', 'notes.pdf'], { maxBytes: 100 }));
  assert.deepEqual(files, ['corpus/a.txt']);
  assert.deepEqual(problems.map((p) => [p.code, p.path]), [['missing-root', 'nowhere'], ['not-a-corpus-folder', 'notes.pdf']]);
  assert.match(problems[0].message, /nowhere/);
});

test('too large files are reported without being read; unreadable and vanished files do not stop the walk', async () => {
  const fs = new MemoryFileSystem(
    { corpus: { 'big.txt': 'x'.repeat(50), 'locked.txt': 'secret', 'gone.txt': 'bye', 'ok.txt': 'fine' } },
    { 'corpus/locked.txt': 'EACCES', 'corpus/gone.txt': 'ENOENT' },
  );
  const { files, problems } = await collect(walkCorpus(fs, ['corpus'], { maxBytes: 10 }));
  assert.deepEqual(files, ['corpus/ok.txt']);
  assert.deepEqual(problems.map((p) => [p.code, p.path]), [
    ['too-large', 'corpus/big.txt'],
    ['vanished', 'corpus/gone.txt'],
    ['unreadable', 'corpus/locked.txt'],
  ]);
  assert.ok(!fs.reads.includes('corpus/big.txt'));
  assert.match(problems[2].message, /corpus\/locked\.txt.*permission denied/);
});

test('symbolic link loops and second links are detected through realPath', async () => {
  const fs = new MemoryFileSystem({
    corpus: { 'a.txt': 'A', loop: { link: 'corpus' }, again: { link: 'corpus/a.txt' }, sub: { 'b.txt': 'B', up: { link: 'corpus/sub' } } },
  });
  const { files, problems } = await collect(walkCorpus(fs, ['corpus'], { maxBytes: 100 }));
  assert.deepEqual(files, ['corpus/a.txt', 'corpus/sub/b.txt']);
  assert.ok(problems.every((p) => p.code === 'symlink-loop'));
  assert.equal(problems.length, 2);
});

test('NodeFileSystem on a real folder, with a symlink loop and a broken link', async () => {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-walk-'));
  try {
    mkdirSync(join(root, 'corpus', 'sub'), { recursive: true });
    writeFileSync(join(root, 'corpus', 'a.txt'), 'Toget er tregt.');
    writeFileSync(join(root, 'corpus', 'sub', 'b.md'), '# B');
    symlinkSync(join(root, 'corpus'), join(root, 'corpus', 'sub', 'loop'));
    symlinkSync(join(root, 'corpus', 'missing.txt'), join(root, 'corpus', 'broken.txt'));
    writeFileSync(join(root, 'corpus', 'locked.txt'), 'x');
    chmodSync(join(root, 'corpus', 'locked.txt'), 0o000);
    const { files, problems } = await collect(walkCorpus(new NodeFileSystem(), [join(root, 'corpus')], { maxBytes: 1000 }));
    const relative = (path: string) => path.slice(root.length + 1);
    const runningAsRoot = process.getuid?.() === 0;
    assert.deepEqual(files.map(relative), runningAsRoot ? ['corpus/a.txt', 'corpus/locked.txt', 'corpus/sub/b.md'] : ['corpus/a.txt', 'corpus/sub/b.md']);
    const codes = problems.map((p) => `${p.code} ${relative(p.path)}`);
    assert.ok(codes.includes('broken-link corpus/broken.txt'), codes.join(', '));
    assert.ok(codes.includes('symlink-loop corpus/sub/loop'), codes.join(', '));
    if (!runningAsRoot) assert.ok(codes.includes('unreadable corpus/locked.txt'), codes.join(', '));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
