// A corpus nobody cleaned, generated in a temp folder: good files in every
// encoding and line-end convention next to binary, empty, oversized, NUL-laden,
// unreadable, vanished and looping ones. Each good file states one fact no
// other file states, so a draft repeating the facts shows which files were read.

import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from '../unit/property/generators.js';

/** Corpus files are skipped above this size in these tests (the setting / --max-file-mb). */
export const MAX_FILE_MB = 1;

export interface GoodFile {
  /** Path relative to the corpus folder. */
  path: string;
  /** The sentence the file states (the draft repeats it). */
  fact: string;
  /** A problem the file is read with anyway (a lossy encoding), if any. */
  warning?: string;
}

export interface BadFile {
  path: string;
  /** Problem codes that are acceptable for it. */
  codes: string[];
}

export interface NastyCorpus {
  workspace: string;
  corpus: string;
  good: GoodFile[];
  bad: BadFile[];
  /** How the unreadable file was made: chmod 000, or (as root, where chmod does not stop reads) a link to /proc/self/mem. */
  unreadableBy: 'chmod' | 'proc-mem';
  draft: string;
}

const FACTS = {
  utf8: 'The armoured train has a top speed of 60 km/h.',
  utf16leBom: 'The Tumen river bridge is 800 metres long.',
  utf16le: 'The Khasan station has four platforms and a water tower.',
  utf16beBom: 'The port of Rason handled ninety ships in 2019.',
  utf16be: 'The Vostochny cosmodrome launched seven rockets in 2022.',
  latin1: 'The café in Tromsø serves 120 guests every evening.',
  crlf: 'The Amur bridge carries twelve freight trains a day.',
  cr: 'The Ussuri railway line is 750 kilometres long.',
  bigLine: 'The Sakhalin ferry crossing takes 20 hours in winter.',
  nonAscii: 'The Baikal tunnel is six kilometres long.',
  invalidUtf8: 'The Zarubino harbour is fifteen metres deep.',
  tiny: 'The tiny archive holds 3 letters.',
};

function write(root: string, path: string, content: string | Uint8Array): void {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** `tinyFiles`: how many one-sentence files to add (the many-tiny-files case). */
export function makeNastyCorpus(tinyFiles = 300): NastyCorpus {
  const workspace = mkdtempSync(join(tmpdir(), 'corroborate-nasty-'));
  const corpus = join(workspace, 'corpus');
  mkdirSync(corpus);
  const good: GoodFile[] = [];
  const bad: BadFile[] = [];
  const addGood = (path: string, content: string | Uint8Array, fact: string, warning?: string) => {
    write(corpus, path, content);
    good.push({ path, fact, warning });
  };

  addGood('train.md', `---\ntitle: The Armoured Train\n---\n\n# The train\n\n${FACTS.utf8}\n`, FACTS.utf8);
  addGood('utf16le-bom.txt', encode(`Bridges\n\n${FACTS.utf16leBom}\n`, 'utf16lebom'), FACTS.utf16leBom);
  addGood('utf16le.txt', encode(`Stations\n\n${FACTS.utf16le}\n`, 'utf16le'), FACTS.utf16le);
  addGood('utf16be-bom.txt', encode(`Ports\n\n${FACTS.utf16beBom}\n`, 'utf16bebom'), FACTS.utf16beBom);
  addGood('utf16be.txt', encode(`Rockets\n\n${FACTS.utf16be}\n`, 'utf16be'), FACTS.utf16be);
  addGood('latin1.txt', encode(`Cafés\n\n${FACTS.latin1}\n`, 'latin1'), FACTS.latin1, 'not-utf8');
  addGood('crlf.txt', `Bridges\r\n\r\n${FACTS.crlf}\r\n`, FACTS.crlf);
  addGood('cr.txt', `Railways\r\r${FACTS.cr}\r`, FACTS.cr);
  // One enormous line (half the size limit) that starts with the fact.
  addGood('one-line.txt', `${FACTS.bigLine} ${'and the ferry went on '.repeat(Math.floor((MAX_FILE_MB * 1024 * 1024) / 2 / 22))}`, FACTS.bigLine);
  addGood('sub dir/Ærlig kilde ø 漢字.md', `# Tunnels\n\n${FACTS.nonAscii}\n`, FACTS.nonAscii);
  // Not UTF-8 (a stray 0xE9 and 0x92): read as Windows-1252 with a warning.
  addGood('invalid-utf8.txt', new Uint8Array([...Buffer.from(`Harbours \xe9t\x92e\n\n`, 'latin1'), ...Buffer.from(`${FACTS.invalidUtf8}\n`)]), FACTS.invalidUtf8, 'not-utf8');
  for (let i = 0; i < tinyFiles; i++) write(corpus, `tiny/${String(i).padStart(5, '0')}.txt`, i === 0 ? `${FACTS.tiny}\n` : `Note ${i}.\n`);
  if (tinyFiles > 0) good.push({ path: 'tiny/00000.txt', fact: FACTS.tiny });

  const addBad = (path: string, content: string | Uint8Array, codes: string[]) => {
    write(corpus, path, content);
    bad.push({ path, codes });
  };
  const random = new Uint8Array(4096);
  for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
  addBad('binary.txt', random, ['binary-file', 'bad-encoding']);
  addBad('empty.txt', '', ['empty-file']);
  addBad('blank.md', '   \n\n\t\n', ['empty-file']);
  addBad('huge.txt', Buffer.alloc(MAX_FILE_MB * 1024 * 1024 + 1, 'a'), ['too-large']);
  addBad('nul.txt', `Some text\u0000with\u0000NUL bytes\u0000 in it and more text after it.\u0000\n`, ['binary-file']);

  // Unreadable. chmod 000 stops reads for other users; root reads anyway, so as root
  // the file is a link to /proc/self/mem, which every read fails on (EIO).
  let unreadableBy: NastyCorpus['unreadableBy'];
  if (isRoot()) {
    symlinkSync('/proc/self/mem', join(corpus, 'unreadable.txt'));
    unreadableBy = 'proc-mem';
  } else {
    write(corpus, 'unreadable.txt', `${FACTS.utf8}\n`);
    chmodSync(join(corpus, 'unreadable.txt'), 0o000);
    unreadableBy = 'chmod';
  }
  bad.push({ path: 'unreadable.txt', codes: ['unreadable'] });
  // A link to nothing, a link to itself, a folder that links back to the corpus.
  symlinkSync(join(corpus, 'no such file.txt'), join(corpus, 'dangling.txt'));
  bad.push({ path: 'dangling.txt', codes: ['broken-link'] });
  symlinkSync(join(corpus, 'self.txt'), join(corpus, 'self.txt'));
  bad.push({ path: 'self.txt', codes: ['symlink-loop'] });
  symlinkSync(corpus, join(corpus, 'loop'));
  bad.push({ path: 'loop', codes: ['symlink-loop'] });
  // A folder named like a file is walked as a folder (its files count), never read as a file.
  write(corpus, 'folder.txt/inside.md', '# Inside\n');

  const draft = `# Draft\n\n${Object.values(FACTS).join('\n\n')}\n\nThe armoured train has a top speed of 88 km/h.\n`;
  writeFileSync(join(workspace, 'draft.md'), draft);
  return { workspace, corpus, good, bad, unreadableBy, draft };
}

/** Restores permissions so the temp folder can be removed. */
export function cleanupNastyCorpus(nasty: NastyCorpus): void {
  try {
    if (nasty.unreadableBy === 'chmod') chmodSync(join(nasty.corpus, 'unreadable.txt'), 0o644);
  } catch {
    // Already gone.
  }
}
