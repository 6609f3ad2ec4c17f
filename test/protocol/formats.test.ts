// Protocol test: a corpus of an HTML page, a PDF and a Word file, through the
// real bundled server. Each supports a draft sentence; evidence lines are lines
// of the extracted text, which `corroborate/sourceText` returns; hovers name the
// sources by their metadata and (for a client that shows extracted text) link
// to `corroborate.openSource`; citations carry the metadata; a draft's
// `sources:` front matter narrows its check.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EvidenceAtRequest, SourceTextRequest, type EvidenceLocation, type SourceTextResult } from '../../server/src/lsp/protocol.js';
import { makeDocx, makeHtml, makePdf } from '../fixtures/formats/make.js';
import { applyWorkspaceEdit, Harness, makeWorkspace, pullCapabilities } from './harness.js';

const HTML_FACT = 'The trip from Pyongyang to the border took about 20 hours.';
const PDF_FACT = 'The summit between Kim and Putin took place at the Vostochny cosmodrome.';
const DOCX_FACT = 'Kim arrived in Vladivostok on Tuesday morning by armoured train.';

const DRAFT = `# Notes\n\n${HTML_FACT}\n\n${PDF_FACT}\n\n${DOCX_FACT}\n`;

function at(document: TextDocument, needle: string) {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in the document`);
  return document.positionAt(offset + 3);
}

describe('HTML, PDF and DOCX sources over the protocol', () => {
  let harness: Harness;
  let workspace: string;
  before(async () => {
    workspace = makeWorkspace({
      'corpus/a/fast.md': '---\noutlet: Fast News\n---\nThe armoured train has a top speed of 88 km/h.\n',
      'corpus/b/slow.md': 'The armoured train has a top speed of 60 km/h.\n',
    });
    writeFileSync(
      join(workspace, 'corpus/page.html'),
      makeHtml({
        title: 'Kim goes by train',
        siteName: 'Example Times',
        published: '2023-09-12T08:00:00+09:00',
        paragraphs: ['North Korean leader Kim Jong Un travelled to Russia by train.', HTML_FACT],
      }),
    );
    writeFileSync(
      join(workspace, 'corpus/report.pdf'),
      makePdf({ title: 'Summit report', author: 'Rail Agency', creationDate: 'D:20230913', pages: [['Summit report', '', 'Introduction to the report.'], [PDF_FACT]] }),
    );
    writeFileSync(join(workspace, 'corpus/note.docx'), makeDocx({ title: 'Arrival note', created: '2023-09-14T06:00:00Z', paragraphs: ['Internal note.', DOCX_FACT] }));
    harness = new Harness(workspace, { capabilities: pullCapabilities, settings: null, timeoutMs: 60_000 }).setCapabilities(pullCapabilities);
    await harness.initialize({ sourceDocuments: true });
  });
  after(() => harness.shutdown());

  test('each format supports a sentence; evidence lines are lines of the text corroborate/sourceText returns', async () => {
    const document = await harness.open('drafts/notes.md', DRAFT);
    await harness.pull(document.uri);
    const expected: Array<[string, string, string]> = [
      [HTML_FACT, 'page.html', 'Example Times, 2023-09-12'],
      [PDF_FACT, 'report.pdf', 'Rail Agency, 2023-09-13'],
      [DOCX_FACT, 'note.docx', '“Arrival note”, 2023-09-14'],
    ];
    for (const [fact, file, label] of expected) {
      const locations = await harness.request<EvidenceLocation[]>(EvidenceAtRequest.method, { uri: document.uri, position: at(document, fact) });
      const location = locations.find((item) => item.uri.endsWith(`/corpus/${file}`));
      assert.ok(location, `${file}: ${JSON.stringify(locations)}`);
      assert.equal(location.label, `${label} (${file}:${location.line + 1})`);
      const source = await harness.request<SourceTextResult | null>(SourceTextRequest.method, { uri: location.uri });
      assert.ok(source, file);
      assert.equal(source.label, label);
      assert.equal(source.format, file.slice(file.indexOf('.') + 1));
      assert.equal(source.text.split('\n')[location.line], fact, `${file} line ${location.line}`);
      const hover = await harness.request<Hover | null>(HoverRequest.method, { textDocument: { uri: document.uri }, position: at(document, fact) });
      const text = hover ? (hover.contents as MarkupContent).value : '';
      assert.match(text, /^\*\*Corroborate: supported\*\*/);
      assert.ok(text.includes(`[${label}](command:corroborate.openSource?`), text);
      assert.ok(text.includes(`${file}, line ${location.line + 1} of its text`), text);
    }
    const pdfText = await harness.request<SourceTextResult | null>(SourceTextRequest.method, { uri: pathToFileURL(join(workspace, 'corpus/report.pdf')).href });
    assert.equal(pdfText?.text, `Summit report\n\nIntroduction to the report.\n\n${PDF_FACT}`);
    assert.equal(pdfText?.title, 'Summit report');
    assert.equal(await harness.request(SourceTextRequest.method, { uri: pathToFileURL(join(workspace, 'drafts/notes.md')).href }), null);
  });

  test('insert citation cites the PDF by its title, author and date', async () => {
    const document = await harness.open('drafts/cite.md', `${PDF_FACT}\n`);
    await harness.pull(document.uri);
    const actions = await harness.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: document.uri },
      range: { start: at(document, PDF_FACT), end: at(document, PDF_FACT) },
      context: { diagnostics: [] as Diagnostic[] },
    });
    const cite = actions.find((action) => action.title.startsWith('Insert citation'));
    assert.ok(cite?.edit, actions.map((action) => action.title).join(' | '));
    const cited = applyWorkspaceEdit(document, cite.edit);
    assert.match(cited, /\n\[\^summit-report\]: Summit report, Rail Agency, 2023-09-13\. \.\.\/corpus\/report\.pdf\n$/);
  });

  test('a draft\'s sources front matter narrows its check in the server', async () => {
    const sentence = 'The armoured train has a top speed of 88 km/h.';
    const open = await harness.open('drafts/open.md', `${sentence}\n`);
    const openItems = await harness.pullUntil(open.uri, 'a verdict', (items) => items.length > 0);
    assert.equal(openItems[0].code, 'disputed');
    const scoped = await harness.open('drafts/scoped.md', `---\nsources: ["b/*.md"]\n---\n${sentence}\n`);
    const scopedItems = await harness.pullUntil(scoped.uri, 'a verdict', (items) => items.length > 0);
    assert.equal(scopedItems[0].code, 'contradicted');
    assert.doesNotMatch(String(scopedItems[0].message), /Fast News/);
  });
});
