/**
 * The claim report webview's script (bundled by scripts/build.mjs into
 * media/report.js, an IIFE for the browser; its own tsconfig adds the DOM
 * types). Draws the model the extension host posts; every piece of text goes
 * in through textContent (corpus text is untrusted), nothing through
 * innerHTML. Clicks go back as messages naming a row by index and claim key;
 * the host checks them against the model it sent.
 */

import {
  CATEGORIES,
  CATEGORY_ICON,
  CATEGORY_LABEL,
  parseFilter,
  summaryText,
  toggleFilter,
  visibleRows,
  type Category,
  type HostMessage,
  type ReportModel,
  type ReportRow,
  type WebviewMessage,
} from '../model.js';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Kept by VS Code while the panel is hidden: the filter, the scroll position and the last model (drawn at once on return). */
interface SavedState {
  filter: Category[];
  scrollY: number;
  model?: ReportModel;
  notice?: string;
}

const api = acquireVsCodeApi();
const saved = (api.getState() ?? {}) as Partial<SavedState>;
const state: SavedState = {
  filter: parseFilter(saved.filter),
  scrollY: typeof saved.scrollY === 'number' ? saved.scrollY : 0,
  model: saved.model,
  notice: typeof saved.notice === 'string' ? saved.notice : undefined,
};
let current: string | undefined; // key of the row last revealed

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`report.html has no #${id}`);
  return element as T;
};
const title = byId<HTMLHeadingElement>('title');
const summary = byId<HTMLParagraphElement>('summary');
const filters = byId<HTMLDivElement>('filters');
const notice = byId<HTMLParagraphElement>('notice');
const table = byId<HTMLTableElement>('claims');
const body = table.tBodies[0]!;
const empty = byId<HTMLParagraphElement>('empty');

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function save(): void {
  api.setState(state);
}

const buttons = new Map<Category, HTMLButtonElement>();
for (const category of CATEGORIES) {
  const button = element('button', `filter verdict-${category}`);
  button.type = 'button';
  button.dataset.category = category;
  button.append(element('span', 'icon', CATEGORY_ICON[category]), ' ', element('span', 'word', CATEGORY_LABEL[category]), ' ', element('span', 'count', '0'));
  button.addEventListener('click', () => {
    state.filter = toggleFilter(state.filter, category);
    save();
    draw();
  });
  buttons.set(category, button);
  filters.append(button);
}
const all = element('button', 'filter all', 'Show all');
all.type = 'button';
all.addEventListener('click', () => {
  state.filter = [];
  save();
  draw();
});
filters.append(all);

function reveal(model: ReportModel, row: ReportRow): void {
  current = row.key;
  for (const tr of body.rows) tr.classList.toggle('current', tr.dataset.key === row.key);
  api.postMessage({ type: 'reveal', version: model.version, row: row.index, key: row.key });
}

function rowElement(model: ReportModel, row: ReportRow): HTMLTableRowElement {
  const tr = element('tr', `claim verdict-${row.category}`);
  tr.dataset.key = row.key;
  tr.dataset.row = String(row.index);
  if (row.key === current) tr.classList.add('current');

  const verdict = element('td', 'verdict');
  verdict.append(element('span', 'icon', row.icon), ' ', element('span', 'word', row.verdictText));
  tr.append(verdict);

  tr.append(element('td', 'line', String(row.line)));

  const claim = element('td', 'sentence');
  const go = element('button', 'go', row.sentence);
  go.type = 'button';
  go.title = `Line ${row.line}: select this sentence in the draft`;
  go.dataset.focus = `claim:${row.key}`;
  claim.append(go);
  // A supported sentence's message repeats its sources' quotes: only the others explain themselves.
  if (row.message && (row.verdict !== 'supported' || row.sources.length === 0)) claim.append(element('div', 'message', row.message));
  tr.append(claim);

  const sources = element('td', 'sources');
  if (row.sources.length === 0) sources.append(element('span', 'none', 'no source'));
  const list = element('ul');
  for (const source of row.sources) {
    const item = element('li', `source stance-${source.stance}`);
    const open = element('button', 'open', source.label);
    open.type = 'button';
    open.title = `Open ${source.location}`;
    open.dataset.focus = `source:${row.key}:${source.index}`;
    open.addEventListener('click', (event) => {
      event.stopPropagation();
      api.postMessage({ type: 'openSource', version: model.version, row: row.index, key: row.key, source: source.index });
    });
    item.append(open, ' ', element('span', 'where', `${source.where} · ${source.stanceText}`));
    if (source.quote) item.append(element('blockquote', 'quote', source.quote));
    list.append(item);
  }
  if (row.sources.length) sources.append(list);
  tr.append(sources);

  // The whole row is a target for the mouse; the sentence button is the keyboard's (Enter / Space).
  tr.addEventListener('click', () => reveal(model, row));
  return tr;
}

function draw(): void {
  const model = state.model;
  notice.hidden = !state.notice;
  notice.textContent = state.notice ?? '';
  for (const [category, button] of buttons) {
    const pressed = state.filter.includes(category);
    button.setAttribute('aria-pressed', String(pressed));
    const count = model?.counts[category] ?? 0;
    button.querySelector('.count')!.textContent = String(count);
    button.setAttribute('aria-label', `${CATEGORY_LABEL[category]}: ${count}${pressed ? ', shown' : ''}`);
  }
  all.disabled = state.filter.length === 0;
  if (!model) {
    summary.textContent = 'Waiting for the server…';
    table.hidden = true;
    return;
  }
  title.textContent = model.title;
  document.title = model.title;
  summary.textContent = summaryText(model);

  // Redrawn in one replaceChildren: no flicker; the focused button is focused again by its key.
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.focus;
  const rows = visibleRows(model.rows, state.filter);
  body.replaceChildren(...rows.map((row) => rowElement(model, row)));
  table.hidden = rows.length === 0;
  empty.hidden = rows.length > 0;
  empty.textContent =
    model.rows.length === 0
      ? 'No checkable claims in this draft.'
      : `No ${state.filter.map((category) => CATEGORY_LABEL[category].toLowerCase()).join(' or ')} claims.`;
  if (focused) body.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message?.type === 'update') {
    state.model = message.model;
    state.notice = message.notice;
  } else if (message?.type === 'notice') {
    state.notice = message.notice;
  } else {
    return;
  }
  save();
  draw();
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    state.scrollY = window.scrollY;
    save();
  }, 100);
});

draw();
if (state.scrollY > 0) window.scrollTo(0, state.scrollY);
api.postMessage({ type: 'ready' });
