// Corpus files in the formats newsrooms keep: saved web pages (.html, .htm),
// PDF and Word (.docx). Their bytes become an ExtractedSource (plain text +
// metadata) here, on the Node side, before the engine parses them: the core
// stays free of IO and of these libraries, and segmentation, the index and
// verification see text like any other. Evidence line numbers refer to the
// extracted text (what the editor's `corroborate-source:` documents show).
//
// Never throws: a file that cannot be read becomes a problem naming it.
// The extractors (extractors.ts) are loaded on first use.

import { fileURLToPath } from 'node:url';
import { DEFAULT_CORPUS_EXTENSIONS } from '../../core/corpus/walk.js';
import { decodeBytes } from '../../core/text/decode.js';
import type { ExtractedSource, SourceContent } from '../../core/types.js';
import { errorText, failed } from './text.js';

export type DocumentFormat = 'html' | 'pdf' | 'docx';

/** File endings of the extracted formats, lowercase with the dot. */
export const DOCUMENT_EXTENSIONS = ['.html', '.htm', '.pdf', '.docx'];

/** Every file ending the Node side loads into a corpus: text and Markdown, and the extracted formats. */
export const CORPUS_FILE_EXTENSIONS = [...DEFAULT_CORPUS_EXTENSIONS, ...DOCUMENT_EXTENSIONS];

export function documentFormat(path: string): DocumentFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.docx')) return 'docx';
  return undefined;
}

type Extractors = typeof import('./extractors.js');

let extractors: Promise<Extractors> | undefined;

/**
 * The extractors module: next to this file when running from out/ (tests,
 * scripts), `dist/extractors.js` next to the bundle (server, CLI, worker).
 */
function loadExtractors(): Promise<Extractors> {
  extractors ??= (async () => {
    const url = new URL('./extractors.js', import.meta.url);
    // In the CommonJS bundles esbuild turns import() into a CommonJS load, which wants a path.
    const target = typeof require === 'function' ? fileURLToPath(url) : url.href;
    const module = (await import(target)) as Extractors & { default?: Extractors };
    return typeof module.extractHtml === 'function' ? module : module.default!;
  })();
  return extractors;
}

/** How long one file may take to extract before it is skipped (a pathological PDF must not hold up the corpus). */
const EXTRACT_TIMEOUT_MS = 60_000;

/** The file's extracted text and metadata; the problem when it cannot be read. */
export async function extractDocument(path: string, content: Uint8Array | string, format: DocumentFormat, maxBytes: number): Promise<ExtractedSource> {
  try {
    if (typeof content !== 'string' && content.length > maxBytes) {
      return failed(format, path, 'too-large', `${content.length} bytes is more than the limit of ${maxBytes} bytes`);
    }
    const lib = await loadExtractors();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ExtractedSource>((done) => {
      timer = setTimeout(() => done(failed(format, path, 'extract-timeout', `reading the ${format.toUpperCase()} file took more than ${EXTRACT_TIMEOUT_MS / 1000} s`)), EXTRACT_TIMEOUT_MS);
      timer.unref?.();
    });
    try {
      return await Promise.race([run(lib, path, content, format, maxBytes), timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    return failed(format, path, 'parse-failed', `the ${format.toUpperCase()} file could not be read (${errorText(error)})`, 'error');
  }
}

async function run(lib: Extractors, path: string, content: Uint8Array | string, format: DocumentFormat, maxBytes: number): Promise<ExtractedSource> {
  if (format === 'html') {
    if (typeof content === 'string') return lib.extractHtml(path, content);
    const decoded = decodeBytes(content, path, { maxBytes });
    if (!('text' in decoded)) return { kind: 'extracted', format, text: '', meta: {}, problem: decoded.problem };
    return lib.extractHtml(path, decoded.text);
  }
  // An editor buffer of a PDF or DOCX is not the file: read as the bytes it shows would be meaningless.
  if (typeof content === 'string') return failed(format, path, 'bad-' + format, `an open editor buffer of a ${format.toUpperCase()} file cannot be read; close it`);
  return format === 'pdf' ? lib.extractPdf(path, content) : lib.extractDocx(path, content);
}

/** What the engine is given for a corpus file: extracted text for HTML, PDF and DOCX, the content as it is otherwise. */
export async function prepareSource(path: string, content: SourceContent, maxBytes: number): Promise<SourceContent> {
  if (typeof content === 'object' && !(content instanceof Uint8Array)) return content;
  const format = documentFormat(path);
  return format ? extractDocument(path, content, format, maxBytes) : content;
}
