// PDF -> plain text and the document information dictionary (Title, Author,
// CreationDate), with Mozilla's pdf.js (legacy build, for Node). Everything
// runs in this process: the pdf.js "worker" is its message handler loaded on
// the same thread (no worker file, no download), fonts are neither loaded nor
// fetched, and no network access is possible (the bytes are handed over).
// Text: one line per text line of the page (pdf.js marks the ends of lines),
// a blank line where the vertical gap is larger than a line's, and between pages.

import type { ExtractedSource } from '../../core/types.js';
import { errorText, failed, mergeMeta, tidyText } from './text.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/**
 * Loads pdf.js once. Its load-time warnings (no canvas package: rendering
 * would be broken, which text extraction does not need) go to console.log,
 * which is the protocol channel of a stdio language server and the report of
 * `corroborate check --format json`: they are held back while it loads.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const log = console.log;
    console.log = () => undefined;
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return pdfjs;
}

/** Pages read at most (a 2,000-page PDF is a book, not a source article; its start is kept). */
const MAX_PAGES = 2000;

interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
  height?: number;
}

export async function extractPdf(path: string, bytes: Uint8Array): Promise<ExtractedSource> {
  if (!isPdfHeader(bytes)) return failed('pdf', path, 'bad-pdf', 'not a PDF file (it does not start with %PDF-)');
  const lib = await loadPdfJs();
  let document: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  const task = lib.getDocument({
    // pdf.js takes the buffer over: give it a copy.
    data: bytes.slice(),
    verbosity: lib.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
  });
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException') return failed('pdf', path, 'encrypted-pdf', 'the PDF is encrypted (it needs a password to open)');
    return failed('pdf', path, 'bad-pdf', `the PDF could not be read (${errorText(error)})`);
  }
  try {
    const pages: string[] = [];
    const count = Math.min(document.numPages, MAX_PAGES);
    for (let number = 1; number <= count; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageText(content.items as TextItem[]));
      page.cleanup();
    }
    const text = tidyText(pages.join('\n\n'));
    let info: Record<string, unknown> = {};
    try {
      info = ((await document.getMetadata()).info ?? {}) as Record<string, unknown>;
    } catch {
      // Unreadable properties cost the metadata, not the text.
    }
    if (!/[\p{L}\p{N}]/u.test(text)) return failed('pdf', path, 'no-text', 'the PDF has no text layer (a scanned image? run OCR on it first)', 'info');
    const meta = mergeMeta({ title: info.Title, author: info.Author, date: info.CreationDate ?? info.ModDate, language: info.Lang });
    return { kind: 'extracted', format: 'pdf', text, meta };
  } catch (error) {
    return failed('pdf', path, 'bad-pdf', `the PDF could not be read (${errorText(error)})`);
  } finally {
    await document.destroy().catch(() => undefined);
  }
}

function isPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow up to 1 KB of junk (as readers accept).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** One page: items joined, a line break where pdf.js saw one, a blank line for a paragraph gap. */
function pageText(items: TextItem[]): string {
  let out = '';
  let lastY: number | undefined;
  let lineHeight = 0;
  for (const item of items) {
    const y = item.transform?.[5];
    const height = item.height || Math.abs(item.transform?.[3] ?? 0);
    if (y !== undefined && lastY !== undefined && out !== '' && !out.endsWith('\n')) {
      // A new line without an end-of-line mark (some producers): a line break.
      if (Math.abs(y - lastY) > Math.max(2, height * 0.6)) out += '\n';
    }
    if (y !== undefined && lastY !== undefined && lineHeight > 0 && out.endsWith('\n') && !out.endsWith('\n\n') && lastY - y > lineHeight * 1.7) out += '\n';
    out += item.str;
    if (item.hasEOL) out += '\n';
    if (y !== undefined && item.str.trim() !== '') {
      if (lastY !== undefined && lastY - y > 0 && lastY - y < height * 3) lineHeight = lastY - y;
      else if (lineHeight === 0 && height > 0) lineHeight = height * 1.2;
      lastY = y;
    }
  }
  return out;
}
