/**
 * What the status bar item says, as plain data (no VS Code API, so it is unit
 * tested): a label that says whose counts these are ("Corroborate: ✓ 12 ⚠ 2
 * ? 5", unlike the Problems counter beside it), an accessible name that spells
 * the counts out, and a tooltip that explains each count and the corpus.
 */

import type { ClaimCounts } from '../../server/src/lsp/protocol.js';

export type StatusState =
  | { kind: 'off' }
  | { kind: 'indexing'; done: number; total: number }
  | { kind: 'waiting' }
  | { kind: 'noCorpus'; corpusPaths: string[] }
  | { kind: 'counts'; counts: ClaimCounts; documents: number; problems: number; indexedAt?: Date };

export interface StatusView {
  /** Status bar text; `$(icon)` codicons. */
  text: string;
  /** Screen readers read this instead of the icons. */
  accessibleLabel: string;
  /** Markdown lines of the tooltip. */
  tooltip: string[];
}

const number = (value: number) => value.toLocaleString('en-US');

function clock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

export function statusView(state: StatusState): StatusView {
  switch (state.kind) {
    case 'off':
      return {
        text: '$(circle-slash) Corroborate: off',
        accessibleLabel: 'Corroborate is turned off in this workspace',
        tooltip: ['**Corroborate** is turned off in this workspace.', 'Run *Corroborate: Enable* to check drafts again.'],
      };
    case 'indexing': {
      const progress = state.total > 0 ? `${number(state.done)} of ${number(state.total)} sources` : 'reading the corpus';
      return {
        text: '$(sync~spin) Corroborate: indexing…',
        accessibleLabel: `Corroborate is indexing the corpus: ${progress}`,
        tooltip: [`**Corroborate** is indexing the corpus (${progress}).`, 'Verdicts follow when it is done.'],
      };
    }
    case 'waiting':
      return {
        text: 'Corroborate: …',
        accessibleLabel: 'Corroborate: waiting for the first check of this draft',
        tooltip: ['**Corroborate** is waiting for the first check of this draft.'],
      };
    case 'noCorpus':
      return {
        text: '$(warning) Corroborate: no corpus',
        accessibleLabel: 'Corroborate found no corpus folder',
        tooltip: [
          `**Corroborate** found no corpus folder (${state.corpusPaths.map((path) => `\`${path}\``).join(', ') || '`corpus`'}).`,
          'Set `corroborate.corpus.paths`, or run *Corroborate: Choose Corpus Folder…*.',
        ],
      };
    case 'counts': {
      const { supported, contradicted, disputed, unsupported, ignored } = state.counts;
      const warnings = contradicted + disputed;
      const tooltip = [
        '**Corroborate**: the claims of this draft, checked against the corpus',
        `$(check) ${supported} supported: a source says it`,
        `$(warning) ${warnings} to look at: ${contradicted} contradicted (a source says otherwise), ${disputed} disputed (the sources disagree)`,
        `$(question) ${unsupported} unsupported: no source says it`,
      ];
      if (ignored > 0) tooltip.push(`$(eye-closed) ${ignored} ignored`);
      tooltip.push(
        `Corpus: ${number(state.documents)} source document${state.documents === 1 ? '' : 's'}` +
          (state.indexedAt ? `, indexed at ${clock(state.indexedAt)}` : '') +
          (state.problems > 0 ? `; ${number(state.problems)} file(s) skipped or with problems (see the Corroborate output)` : ''),
        'Click for the claim report.',
      );
      return {
        text: `Corroborate: $(check) ${supported} $(warning) ${warnings} $(question) ${unsupported}`,
        accessibleLabel: `Corroborate: ${supported} supported, ${warnings} contradicted or disputed, ${unsupported} unsupported`,
        tooltip,
      };
    }
  }
}
