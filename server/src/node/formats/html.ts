// Saved web pages (.html, .htm) -> the article's plain text and metadata.
// The article is found by Mozilla's Readability (the Firefox reader view) on a
// linkedom DOM; the text keeps one paragraph per block element, so sentences
// and evidence line numbers follow the page's paragraphs. Metadata comes from
// the page's own tags, most specific first: JSON-LD NewsArticle, Open Graph
// and article:* properties, then <title> and <html lang>.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ExtractedSource, SourceMeta } from '../../core/types.js';
import { failed, mergeMeta, metaValue, tidyText } from './text.js';

/** The part of the DOM this file touches (the core's TypeScript setup has no DOM library). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}
interface DomDocument {
  documentElement: DomNode | null;
  body: DomNode | null;
  title?: string;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

/** Elements that end a paragraph of text. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
const CELL = new Set(['TD', 'TH']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA']);
/** Page furniture left out when no article is found and the whole body is read. */
const FURNITURE = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);

/** Text of a DOM subtree with a blank line after each block element and a line break for <br>. */
export function blockText(root: DomNode, skipFurniture = false): string {
  const parts: string[] = [];
  const visit = (node: DomNode) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || (skipFurniture && FURNITURE.has(name))) return;
    if (name === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) parts.push('\n\n');
    for (let i = 0; i < node.childNodes.length; i++) visit(node.childNodes[i]);
    if (block) parts.push('\n\n');
    else if (CELL.has(name)) parts.push(' \t ');
  };
  visit(root);
  return tidyText(parts.join(''));
}

/** The metadata a saved news page declares about itself. */
export function htmlMeta(document: DomDocument): SourceMeta {
  const property = (...names: string[]) => {
    for (const name of names) {
      const element = document.querySelector(`meta[property="${name}"]`) ?? document.querySelector(`meta[name="${name}"]`) ?? document.querySelector(`meta[itemprop="${name}"]`);
      const value = metaValue(element?.getAttribute?.('content'));
      if (value) return value;
    }
    return undefined;
  };
  const ld = jsonLdArticle(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute?.('href');
  const meta = mergeMeta(
    {
      title: ld?.headline,
      outlet: ld?.publisher,
      author: ld?.author,
      date: ld?.datePublished,
      url: ld?.url,
    },
    {
      title: property('og:title', 'twitter:title', 'headline', 'dc.title'),
      outlet: property('og:site_name', 'application-name', 'publisher'),
      author: property('author', 'article:author', 'dc.creator'),
      date: property('article:published_time', 'datePublished', 'date', 'pubdate', 'dc.date', 'dcterms.created', 'og:published_time', 'article:modified_time'),
      url: property('og:url') ?? canonical,
      language: document.documentElement?.getAttribute?.('lang') ?? property('og:locale', 'language', 'content-language'),
    },
    { title: document.querySelector('title')?.textContent },
  );
  // "Headline | Outlet" in <title>: the outlet is named on its own.
  if (meta.title && meta.outlet) {
    for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
      if (meta.title.endsWith(separator + meta.outlet)) meta.title = meta.title.slice(0, -(separator + meta.outlet).length).trim();
    }
  }
  return meta;
}

interface LdArticle {
  headline?: string;
  datePublished?: string;
  publisher?: string;
  author?: string;
  url?: string;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|BackgroundNewsArticle|LiveBlogPosting|ScholarlyArticle|Report|WebPage)$/;

/** The first JSON-LD object of an article type (inside arrays and `@graph` too). */
function jsonLdArticle(document: DomDocument): LdArticle | undefined {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  const candidates: Array<Record<string, unknown>> = [];
  const collect = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) collect(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const types = ([] as unknown[]).concat(record['@type'] ?? []).map(String);
    if (types.some((type) => ARTICLE_TYPES.test(type))) candidates.push(record);
    if (record['@graph']) collect(record['@graph'], depth + 1);
  };
  for (let i = 0; i < scripts.length; i++) {
    try {
      collect(JSON.parse(scripts[i].textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block costs its metadata only.
    }
  }
  // An article beats the page that holds it.
  candidates.sort((a, b) => Number(String(a['@type']).includes('WebPage')) - Number(String(b['@type']).includes('WebPage')));
  const found = candidates[0];
  if (!found) return undefined;
  const name = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(name).filter(Boolean).join(', ') || undefined;
    if (value && typeof value === 'object') return name((value as Record<string, unknown>).name);
    return undefined;
  };
  return {
    headline: name(found.headline) ?? name(found.name),
    datePublished: name(found.datePublished) ?? name(found.dateCreated),
    publisher: name(found.publisher),
    author: name(found.author),
    url: name(found.url) ?? name(found.mainEntityOfPage),
  };
}

/** Words needed for a page to count as having article text. */
const MIN_ARTICLE_WORDS = 8;

export function extractHtml(path: string, html: string): ExtractedSource {
  let document: DomDocument;
  try {
    document = parseHTML(html).document as unknown as DomDocument;
  } catch (error) {
    return failed('html', path, 'bad-html', `the HTML could not be parsed (${String(error)})`);
  }
  const meta = htmlMeta(document);
  let text = '';
  try {
    // Readability changes the DOM it reads: give it its own copy.
    const article = new Readability(parseHTML(html).document as never, { serializer: (node: unknown) => node, charThreshold: 200 }).parse();
    const content = article?.content as DomNode | null | undefined;
    if (content) text = blockText(content);
    if (!meta.title && article?.title) meta.title = metaValue(article.title);
    if (!meta.outlet && article?.siteName) meta.outlet = metaValue(article.siteName);
  } catch {
    // Readability gave up: the body's text, without navigation and footers, below.
  }
  if (countWords(text) < MIN_ARTICLE_WORDS && document.body) text = blockText(document.body, true);
  if (countWords(text) < MIN_ARTICLE_WORDS) return failed('html', path, 'no-article-text', 'the page has no article text (only navigation, scripts or markup)', 'info');
  // The headline as the first paragraph (Readability takes it out of the article body).
  if (meta.title && !text.slice(0, meta.title.length + 40).includes(meta.title)) text = `${meta.title}\n\n${text}`;
  return { kind: 'extracted', format: 'html', text, meta };
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
