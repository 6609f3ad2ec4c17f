// Word documents (.docx) -> plain text with mammoth (one paragraph per Word
// paragraph), and title / author / date from the package's core properties
// (docProps/core.xml, read with JSZip, which mammoth itself uses).

import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { ExtractedSource, SourceMeta } from '../../core/types.js';
import { errorText, failed, mergeMeta, tidyText } from './text.js';

export async function extractDocx(path: string, bytes: Uint8Array): Promise<ExtractedSource> {
  try {
    return await readDocx(path, bytes);
  } catch (error) {
    // A damaged part (bad CRC, truncated stream) anywhere in the package.
    return failed('docx', path, 'bad-docx', `the Word document could not be read (${errorText(error)})`);
  }
}

async function readDocx(path: string, bytes: Uint8Array): Promise<ExtractedSource> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return failed('docx', path, 'bad-docx', 'not a Word document (.docx files are zip archives; this one is not)');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    return failed('docx', path, 'bad-docx', `not a readable Word document (${errorText(error)})`);
  }
  if (!zip.file('word/document.xml') && !(await mainPartNamed(zip))) {
    return failed('docx', path, 'bad-docx', 'a zip archive but not a Word document (it has no word/document.xml)');
  }
  let text: string;
  try {
    text = tidyText((await mammoth.extractRawText({ buffer })).value);
  } catch (error) {
    return failed('docx', path, 'bad-docx', `the Word document could not be read (${errorText(error)})`);
  }
  if (!/[\p{L}\p{N}]/u.test(text)) return failed('docx', path, 'empty-file', 'the Word document has no text', 'info');
  return { kind: 'extracted', format: 'docx', text, meta: await coreProperties(zip) };
}

/** Whether the package relationships name a main document part elsewhere than word/document.xml. */
async function mainPartNamed(zip: JSZip): Promise<boolean> {
  const rels = await zip.file('_rels/.rels')?.async('string');
  return rels !== undefined && /officeDocument\/2006\/relationships\/officeDocument"/.test(rels);
}

async function coreProperties(zip: JSZip): Promise<SourceMeta> {
  let xml: string | undefined;
  try {
    xml = await zip.file('docProps/core.xml')?.async('string');
  } catch {
    return {};
  }
  if (!xml) return {};
  const field = (name: string) => {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml!);
    return match ? decodeEntities(match[1]) : undefined;
  };
  return mergeMeta({ title: field('dc:title'), author: field('dc:creator'), date: field('dcterms:created') ?? field('dcterms:modified'), language: field('dc:language') });
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
  });
}
