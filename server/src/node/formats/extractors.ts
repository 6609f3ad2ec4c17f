// The heavy half of the format support: pdf.js, mammoth, Readability and
// linkedom. Bundled on its own (dist/extractors.js) and loaded by index.ts
// the first time an HTML, PDF or DOCX file is met, so a corpus of plain text
// and Markdown never pays for parsing these libraries.

export { extractHtml } from './html.js';
export { extractPdf } from './pdf.js';
export { extractDocx } from './docx.js';
